import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { HlsestError, isHlsestError, parseHls4mlConfigText, parseKerasModel, type Network } from '@hlsest/core';
import { assembleProject, type LoadedProject, type ProjectDefaults } from '../parse/assemble-project.js';
import { csvRowToDraft, missingColumns, type CsvMapping } from '../parse/csv-mapping.js';
import { chooseTopReports, discoverProjects, findSharedModel, type ProjectPlan, type TopReports } from '../parse/discover-projects.js';
import type { DraftResult, RecordDraft, Rejection } from '../parse/draft.js';
import { waRecordToDraft } from '../parse/wa-record.js';
import { baselineToDraft } from '../parse/hls4ml-baseline.js';
import { SHIPPED_CSV_MAPPINGS } from '../csv-mappings/wa-hls4ml-flat.js';
import { readCsvHeader, streamCsvRows } from './csv-rows.js';
import { detectInput, head, listFiles, sniffJson, subsetOf, type InputKind } from './input-kinds.js';
import { streamJsonArray } from './json-array-stream.js';
import { readH5ModelConfig } from './read-model-file.js';
import { readTarEntries } from './tar-entries.js';
import { savedModelConfig } from '../parse/keras-archive.js';
import { TABLE_READERS, type TableReader, type TableRow } from '../parse/tables/index.js';

export type InputItem = { kind: 'draft'; draft: RecordDraft } | { kind: 'rejection'; rejection: Rejection };

export interface ReadOptions {
  readonly format?: InputKind;
  readonly mapping?: CsvMapping;
  readonly defaults?: ProjectDefaults;
  readonly signal?: AbortSignal;
}

/** Everything one input path yields. A file that is not what it claims becomes one rejection. */
export async function* readInput(path: string, options: ReadOptions = {}): AsyncGenerator<InputItem> {
  let kind: InputKind;
  try {
    kind = await detectInput(path, options.format);
  } catch (error) {
    yield fileRejection(path, error);
    return;
  }
  try {
    switch (kind) {
      case 'folder':
        yield* readFolder(path, options);
        return;
      case 'tarball':
        yield* readTarball(path, options);
        return;
      case 'records-json':
        yield* readRecordsJson(path, basename(path).replace(/\.json$/i, '').replace(/_merged$/, ''), options.signal);
        return;
      case 'csv':
        yield* readCsv(path, options);
        return;
      case 'hls4ml-baseline-json': {
        const result = baselineToDraft(parseJsonFile(await readFile(path, 'utf8'), path), path);
        yield itemOf(result);
        return;
      }
    }
  } catch (error) {
    yield fileRejection(path, error);
  }
}

function itemOf(result: DraftResult): InputItem {
  return result.ok ? { kind: 'draft', draft: result.draft } : { kind: 'rejection', rejection: result.rejection };
}

function parseJsonFile(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HlsestError('HLSEST_BAD_INPUT', `${path}: not valid JSON (${(error as Error).message})`, { file: path });
  }
}

function fileRejection(path: string, error: unknown): InputItem {
  if (!isHlsestError(error)) throw error;
  return { kind: 'rejection', rejection: { file: path, reason: error.message.startsWith(path) ? error.message.slice(path.length).replace(/^:\s*/, '') : error.message } };
}

async function* readRecordsJson(path: string, subset: string, signal?: AbortSignal): AsyncGenerator<InputItem> {
  for await (const { index, value } of streamJsonArray(path, signal)) {
    const meta = (value as { meta_data?: { uuid?: unknown } })?.meta_data;
    const source = meta && meta.uuid === undefined ? 'rule4ml' : 'wa-hls4ml';
    const result = waRecordToDraft(value, path, String(index), source, subset);
    yield itemOf(result);
  }
}

