import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The one setting that locates the real synthesis data: `HLSEST_DATA`, by default
 * `../shared/hls4ml-data` beside the project root. Tests that need it fail loudly without it.
 */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DATA_ROOT = resolve(REPO_ROOT, process.env['HLSEST_DATA'] ?? '../shared/hls4ml-data');

export function dataPath(...parts: string[]): string {
  if (!existsSync(DATA_ROOT)) {
    throw new Error(`Real data not found at ${DATA_ROOT}: set HLSEST_DATA to the hls4ml-data folder`);
  }
  return resolve(DATA_ROOT, ...parts);
}
