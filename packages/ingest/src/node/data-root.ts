import { resolve } from 'node:path';

/** Where the real synthesis data lives: `HLSEST_DATA`, else `../shared/hls4ml-data` from the working folder. */
export function dataRoot(cwd: string = process.cwd()): string {
  return resolve(cwd, process.env['HLSEST_DATA'] ?? '../shared/hls4ml-data');
}
