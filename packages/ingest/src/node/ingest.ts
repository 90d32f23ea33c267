import { HlsestError } from '@hlsest/core';
import type { Rejection } from '../parse/draft.js';
import { recordOfDraft } from './draft-records.js';
import { DatasetAppend, type Manifest } from './dataset-store.js';
import { readInput, type ReadOptions } from './read-inputs.js';

export interface IngestOptions extends ReadOptions {
  /** Dataset folder; created when missing, appended to when present. */
  readonly out: string;
  /** Stop at the first rejection, leaving the dataset unchanged. */
  readonly strict?: boolean;
  readonly onProgress?: (progress: IngestProgress) => void;
  /** Called once when another process is writing the dataset and this run waits for it. */
  readonly onWait?: (holder: string) => void;
  /** How long to wait for that process (ms) before refusing; default 10 minutes. */
  readonly lockWaitMs?: number;
}

export interface IngestProgress {
  readonly input: string;
  readonly inputsDone: number;
  readonly inputsTotal: number;
  readonly recordsRead: number;
  readonly rejected: number;
  readonly elapsedMs: number;
}

export interface InputSummary {
  readonly path: string;
  readonly records: number;
  readonly added: number;
  readonly duplicates: number;
  readonly rejected: number;
}

export interface IngestSummary {
  readonly dataset: string;
  readonly inputs: readonly InputSummary[];
  readonly recordsRead: number;
  readonly added: number;
  readonly duplicates: number;
  readonly rejected: readonly Rejection[];
  readonly datasetRecords: number;
  readonly elapsedMs: number;
}

/**
 * Reads every input into the dataset at `out`: validate, give each record its content id, skip
 * ids already there, keep every refusal with its file, position and reason. The dataset changes
 * only at the end, atomically; an abort or a strict failure leaves it as it was.
 */
export async function ingest(inputs: readonly string[], options: IngestOptions): Promise<{ summary: IngestSummary; manifest: Manifest }> {
  const started = Date.now();
  const append = await DatasetAppend.open(options.out, { ...(options.onWait && { onWait: options.onWait }), ...(options.lockWaitMs !== undefined && { waitMs: options.lockWaitMs }), ...(options.signal && { signal: options.signal }) });
  const perInput: InputSummary[] = [];
  const rejections: Rejection[] = [];
  let recordsRead = 0;
  let added = 0;
  let duplicates = 0;
  let lastProgress = 0;
  try {
    for (const [i, input] of inputs.entries()) {
      const tally = { path: input, records: 0, added: 0, duplicates: 0, rejected: 0 };
      for await (const item of readInput(input, options)) {
        if (options.signal?.aborted) break;
        let rejection: Rejection | undefined;
        if (item.kind === 'rejection') rejection = item.rejection;
        else {
          recordsRead++;
          tally.records++;
          const decoded = recordOfDraft(item.draft);
          if (!decoded.ok) {
            const position = item.draft.provenance.position;
            rejection = { file: item.draft.provenance.file, ...(position !== undefined && { position }), reason: `invalid record: ${decoded.issues}` };
          } else if ((await append.add(decoded.record, decoded.json)) === 'added') {
            added++;
            tally.added++;
          } else {
            duplicates++;
            tally.duplicates++;
          }
        }
        if (rejection) {
          if (options.strict) {
            throw new HlsestError('HLSEST_BAD_INPUT', `${rejection.file}${rejection.position ? ` (${rejection.position})` : ''}: ${rejection.reason}`, { ...rejection });
          }
          rejections.push(rejection);
          append.reject(rejection);
          tally.rejected++;
        }
        if (options.onProgress && Date.now() - lastProgress > 200) {
          lastProgress = Date.now();
          options.onProgress({ input, inputsDone: i, inputsTotal: inputs.length, recordsRead, rejected: rejections.length, elapsedMs: Date.now() - started });
        }
      }
      perInput.push(tally);
      if (options.signal?.aborted) break;
    }
    if (options.signal?.aborted) throw new HlsestError('HLSEST_INTERRUPTED', `interrupted: ${options.out} left unchanged`, { dataset: options.out });
  } catch (error) {
    await append.abort();
    throw error;
  }
  const manifest = await append.commit({ inputs, recordsRead, duplicates });
  return {
    manifest,
    summary: {
      dataset: options.out,
      inputs: perInput,
      recordsRead,
      added,
      duplicates,
      rejected: rejections,
      datasetRecords: manifest.counts.records,
      elapsedMs: Date.now() - started,
    },
  };
}
