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
  HLSEST_INTERRUPTED: 130,
};

export function exitCodeFor(error: unknown): number {
  return isHlsestError(error) ? (EXIT_BY_CODE[error.code] ?? 1) : 70;
}

export function describeError(error: unknown): string {
  if (isHlsestError(error)) return `hlsest: ${error.message} [${error.code}]`;
  return `hlsest: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
}
