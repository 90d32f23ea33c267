import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './data-root.js';

/** `npm pack` a workspace package into `dir`; returns the tarball path. */
export function packWorkspace(name: 'core' | 'predictor', dir: string): string {
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: join(REPO_ROOT, 'packages', name), encoding: 'utf8' });
  return join(dir, (JSON.parse(out) as { filename: string }[])[0]!.filename);
}

/**
 * Installs tarballs into a new empty ESM project and runs `script` there; returns its stdout.
 * `offline`: with an empty npm cache and --offline, so any dependency the tarballs do not carry
 * fails the install (what a user without registry access would see).
 */
export function installAndRun(tarballs: readonly string[], script: string, options: { offline?: boolean } = {}): string {
  const project = mkdtempSync(join(tmpdir(), 'hlsest-consumer-'));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  const network = options.offline ? ['--offline', '--cache', mkdtempSync(join(tmpdir(), 'hlsest-empty-cache-'))] : ['--prefer-offline'];
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', ...network, ...tarballs], { cwd: project, stdio: 'pipe' });
  writeFileSync(join(project, 'main.js'), script);
  return execFileSync(process.execPath, ['main.js'], { cwd: project, encoding: 'utf8' });
}