async function* readCsv(path: string, options: ReadOptions): AsyncGenerator<InputItem> {
  const header = await readCsvHeader(path);
  const reader = options.mapping ? undefined : TABLE_READERS.find((r) => r.matches(header, basename(path)));
  if (reader) {
    yield* readTable(path, reader, options.signal);
    return;
  }
  const mapping = options.mapping ?? SHIPPED_CSV_MAPPINGS.find((m) => missingColumns(m, header).length === 0);
  if (!mapping) {
    throw new HlsestError('HLSEST_BAD_INPUT', `${path}: no known CSV layout has these columns (${header.slice(0, 8).join(', ')}${header.length > 8 ? ', …' : ''}); give a --mapping`, { file: path });
  }
  const missing = missingColumns(mapping, header);
  if (missing.length > 0) throw new HlsestError('HLSEST_BAD_INPUT', `${path}: columns required by mapping ${mapping.name} are missing: ${missing.join(', ')}`, { file: path });
  const subset = basename(path).replace(/\.csv$/i, '');
  for await (const { row, values, problem } of streamCsvRows(path, options.signal)) {
    if (problem) {
      yield { kind: 'rejection', rejection: { file: path, position: `row ${row}`, reason: problem } };
      continue;
    }
    const result = csvRowToDraft(values, mapping, path, `row ${row}`, subset);
    yield itemOf(result);
  }
}

/** A table read by code (N-TORC, ENet…): all rows at once (these tables are small), models read beside it. */
async function* readTable(path: string, reader: TableReader, signal?: AbortSignal): AsyncGenerator<InputItem> {
  const rows: TableRow[] = [];
  for await (const { row, values, problem } of streamCsvRows(path, signal)) {
    if (problem) yield { kind: 'rejection', rejection: { file: path, position: `row ${row}`, reason: problem } };
    else rows.push(values);
  }
  const models = new Map<string, Network | Error>();
  for (const file of reader.modelFiles?.(rows) ?? []) {
    const full = join(dirname(path), file);
    try {
      models.set(file, parseKerasModel(await readFile(full, 'utf8'), full));
    } catch (error) {
      models.set(file, error instanceof Error ? error : new Error(String(error)));
    }
  }
  for (const result of reader.read(rows, path, models)) yield itemOf(result);
}

async function* readFolder(root: string, options: ReadOptions): AsyncGenerator<InputItem> {
  const files = await listFiles(root);
  if (files.length === 0) throw new HlsestError('HLSEST_BAD_INPUT', `${root}: the folder is empty`, { file: root });
  const projectFiles: string[] = [];
  for (const file of files) {
    if (options.signal?.aborted) return;
    const full = join(root, file);
    const lower = file.toLowerCase();
    if (/\.(tar\.gz|tgz)$/.test(lower)) yield* readInput(full, { ...options, format: 'tarball' });
    else if (lower.endsWith('.csv')) yield* readInput(full, { ...options, format: 'csv' });
    else if (lower.endsWith('.json')) {
      const kind = sniffJson(await head(full, 4096));
      if (kind === 'records-json' || kind === 'hls4ml-baseline-json') yield* readInput(full, { ...options, format: kind });
      else projectFiles.push(file);
    } else projectFiles.push(file);
  }
  const plans = await discoverProjects(projectFiles, async (file) => (await head(join(root, file), 1 << 20)).includes('HLS Report for'));
  const load = (file: string) => readFile(join(root, file), 'utf8');
  // Projects load in parallel batches and come out in their sorted order; the next batch's files
  // are read while this one is parsed, so the disk and the CPU work at the same time.
  const BATCH = 32;
  const loadBatch = (start: number) =>
    Promise.all(plans.slice(start, start + BATCH).map((plan) => loadProject(root, plan, projectFiles, load, (file) => readH5ModelConfig(join(root, file)))));
  let next = plans.length > 0 ? loadBatch(0) : undefined;
  try {
    for (let start = 0; start < plans.length; start += BATCH) {
      if (options.signal?.aborted) return;
      const loaded = await next!;
      next = start + BATCH < plans.length ? loadBatch(start + BATCH) : undefined;
      for (const [i, project] of loaded.entries()) yield projectItem(project, subsetOf(root, plans[start + i]!.root), options.defaults);
    }
  } finally {
    // Stopped early (Ctrl-C, --strict): the read ahead is abandoned, its failure must not surface.
    void next?.catch(() => undefined);
  }
}

