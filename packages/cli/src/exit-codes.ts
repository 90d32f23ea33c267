import { isHlsestError, type HlsestErrorCode } from '@hlsest/core';

/** Exit statuses scripts can branch on: 1 a run that finished with rejected inputs, 2 usage, 3+ by cause. */
const EXIT_BY_CODE: Partial<Record<HlsestErrorCode, number>> = {
  HLSEST_BAD_CONFIG: 2,
  HLSEST_BAD_PRECISION: 2,
  HLSEST_UNKNOWN_PART: 2,
  HLSEST_BAD_INPUT: 3,
  HLSEST_BAD_MODEL: 3,
  HLSEST_UNKNOWN_LAYER: 3,
  HLSEST_SHAPE_MISMATCH: 3,
  HLSEST_BAD_REPORT: 3,
  HLSEST_REPORT_NOT_FOUND: 3,
  HLSEST_INVALID_RECORD: 3,
  HLSEST_BAD_DATASET: 4,
  HLSEST_BAD_BUNDLE: 5,
  HLSEST_OUTPUT_EXISTS: 6,
  HLSEST_BUSY: 7,
  HLSEST_INTERRUPTED: 130,
};

/** Exit status of a file-system failure that reached the top: the user's path, not our bug. */
const EXIT_FILE_SYSTEM = 3;

/** Node's file-system errors, in words a user can act on. */
const FS_WORDS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  EROFS: 'read-only file system',
  ENOTDIR: 'a file where a folder is needed',
  EISDIR: 'a folder where a file is needed',
  EEXIST: 'already exists',
  ENOTEMPTY: 'folder not empty',
  ENOSPC: 'no space left on the device',
  EMFILE: 'too many open files',
};

function fileSystemError(error: unknown): { path: string; code: string } | undefined {
  const e = error as NodeJS.ErrnoException | undefined;
  return e && typeof e.code === 'string' && FS_WORDS[e.code] && typeof e.path === 'string' ? { path: e.path, code: e.code } : undefined;
}

export function exitCodeFor(error: unknown): number {
  if (isHlsestError(error)) return EXIT_BY_CODE[error.code] ?? 1;
  return fileSystemError(error) ? EXIT_FILE_SYSTEM : 70;
}

export function describeError(error: unknown): string {
  if (isHlsestError(error)) return `hlsest: ${error.message} [${error.code}]`;
  const fs = fileSystemError(error);
  if (fs) return `hlsest: ${fs.path}: ${FS_WORDS[fs.code]} [${fs.code}]`;
  return `hlsest: unexpected failure (a bug: please report it): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
}
