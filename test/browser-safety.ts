import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Every module reachable from `entry` through relative imports, with any import of a Node
 * built-in: what a browser bundle of that entry would choke on.
 */
export function nodeImportsReachableFrom(entry: string): string[] {
  const seen = new Set<string>();
  const offenders: string[] = [];
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:import|export)[^'"]*from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      const spec = match[1] ?? match[2]!;
      if (spec.startsWith('node:') || ['fs', 'path', 'os', 'crypto', 'url', 'child_process', 'stream', 'zlib'].includes(spec)) offenders.push(`${file}: ${spec}`);
      else if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
    }
  };
  visit(entry);
  return offenders;
}
