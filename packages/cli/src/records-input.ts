import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DesignRecord } from '@hlsest/core';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { datasetLines, decodeRecordLine, readInput, recordOfDraft, type RecordDraft } from '@hlsest/ingest';

export type RecordItem =
  | { ok: true; record: DesignRecord }
  | { ok: false; id?: string; sourceId?: string; where: string; error: string };

/**
 * Records from a dataset folder (made by `hlsest ingest`) or from anything `hlsest ingest` reads
 * (wa-hls4ml/rule4ml JSON, CSV, project folders), validated the same way; what cannot become a
 * record comes out as an error item instead of vanishing.
 */
export async function* readRecords(path: string): AsyncGenerator<RecordItem> {
  const isDataset = await stat(join(path, 'manifest.json')).then(() => true, () => false);
  if (isDataset) {
    // Line by line: one bad line is an error item, the rest still come (a corrupted part still stops).
    for await (const line of datasetLines(path)) yield decodeRecordLine(line);
    return;
  }
  if (path.endsWith('.jsonl')) {
    yield* readPartFile(path);
    return;
  }
  for await (const item of readInput(path)) {
    if (item.kind === 'rejection') {
      yield { ok: false, where: `${item.rejection.file}${item.rejection.position ? ` (${item.rejection.position})` : ''}`, error: item.rejection.reason };
      continue;
    }
    yield decodeDraft(item.draft);
  }
}

/** A dataset part on its own (no manifest to check it against): each line a record or an error. */
async function* readPartFile(file: string): AsyncGenerator<RecordItem> {
  let line = 0;
  for await (const text of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    line++;
    if (text.trim() !== '') yield decodeRecordLine({ file, line, text });
  }
}

function decodeDraft(draft: RecordDraft): RecordItem {
  const decoded = recordOfDraft(draft);
  if (decoded.ok) return { ok: true, record: decoded.record };
  const sourceId = draft.provenance.sourceId;
  return { ok: false, id: decoded.id, ...(sourceId && { sourceId }), where: `${draft.provenance.file} (${draft.provenance.position ?? ''})`, error: decoded.issues };
}

export async function collectRecords(path: string): Promise<{ records: DesignRecord[]; errors: Extract<RecordItem, { ok: false }>[] }> {
  const records: DesignRecord[] = [];
  const errors: Extract<RecordItem, { ok: false }>[] = [];
  for await (const item of readRecords(path)) {
    if (item.ok) records.push(item.record);
    else errors.push(item);
  }
  return { records, errors };
}
