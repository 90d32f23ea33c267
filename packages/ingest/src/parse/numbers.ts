import { HlsestError } from '@hlsest/core';

/**
 * Report numbers arrive as text ("1,182,240", "0.5", "-" for none, "undef" for an unknown
 * latency). `undefined` means absent; anything else that is not a number is a report error.
 */
export function reportNumber(text: unknown, where: string, file: string): number | undefined {
  if (text === undefined || text === null) return undefined;
  if (typeof text === 'number') return Number.isFinite(text) ? text : undefined;
  const cleaned = String(text).trim().replace(/,/g, '');
  if (cleaned === '' || cleaned === '-' || cleaned.toLowerCase() === 'undef' || cleaned === '?') return undefined;
  const match = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(cleaned);
  if (!match) throw new HlsestError('HLSEST_BAD_REPORT', `${file}: ${where} is not a number: "${String(text)}"`, { file, field: where });
  return Number(match[0]);
}

export function requireNumber(text: unknown, where: string, file: string): number {
  const value = reportNumber(text, where, file);
  if (value === undefined) throw new HlsestError('HLSEST_BAD_REPORT', `${file}: ${where} is missing`, { file, field: where });
  return value;
}
