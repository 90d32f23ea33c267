import { encodeRecord, type DesignRecord, type DesignRecordJson } from '@hlsest/core';

/** A record before it has a content id and before schema validation. */
export type RecordDraft = Omit<DesignRecordJson, 'id' | 'schemaVersion'>;

/** Why one input item became no record; the run goes on. */
export interface Rejection {
  readonly file: string;
  readonly position?: string;
  readonly reason: string;
}

export type DraftResult = { ok: true; draft: RecordDraft } | { ok: false; rejection: Rejection };

export const rejected = (file: string, position: string | undefined, reason: string): DraftResult => ({
  ok: false,
  rejection: { file, ...(position !== undefined && { position }), reason },
});

/** Vivado HLS was renamed Vitis HLS after 2020.1; the version tells which tool made the estimate. */
export function hlsToolOf(version: string | undefined): 'vivado_hls' | 'vitis_hls' | undefined {
  const year = version ? Number.parseFloat(version) : Number.NaN;
  if (!Number.isFinite(year)) return undefined;
  return year > 2020.1 ? 'vitis_hls' : 'vivado_hls';
}

/** A record built with runtime types (parsed precisions), encoded as a draft: the id comes later. */
export function draftOf(record: Omit<DesignRecord, 'id' | 'schemaVersion'>): RecordDraft {
  const { id: _id, schemaVersion: _version, ...draft } = encodeRecord({ ...record, schemaVersion: 1, id: '0'.repeat(16) } as DesignRecord);
  return draft;
}
