import { createReadStream } from 'node:fs';
import { mkdir, open, readFile, readdir, rename, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { HlsestError, decodeRecord, layerFamily, type DesignRecord, type DesignRecordJson } from '@hlsest/core';
import type { Rejection } from '../parse/draft.js';

/**
 * A dataset is a folder: `manifest.json`, `records/part-NNNNNN.jsonl` (append-only shards) and
 * `rejected.jsonl`. JSON Lines rather than Parquet: appends are new files, nothing is rewritten,
 * any line can be read by any tool (and by the browser), and no native module is needed. The
 * manifest is written last, by rename, and lists the parts that belong to the dataset, so a run
 * that dies midway leaves the previous dataset exactly as it was.
 */
export const DATASET_FORMAT_VERSION = 1;

export interface PartInfo {
  readonly file: string;
  readonly records: number;
  readonly sha256: string;
}

export interface Counts {
  records: number;
  bySource: Record<string, number>;
  bySubset: Record<string, number>;
  byFormat: Record<string, number>;
  byLabelKind: Record<string, number>;
  byLayerFamily: Record<string, number>;
  byStrategy: Record<string, number>;
  byIoType: Record<string, number>;
  byPart: Record<string, number>;
  toolVersions: { hls4ml: Record<string, number>; hlsTool: Record<string, number>; vivado: Record<string, number> };
}

export interface RunInfo {
  readonly at: string;
  readonly inputs: readonly string[];
  readonly recordsRead: number;
  readonly added: number;
  readonly duplicates: number;
  readonly rejected: number;
}

export interface Manifest {
  readonly formatVersion: number;
  readonly recordSchemaVersion: number;
  readonly name: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly parts: readonly PartInfo[];
  readonly rejectedCount: number;
  readonly counts: Counts;
  readonly runs: readonly RunInfo[];
}

export function emptyCounts(): Counts {
  return {
    records: 0,
    bySource: {},
    bySubset: {},
    byFormat: {},
    byLabelKind: {},
    byLayerFamily: {},
    byStrategy: {},
    byIoType: {},
    byPart: {},
    toolVersions: { hls4ml: {}, hlsTool: {}, vivado: {} },
  };
}

export function countRecord(counts: Counts, record: DesignRecord): void {
  const bump = (table: Record<string, number>, key: string | undefined) => {
    if (key !== undefined) table[key] = (table[key] ?? 0) + 1;
  };
  counts.records++;
  bump(counts.bySource, record.provenance.source);
  bump(counts.bySubset, record.provenance.subset);
  bump(counts.byFormat, record.provenance.format);
  for (const kind of ['hls', 'synth', 'impl', 'latency', 'cosim'] as const) if (record.results[kind]) bump(counts.byLabelKind, kind);
  if (record.results.layers?.length) bump(counts.byLabelKind, 'per-layer');
  for (const family of new Set(record.network.layers.map((l) => layerFamily(l.kind)))) if (family !== 'shape') bump(counts.byLayerFamily, family);
  bump(counts.byStrategy, record.config.strategy);
  bump(counts.byIoType, record.config.ioType);
  bump(counts.byPart, record.config.part);
  bump(counts.toolVersions.hls4ml, record.toolchain.hls4mlVersion ?? 'unknown');
  bump(counts.toolVersions.hlsTool, record.toolchain.hlsTool ? `${record.toolchain.hlsTool} ${record.toolchain.hlsToolVersion ?? ''}`.trim() : 'unknown');
  bump(counts.toolVersions.vivado, record.toolchain.vivadoVersion ?? 'unknown');
}

export async function readManifest(dir: string): Promise<Manifest | undefined> {
  let text: string;
  try {
    text = await readFile(join(dir, 'manifest.json'), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let manifest: Manifest;
  try {
    manifest = JSON.parse(text) as Manifest;
  } catch (error) {
    throw new HlsestError('HLSEST_BAD_DATASET', `${dir}/manifest.json is not valid JSON (${(error as Error).message})`, { dir }, { cause: error });
  }
  if (manifest.formatVersion !== DATASET_FORMAT_VERSION) {
    throw new HlsestError('HLSEST_BAD_DATASET', `${dir}: dataset format ${manifest.formatVersion} is not the supported ${DATASET_FORMAT_VERSION}`, { dir });
  }
  return manifest;
}

/** Streams the validated records of a dataset, part by part, in order. */
export async function* readDataset(dir: string): AsyncGenerator<DesignRecord> {
  const manifest = await readManifest(dir);
  if (!manifest) {
    const exists = await stat(dir).then(() => true, () => false);
    throw new HlsestError('HLSEST_BAD_DATASET', exists ? `${dir} is not a dataset (no manifest.json)` : `${dir} does not exist`, { dir });
  }
  for (const part of manifest.parts) {
    const file = join(dir, 'records', part.file);
    let line = 0;
    const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
    for await (const text of lines) {
      line++;
      if (text.trim() === '') continue;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new HlsestError('HLSEST_BAD_DATASET', `${file}:${line}: not valid JSON`, { file, line });
      }
      const decoded = decodeRecord(json);
      if (!decoded.ok) {
        throw new HlsestError('HLSEST_BAD_DATASET', `${file}:${line}: ${decoded.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, { file, line });
      }
      yield decoded.record;
    }
  }
}

export async function readDatasetIds(dir: string): Promise<Set<string>> {
  const ids = new Set<string>();
  const manifest = await readManifest(dir);
  for (const part of manifest?.parts ?? []) {
    const lines = createInterface({ input: createReadStream(join(dir, 'records', part.file)), crlfDelay: Infinity });
    for await (const text of lines) {
      const match = /"id":"([0-9a-f]+)"/.exec(text);
      if (match) ids.add(match[1]!);
    }
  }
  return ids;
}

/**
 * One append to a dataset. Records stream into a temporary part file; `commit` renames it into
 * place, rewrites `rejected.jsonl` through a temporary copy, then replaces the manifest;
 * `abort` removes the temporary files and leaves the dataset as it was.
 */
export class DatasetAppend {
  private readonly hash = createHash('sha256');
  private added = 0;
  private closed = false;
  private readonly counts: Counts;
  private readonly rejections: Rejection[] = [];

  private constructor(
    readonly dir: string,
    private readonly previous: Manifest | undefined,
    readonly existingIds: Set<string>,
    private readonly partName: string,
    private readonly tempPath: string,
    private readonly handle: FileHandle,
  ) {
    this.counts = structuredClone(previous?.counts ?? emptyCounts());
  }

  static async open(dir: string): Promise<DatasetAppend> {
    await mkdir(join(dir, 'records'), { recursive: true });
    const previous = await readManifest(dir);
    const ids = await readDatasetIds(dir);
    const existing = new Set((await readdir(join(dir, 'records'))).filter((f) => f.startsWith('part-')));
    let n = (previous?.parts.length ?? 0) + 1;
    while (existing.has(`part-${String(n).padStart(6, '0')}.jsonl`)) n++;
    const partName = `part-${String(n).padStart(6, '0')}.jsonl`;
    const tempPath = join(dir, 'records', `.${partName}.${process.pid}.tmp`);
    return new DatasetAppend(dir, previous, ids, partName, tempPath, await open(tempPath, 'w'));
  }

  /** Adds a validated record unless its content id is already there; says which. */
  async add(record: DesignRecord, json: DesignRecordJson): Promise<'added' | 'duplicate'> {
    if (this.existingIds.has(record.id)) return 'duplicate';
    this.existingIds.add(record.id);
    const line = `${JSON.stringify(json)}\n`;
    this.hash.update(line);
    await this.handle.write(line);
    countRecord(this.counts, record);
    this.added++;
    return 'added';
  }

  reject(rejection: Rejection): void {
    this.rejections.push(rejection);
  }

  async commit(run: Omit<RunInfo, 'added' | 'rejected' | 'at'>): Promise<Manifest> {
    await this.close();
    const parts = [...(this.previous?.parts ?? [])];
    if (this.added > 0) {
      await rename(this.tempPath, join(this.dir, 'records', this.partName));
      parts.push({ file: this.partName, records: this.added, sha256: this.hash.digest('hex') });
    } else await rm(this.tempPath, { force: true });
    if (this.rejections.length > 0) {
      const rejectedPath = join(this.dir, 'rejected.jsonl');
      const before = await readFile(rejectedPath, 'utf8').catch(() => '');
      const at = new Date().toISOString();
      const lines = this.rejections.map((r) => JSON.stringify({ ...r, at })).join('\n');
      await atomicWrite(rejectedPath, `${before}${before && !before.endsWith('\n') ? '\n' : ''}${lines}\n`);
    }
    const now = new Date().toISOString();
    const manifest: Manifest = {
      formatVersion: DATASET_FORMAT_VERSION,
      recordSchemaVersion: 1,
      name: this.previous?.name ?? this.dir.split(/[\\/]/).filter(Boolean).pop() ?? 'dataset',
      createdAt: this.previous?.createdAt ?? now,
      updatedAt: now,
      parts,
      rejectedCount: (this.previous?.rejectedCount ?? 0) + this.rejections.length,
      counts: this.counts,
      runs: [...(this.previous?.runs ?? []), { ...run, at: now, added: this.added, rejected: this.rejections.length }],
    };
    await atomicWrite(join(this.dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  }

  async abort(): Promise<void> {
    await this.close();
    await rm(this.tempPath, { force: true });
  }

  private async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.handle.close();
  }
}

export async function atomicWrite(path: string, text: string): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, text);
  await rename(temp, path);
}
