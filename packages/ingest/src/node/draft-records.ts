import { decodeRecord, formatIssues, RECORD_SCHEMA_VERSION, type DesignRecord, type DesignRecordJson } from '@hlsest/core';
import type { RecordDraft } from '../parse/draft.js';
import { contentId } from './content-id.js';
import { readInput, type ReadOptions } from './read-inputs.js';

/** A draft as the record ingest stores (its content id, validated), or why it is not one. */
export type DraftRecord = { ok: true; record: DesignRecord; json: DesignRecordJson } | { ok: false; id: string; issues: string };

export function recordOfDraft(draft: RecordDraft): DraftRecord {
  const id = contentId(draft);
  const json = { schemaVersion: RECORD_SCHEMA_VERSION, id, ...draft } as DesignRecordJson;
  const decoded = decodeRecord(json);
  return decoded.ok ? { ok: true, record: decoded.record, json } : { ok: false, id, issues: formatIssues(decoded.issues) };
}

/** The records an input holds, as `hlsest ingest` would store them; refused inputs and invalid drafts are left out. */
export async function* inputRecords(path: string, options: ReadOptions = {}): AsyncGenerator<DesignRecord> {
  for await (const item of readInput(path, options)) {
    if (item.kind !== 'draft') continue;
    const decoded = recordOfDraft(item.draft);
    if (decoded.ok) yield decoded.record;
  }
}