async function* readTarball(path: string, options: ReadOptions): AsyncGenerator<InputItem> {
  const entries = await readTarEntries(path);
  const names = [...entries.keys()];
  const prefix = basename(path).replace(/\.(tar\.gz|tgz|tar)$/i, '');
  const text = (name: string) => entries.get(name)?.toString('utf8') ?? '';
  for (const name of names.filter((n) => n.toLowerCase().endsWith('.json') && sniffJson(entries.get(n)!.subarray(0, 4096).toString('utf8')) === 'records-json')) {
    yield { kind: 'rejection', rejection: { file: `${path}:${name}`, reason: 'records JSON inside an archive: extract it and ingest the file (it is streamed from disk)' } };
  }
  const plans = await discoverProjects(names, async (name) => entries.get(name)!.includes('HLS Report for'));
  if (plans.length === 0) throw new HlsestError('HLSEST_BAD_INPUT', `${path}: the archive holds no hls4ml project (no reports found)`, { file: path });
  for (const plan of plans) {
    if (options.signal?.aborted) return;
    const loaded = await loadProject(`${path}:`, plan, names, async (name) => text(name), async (name) => {
      const bytes = entries.get(name)!;
      return savedModelConfig(bytes, `${path}:${name}`);
    });
    yield projectItem(loaded, plan.root.split('/')[0] || prefix, options.defaults);
  }
}

type Loaded = { ok: true; project: LoadedProject } | { ok: false; rejection: Rejection };

async function loadProject(
  root: string,
  plan: ProjectPlan,
  paths: readonly string[],
  load: (file: string) => Promise<string>,
  loadH5: (file: string) => Promise<string>,
): Promise<Loaded> {
  const display = root.endsWith(':') ? `${root}${plan.root}` : join(root, plan.root);
  try {
    const modelPath = plan.modelPath ?? findSharedModel(plan, paths);
    let model: { path: string; network: Network } | undefined;
    if (modelPath) {
      const text = /\.(h5|hdf5)$/i.test(modelPath) ? await loadH5(modelPath) : await load(modelPath);
      model = { path: modelPath, network: parseKerasModel(text, modelPath) };
    }
    const text = async (file: string | undefined) => (file ? { path: file, text: await load(file) } : undefined);
    const config = await text(plan.configPath);
    const top = renamedTop(plan, config?.text) ?? plan;
    const instancePath = top.instanceReportPath !== top.hlsReportPath ? top.instanceReportPath : undefined;
    const [hlsReport, synthReport, instanceReport] = await Promise.all([text(top.hlsReportPath), text(top.synthReportPath), text(instancePath)]);
    return {
      ok: true,
      project: {
        root: display,
        ...(config && { config }),
        ...(model && { model }),
        ...(hlsReport && { hlsReport }),
        ...(synthReport && { synthReport }),
        ...(instanceReport && { instanceReport }),
      },
    };
  } catch (error) {
    if (!isHlsestError(error)) throw error;
    return { ok: false, rejection: { file: display, reason: error.message } };
  }
}

/** The top's reports again when the config names the project otherwise than hls4ml's default (the plan assumed `myproject`). */
function renamedTop(plan: ProjectPlan, configText: string | undefined): TopReports | undefined {
  if (!plan.reports || configText === undefined) return undefined;
  let projectName: string | undefined;
  try {
    projectName = parseHls4mlConfigText(configText).files?.projectName;
  } catch {
    return undefined; // the assembler reports the broken config with its file name
  }
  return projectName && projectName !== 'myproject' ? chooseTopReports(plan.reports, projectName) : undefined;
}

function projectItem(loaded: Loaded, subset: string, defaults: ProjectDefaults | undefined): InputItem {
  if (!loaded.ok) return { kind: 'rejection', rejection: loaded.rejection };
  const result = assembleProject(loaded.project, subset, subset, defaults);
  return itemOf(result);
}
