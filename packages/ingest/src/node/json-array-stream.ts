import { createReadStream } from 'node:fs';
import { HlsestError } from '@hlsest/core';

/**
 * Streams the elements of a top-level JSON array, one parsed value at a time, in constant memory.
 *
 * Written here rather than taken from stream-json: its token-per-event design runs at a few
 * MB/s, far below the ≥ 50,000 records/s the ingest benchmark asks for. This scanner only finds
 * element boundaries (depth and string state over raw bytes) and hands each element to the
 * native `JSON.parse`, which does the real parsing.
 */
export async function* streamJsonArray(path: string, signal?: AbortSignal): AsyncGenerator<{ index: number; value: unknown }> {
  const QUOTE = 0x22, BACKSLASH = 0x5c, OPEN_BRACE = 0x7b, CLOSE_BRACE = 0x7d, OPEN_BRACKET = 0x5b, CLOSE_BRACKET = 0x5d, COMMA = 0x2c;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let started = false;
  let finished = false;
  let pending: Buffer[] = [];
  let elementStart = -1;
  let index = 0;
  let offset = 0;

  const fail = (reason: string): never => {
    throw new HlsestError('HLSEST_BAD_INPUT', `${path}: ${reason}`, { file: path });
  };
  const emit = (chunk: Buffer, end: number, at: number) => {
    // Most elements lie inside one chunk: decode them in place, without a copy.
    const text = (
      pending.length === 0 && elementStart >= 0
        ? chunk.toString('utf8', elementStart, end)
        : Buffer.concat([...pending, chunk.subarray(Math.max(elementStart, 0), end)]).toString('utf8')
    ).trim();
    pending = [];
    elementStart = -1;
    if (text === '') fail(`empty element at index ${at}`);
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      return fail(`element ${at} is not valid JSON (${(error as Error).message})`);
    }
  };

  for await (const raw of createReadStream(path, { highWaterMark: 1 << 20 })) {
    if (signal?.aborted) return;
    const chunk = raw as Buffer;
    const values: unknown[] = [];
    let capturing = elementStart >= 0 || pending.length > 0;
    // Next backslash at or after the scan position, found with the native indexOf and reused
    // until passed, so skipping a string costs two memchr calls, not a JavaScript loop per byte.
    let nextBackslash = -1;
    for (let i = 0; i < chunk.length; i++) {
      if (inString) {
        if (escaped) {
          escaped = false;
          continue;
        }
        const quote = chunk.indexOf(QUOTE, i);
        if (nextBackslash !== chunk.length && nextBackslash < i) {
          nextBackslash = chunk.indexOf(BACKSLASH, i);
          if (nextBackslash < 0) nextBackslash = chunk.length;
        }
        if (nextBackslash < (quote < 0 ? chunk.length : quote)) {
          // Skip the backslash and the character it escapes (which may be in the next chunk).
          i = nextBackslash + 1;
          if (i >= chunk.length) escaped = true;
          continue;
        }
        if (quote < 0) {
          i = chunk.length;
          continue;
        }
        inString = false;
        i = quote;
        continue;
      }
      const byte = chunk[i]!;
      if (!started) {
        if (byte === OPEN_BRACKET) {
          started = true;
          continue;
        }
        if (byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09 || byte === 0xef || byte === 0xbb || byte === 0xbf) continue;
        fail('not a JSON array of records (expected "[" at the start)');
      }
      if (finished) {
        if (byte > 0x20) fail(`unexpected data after the closing "]" at byte ${offset + i}`);
        continue;
      }
      if (byte === QUOTE) {
        inString = true;
        if (!capturing) {
          elementStart = i;
          capturing = true;
        }
        continue;
      }
      if (depth === 0 && (byte === COMMA || byte === CLOSE_BRACKET)) {
        if (capturing) {
          values.push(emit(chunk, i, index + values.length));
          capturing = false;
        } else if (byte === COMMA) fail(`empty element at index ${index + values.length}`);
        if (byte === CLOSE_BRACKET) finished = true;
        continue;
      }
      if (byte === OPEN_BRACE || byte === OPEN_BRACKET) depth++;
      else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) depth--;
      if (depth < 0) fail(`unbalanced brackets at byte ${offset + i}`);
      if (!capturing && byte > 0x20) {
        elementStart = i;
        capturing = true;
      }
    }
    if (capturing) {
      pending.push(elementStart >= 0 ? chunk.subarray(elementStart) : chunk);
      elementStart = -1;
    }
    offset += chunk.length;
    for (const value of values) yield { index: index++, value };
  }
  if (!started) fail('empty file (expected a JSON array)');
  if (!finished) fail(`truncated: the array is not closed (read ${index} complete elements)`);
}
