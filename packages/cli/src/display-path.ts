import { basename, isAbsolute, relative } from 'node:path';

/**
 * A path as a report may show it: relative to the working directory when inside it, else just
 * its last part. Reports travel (committed, published): they must not carry the absolute paths
 * of the machine that wrote them.
 */
export function displayPath(path: string, cwd: string = process.cwd()): string {
  const inside = relative(cwd, path);
  if (inside === '') return '.';
  return inside.startsWith('..') || isAbsolute(inside) ? basename(path) : inside;
}
