import { createReadStream } from 'node:fs';
import { mkdir, open, readFile, readdir, rename, rm, stat, truncate, writeFile, type FileHandle } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { HlsestError, decodeRecord, layerFamily, type DesignRecord, type DesignRecordJson } from '@hlsest/core';
import type { Rejection } from '../parse/draft.js';
import { LOCK_FILE, lockDataset, type LockOptions } from './dataset-lock.js';

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
  /**
   * Length of `rejected.jsonl` this manifest vouches for: a run that died after appending its
   * rejections but before its manifest leaves bytes past this, which the next run cuts off.
   */
  readonly rejectedBytes?: number;
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
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
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

/** One line of a dataset part: where it is and its text. */
export interface PartLine {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

/**
 * The non-empty lines of a dataset's parts, in order, each part's sha256 checked against the
 * manifest when the part has been read: a part edited or truncated after ingest fails with its
 * name, never passes silently.
 */
export async function* datasetLines(dir: string): AsyncGenerator<PartLine> {
  const manifest = await requireManifest(dir);
  for (const part of manifest.parts) {
    const file = join(dir, 'records', part.file);
    const hash = createHash('sha256');
    let line = 0;
    let records = 0;
    const input = createReadStream(file);
    const lines = createInterface({ input, crlfDelay: Infinity });
    try {
      for await (const text of lines) {
        line++;
        hash.update(`${text}\n`);
        if (text.trim() === '') continue;
        records++;
        yield { file, line, text };
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new HlsestError('HLSEST_BAD_DATASET', `${file} is missing (listed in the manifest)`, { file });
      throw error;
    }
    const digest = hash.digest('hex');
    if (digest !== part.sha256 || records !== part.records) {
      throw new HlsestError('HLSEST_BAD_DATASET', `${file} is corrupted: ${records} records and sha256 ${digest.slice(0, 12)}…, the manifest says ${part.records} and ${part.sha256.slice(0, 12)}… (changed after ingest)`, { file });
    }
  }
}

/** A dataset line as a record, or why it is not one. */
export function decodeRecordLine(line: PartLine): { ok: true; record: DesignRecord } | { ok: false; where: string; error: string } {
  const where = `${line.file}:${line.line}`;
  let json: unknown;
  try {
    json = JSON.parse(line.text);
  } catch {
    return { ok: false, where, error: 'not valid JSON' };
  }
  const decoded = decodeRecord(json);
  return decoded.ok ? { ok: true, record: decoded.record } : { ok: false, where, error: decoded.issues.map((i) => `${i.path}: ${i.message}`).join('; ') };
}

/** Streams the validated records of a dataset, part by part, in order; any bad line or part stops it. */
export async function* readDataset(dir: string): AsyncGenerator<DesignRecord> {
  for await (const line of datasetLines(dir)) {
    const decoded = decodeRecordLine(line);
    if (!decoded.ok) throw new HlsestError('HLSEST_BAD_DATASET', `${decoded.where}: ${decoded.error}`, { file: line.file, line: line.line });
    yield decoded.record;
  }
}

/** Every problem of a dataset (bad lines, corrupted or missing parts), without stopping at the first. */
export async function verifyDataset(dir: string): Promise<{ records: number; problems: string[] }> {
  const problems: string[] = [];
  let records = 0;
  try {
    for await (const line of datasetLines(dir)) {
      const decoded = decodeRecordLine(line);
      if (decoded.ok) records++;
      else problems.push(`${decoded.where}: ${decoded.error}`);
    }
  } catch (error) {
    if (!(error instanceof HlsestError)) throw error;
    problems.push(error.message);
  }
  return { records, problems };
}

async function requireManifest(dir: string): Promise<Manifest> {
  const manifest = await readManifest(dir);
  if (manifest) return manifest;
  const what = await stat(dir).then((s) => (s.isDirectory() ? 'folder' : 'file'), () => undefined);
  throw new HlsestError('HLSEST_BAD_DATASET', what === undefined ? `${dir} does not exist` : what === 'file' ? `${dir} is a file, not a dataset folder` : `${dir} is not a dataset (no manifest.json)`, { dir });
}

/** The content ids a dataset holds, every part checked on the way (ingest appends only to a sound dataset). */
export async function readDatasetIds(dir: string): Promise<Set<string>> {
  const ids = new Set<string>();
  if (!(await readManifest(dir))) return ids;
  for await (const { text } of datasetLines(dir)) {
    const match = /"id":"([0-9a-f]+)"/.exec(text);
    if (match) ids.add(match[1]!);
  }
  return ids;
}

/**
 * One append to a dataset, under its write lock. Records stream into a temporary part file;
 * `commit` renames it into place, appends the rejections, then replaces the manifest (which
 * alone says what the dataset holds); `abort` removes the temporary file. Either way the lock
 * is released, and the dataset is the previous one or the new one, never a mix.
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
    private readonly unlock: () => Promise<void>,
  ) {
    this.counts = structuredClone(previous?.counts ?? emptyCounts());
  }

  static async open(dir: string, lock: LockOptions = {}): Promise<DatasetAppend> {
    await prepareFolder(dir);
    const unlock = await lockDataset(dir, lock);
    try {
      // Holding the lock, any temporary file is a dead run's leftover.
      await removeLeftovers(dir);
      const previous = await readManifest(dir);
      const ids = await readDatasetIds(dir);
      const existing = new Set((await readdir(join(dir, 'records'))).filter((f) => f.startsWith('part-')));
      let n = (previous?.parts.length ?? 0) + 1;
      while (existing.has(`part-${String(n).padStart(6, '0')}.jsonl`)) n++;
      const partName = `part-${String(n).padStart(6, '0')}.jsonl`;
      const tempPath = join(dir, 'records', `.${partName}.${process.pid}.tmp`);
      return new DatasetAppend(dir, previous, ids, partName, tempPath, await open(tempPath, 'w'), unlock);
    } catch (error) {
      await unlock();
      throw error;
    }
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
    try {
      await this.handle.sync();
      await this.close();
      const parts = [...(this.previous?.parts ?? [])];
      if (this.added > 0) {
        await rename(this.tempPath, join(this.dir, 'records', this.partName));
        parts.push({ file: this.partName, records: this.added, sha256: this.hash.digest('hex') });
      } else await rm(this.tempPath, { force: true });
      const rejectedBytes = await this.appendRejections();
      const now = new Date().toISOString();
      const manifest: Manifest = {
        formatVersion: DATASET_FORMAT_VERSION,
        recordSchemaVersion: 1,
        name: this.previous?.name ?? this.dir.split(/[\\/]/).filter(Boolean).pop() ?? 'dataset',
        createdAt: this.previous?.createdAt ?? now,
        updatedAt: now,
        parts,
        rejectedCount: (this.previous?.rejectedCount ?? 0) + this.rejections.length,
        rejectedBytes,
        counts: this.counts,
        runs: [...(this.previous?.runs ?? []), { ...run, at: now, added: this.added, rejected: this.rejections.length }],
      };
      await atomicWrite(join(this.dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
      return manifest;
    } finally {
      await this.unlock();
    }
  }

  async abort(): Promise<void> {
    try {
      await this.close();
      await rm(this.tempPath, { force: true });
    } finally {
      await this.unlock();
    }
  }

  /**
   * Appends this run's rejections after the bytes the previous manifest vouches for (cutting off
   * what a dead run left past them); returns the new length for the manifest.
   */
  private async appendRejections(): Promise<number> {
    const path = join(this.dir, 'rejected.jsonl');
    const size = await stat(path).then((s) => s.size, () => 0);
    const vouched = Math.min(size, this.previous ? (this.previous.rejectedBytes ?? size) : 0);
    if (size !== vouched) await truncate(path, vouched);
    if (this.rejections.length === 0) return vouched;
    const at = new Date().toISOString();
    const text = this.rejections.map((r) => `${JSON.stringify({ ...r, at })}\n`).join('');
    const handle = await open(path, 'a');
    try {
      await handle.write(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return vouched + Buffer.byteLength(text);
  }

  private async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.handle.close();
  }
}

/** Creates the dataset folder, or checks that an existing path can be one. */
async function prepareFolder(dir: string): Promise<void> {
  const existing = await stat(dir).catch(() => undefined);
  if (existing && !existing.isDirectory()) throw new HlsestError('HLSEST_BAD_DATASET', `${dir} is a file, not a dataset folder`, { dir });
  if (existing && !(await readManifest(dir))) {
    const entries = (await readdir(dir)).filter((e) => e !== 'records' && e !== LOCK_FILE && !e.startsWith('.'));
    if (entries.length > 0) throw new HlsestError('HLSEST_OUTPUT_EXISTS', `${dir} holds files but is not a dataset (${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', …' : ''}): choose an empty or new folder`, { dir });
  }
  await mkdir(join(dir, 'records'), { recursive: true });
}

/** Temporary files of runs that died (kill -9, power loss) before commit or abort. */
async function removeLeftovers(dir: string): Promise<void> {
  const records = join(dir, 'records');
  for (const name of await readdir(records)) if (name.endsWith('.tmp')) await rm(join(records, name), { force: true });
  for (const name of await readdir(dir)) if (name.endsWith('.tmp')) await rm(join(dir, name), { force: true });
}

export async function atomicWrite(path: string, text: string): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, text);
  await rename(temp, path);
}
