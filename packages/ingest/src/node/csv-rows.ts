import { createReadStream } from 'node:fs';
import Papa from 'papaparse';
import { HlsestError } from '@hlsest/core';

/** The header line of a CSV, for layout detection, without reading the whole file. */
export async function readCsvHeader(path: string): Promise<string[]> {
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 64 * 1024 });
  let text = '';
  for await (const chunk of stream) {
    text += chunk as string;
    if (text.includes('\n') || text.length > 1 << 20) break;
  }
  stream.destroy();
  const firstLine = text.split(/\r?\n/)[0] ?? '';
  const parsed = Papa.parse<string[]>(firstLine, { header: false });
  return (parsed.data[0] ?? []).map((h) => h.trim());
}

/**
 * Streams data rows as objects keyed by header, with backpressure (papaparse's Node duplex);
 * `row` counts from 2, line 1 being the header. A row with a wrong number of fields is reported
 * through `problem` so the caller can reject that row and go on.
 */
export async function* streamCsvRows(
  path: string,
  signal?: AbortSignal,
): AsyncGenerator<{ row: number; values: Record<string, string>; problem?: string }> {
  const header = await readCsvHeader(path);
  const rows = createReadStream(path, { encoding: 'utf8' }).pipe(
    Papa.parse(Papa.NODE_STREAM_INPUT, { header: true, skipEmptyLines: 'greedy', transformHeader: (h: string) => h.trim() }),
  );
  let row = 1;
  try {
    for await (const values of rows as AsyncIterable<Record<string, string> & { __parsed_extra?: string[] }>) {
      if (signal?.aborted) return;
      row++;
      const missing = header.filter((column) => values[column] === undefined);
      const problem = values.__parsed_extra
        ? `${values.__parsed_extra.length} more field(s) than the ${header.length} columns`
        : missing.length > 0
          ? `fewer fields than columns (no value for ${missing.slice(0, 3).join(', ')})`
          : undefined;
      yield { row, values, ...(problem && { problem }) };
    }
  } catch (error) {
    throw new HlsestError('HLSEST_BAD_INPUT', `${path}: row ${row}: ${(error as Error).message}`, { file: path, row }, { cause: error });
  } finally {
    rows.destroy();
  }
}
