/**
 * Every failure hlsest reports on purpose carries a stable code, so the CLI can map it to a
 * message and an exit status and scripts can branch on it without parsing prose.
 */
export type HlsestErrorCode =
  | 'HLSEST_BAD_PRECISION'
  | 'HLSEST_UNKNOWN_PART'
  | 'HLSEST_INVALID_RECORD'
  | 'HLSEST_BAD_MODEL'
  | 'HLSEST_UNKNOWN_LAYER'
  | 'HLSEST_SHAPE_MISMATCH'
  | 'HLSEST_BAD_CONFIG'
  | 'HLSEST_BAD_REPORT'
  | 'HLSEST_REPORT_NOT_FOUND'
  | 'HLSEST_BAD_INPUT'
  | 'HLSEST_BAD_BUNDLE'
  | 'HLSEST_BAD_DATASET'
  /** An output path holds something hlsest did not write (or is an input): refused without --force. */
  | 'HLSEST_OUTPUT_EXISTS'
  /** Another hlsest process is writing the same dataset. */
  | 'HLSEST_BUSY'
  | 'HLSEST_INTERRUPTED';

export class HlsestError extends Error {
  override readonly name = 'HlsestError';
  constructor(
    readonly code: HlsestErrorCode,
    message: string,
    /** Where the problem is: a file, a layer name, a JSON path. */
    readonly context: Readonly<Record<string, unknown>> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isHlsestError(value: unknown, code?: HlsestErrorCode): value is HlsestError {
  return value instanceof HlsestError && (code === undefined || value.code === code);
}

/** A value or the reasons it could not be produced, for parsers that must not stop a stream. */
export type Result<T, E = HlsestError> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = <E>(error: E): Result<never, E> => ({ ok: false, error });
