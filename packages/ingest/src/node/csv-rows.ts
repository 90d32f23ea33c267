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
  const input = createReadStream(path, { encoding: 'utf8' });
  // An unclosed quote leaves an odd number of quote characters in the file (a quote inside a
  // field is doubled); papaparse then reads silently on to the end of the file as one field.
  let quotes = 0;
  input.on('data', (chunk) => {
    const text = chunk as string;
    for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) quotes++;
  });
  const rows = input.pipe(Papa.parse(Papa.NODE_STREAM_INPUT, { header: true, skipEmptyLines: 'greedy', transformHeader: (h: string) => h.trim() }));
  let row = 1;
  // Each row is held until the next one arrives: the last row is the one an unclosed quote swallows into.
  let held: { row: number; values: Record<string, string>; problem?: string; lines: number } | undefined;
  const release = (last: boolean) => {
    const h = held!;
    const problem =
      last && quotes % 2 === 1 ? `a quoted field runs from row ${h.row} to the end of the file (${h.lines + 1} lines): a quote is never closed, so the lines after row ${h.row} are inside it and not read as rows` : h.problem;
    return { row: h.row, values: h.values, ...(problem && { problem }) };
  };
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
      const lines = Object.values(values).reduce((n, v) => n + (typeof v === 'string' ? (v.match(/\n/g)?.length ?? 0) : 0), 0);
      if (held) yield release(false);
      held = { row, values, lines, ...(problem && { problem }) };
    }
    if (held && !signal?.aborted) yield release(true);
  } catch (error) {
    throw new HlsestError('HLSEST_BAD_INPUT', `${path}: row ${row}: ${(error as Error).message}`, { file: path, row }, { cause: error });
  } finally {
    rows.destroy();
  }
}
