import { z } from 'zod';
import { bram36ToBram18, formatPrecision, fixed, HlsestError, STRATEGIES, IO_TYPES } from '@hlsest/core';
import { hlsToolOf, rejected, type DraftResult, type RecordDraft } from './draft.js';
import { numberOf } from './wa-record.js';

/**
 * A declarative description of a flat CSV export: which column is which field, in which unit and
 * of which label kind, plus the settings every row shares. Users write one as JSON for their own
 * exports (`hlsest ingest --mapping FILE`); hlsest ships the wa-hls4ml one.
 */
const RESULT_FIELDS = [
  'synth.bram18k', 'synth.dsp', 'synth.ff', 'synth.lut', 'synth.uram',
  'hls.bram18k', 'hls.dsp', 'hls.ff', 'hls.lut', 'hls.uram',
  'latency.cyclesMin', 'latency.cyclesMax', 'latency.intervalMin', 'latency.intervalMax', 'latency.targetClockNs', 'latency.estimatedClockNs',
] as const;
const CONFIG_FIELDS = ['config.reuseFactor', 'config.strategy', 'config.ioType', 'config.clockPeriodNs', 'config.part', 'config.precision'] as const;

export const CsvMappingSchema = z.object({
  name: z.string().min(1),
  description: z.string().default(''),
  /** Every column the layout must have: used to recognise the layout and to refuse a wrong file. */
  requiredColumns: z.array(z.string()).min(1),
  sourceIdColumn: z.string().optional(),
  columns: z.record(
    z.string(),
    z.object({
      field: z.enum([...RESULT_FIELDS, ...CONFIG_FIELDS]),
      /** `bram36` converts Vivado tiles to 18 Kb blocks. */
      unit: z.enum(['count', 'bram36', 'bram18', 'cycles', 'ns', 'text']).default('count'),
    }),
  ),
  constants: z.object({
    strategy: z.enum(STRATEGIES).optional(),
    ioType: z.enum(IO_TYPES).default('io_parallel'),
    precision: z.string().default('fixed<16,6>'),
    clockPeriodNs: z.number().positive().optional(),
    part: z.string().optional(),
    backend: z.string().optional(),
    hls4mlVersion: z.string().optional(),
    hlsToolVersion: z.string().optional(),
  }),
  network: z.discriminatedUnion('kind', [
    z.object({
      /** `16-64-32`: an input of 16 then Dense layers of 64 and 32, linear activations. */
      kind: z.literal('dense-chain'),
      column: z.string(),
      separator: z.string().default('-'),
      layerClass: z.string().default('QDense'),
      useBias: z.boolean().default(true),
      weightBitsColumn: z.string().optional(),
      weightIntegerBits: z.number().int().default(1),
    }),
    z.object({ kind: z.literal('none') }),
  ]),
  /** Rows whose column matches are refused with the reason given (e.g. networks the row cannot describe). */
  rejectRows: z.array(z.object({ column: z.string(), matches: z.string(), reason: z.string() })).default([]),
  source: z.string().default('csv'),
});
export type CsvMapping = z.output<typeof CsvMappingSchema>;

export function readCsvMapping(value: unknown, file: string): CsvMapping {
  const parsed = CsvMappingSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
  throw new HlsestError('HLSEST_BAD_INPUT', `${file}: invalid CSV mapping: ${issues}`, { file });
}

export function missingColumns(mapping: CsvMapping, header: readonly string[]): string[] {
  return mapping.requiredColumns.filter((column) => !header.includes(column));
}

export function csvRowToDraft(row: Readonly<Record<string, string>>, mapping: CsvMapping, file: string, position: string, subset?: string): DraftResult {
  for (const rule of mapping.rejectRows) {
    if (new RegExp(rule.matches).test(row[rule.column] ?? '')) return rejected(file, position, rule.reason);
  }
  const results: { synth?: Record<string, number>; hls?: Record<string, number>; latency?: Record<string, number> } = {};
  const config: Record<string, string | number> = {};
  for (const [column, target] of Object.entries(mapping.columns)) {
    const raw = row[column];
    if (raw === undefined || raw.trim() === '') continue;
    const [group, key] = target.field.split('.') as [string, string];
    if (group === 'config') {
      config[key] = key === 'reuseFactor' || key === 'clockPeriodNs' ? (numberOf(raw) ?? Number.NaN) : raw.trim();
      if (Number.isNaN(config[key])) return rejected(file, position, `column ${column}: "${raw}" is not a number`);
      continue;
    }
    const value = numberOf(raw);
    if (value === undefined) return rejected(file, position, `column ${column}: "${raw}" is not a number`);
    const bucket = (results[group as 'synth' | 'hls' | 'latency'] ??= {});
    bucket[key] = target.unit === 'bram36' ? bram36ToBram18(value) : value;
  }
  for (const kind of ['synth', 'hls'] as const) {
    const r = results[kind];
    if (r && (r['bram18k'] === undefined || r['dsp'] === undefined || r['ff'] === undefined || r['lut'] === undefined)) {
      return rejected(file, position, `the ${kind} resources lack one of BRAM, DSP, FF, LUT`);
    }
  }
  const network = networkOf(row, mapping);
  if (typeof network === 'string') return rejected(file, position, network);
  const c = mapping.constants;
  const strategy = String(config['strategy'] ?? c.strategy ?? 'latency').toLowerCase();
  const hlsTool = hlsToolOf(c.hlsToolVersion);
  const sourceId = mapping.sourceIdColumn ? row[mapping.sourceIdColumn] : undefined;
  const draft: RecordDraft = {
    network: { layers: network },
    config: {
      strategy: strategy as RecordDraft['config']['strategy'],
      ioType: (String(config['ioType'] ?? c.ioType)) as RecordDraft['config']['ioType'],
      precision: String(config['precision'] ?? c.precision),
      reuseFactor: Number(config['reuseFactor'] ?? 1),
      clockPeriodNs: Number(config['clockPeriodNs'] ?? c.clockPeriodNs ?? results.latency?.['targetClockNs'] ?? 5),
      part: String(config['part'] ?? c.part ?? ''),
      ...(c.backend && { backend: c.backend as RecordDraft['config']['backend'] }),
    },
    toolchain: {
      ...(c.hls4mlVersion && { hls4mlVersion: c.hls4mlVersion }),
      ...(hlsTool && { hlsTool }),
      ...(c.hlsToolVersion && { hlsToolVersion: c.hlsToolVersion, vivadoVersion: c.hlsToolVersion }),
    },
    results: results as RecordDraft['results'],
    provenance: { source: mapping.source, format: 'csv', file, position, ...(sourceId && { sourceId }), ...(subset && { subset }) },
    warnings: [],
  };
  return { ok: true, draft };
}

type LayerJson = RecordDraft['network']['layers'][number];

function networkOf(row: Readonly<Record<string, string>>, mapping: CsvMapping): LayerJson[] | string {
  const spec = mapping.network;
  if (spec.kind === 'none') return 'the mapping describes no network, and a record needs one';
  const text = row[spec.column] ?? '';
  const widths = text.split(spec.separator).map((w) => Number(w.trim()));
  if (widths.length < 2 || widths.some((w) => !Number.isInteger(w) || w < 1)) {
    return `column ${spec.column}: "${text}" is not a list of layer widths`;
  }
  let weight: string | undefined;
  if (spec.weightBitsColumn) {
    const bits = numberOf(row[spec.weightBitsColumn]);
    if (!bits || !Number.isInteger(bits)) return `column ${spec.weightBitsColumn}: "${row[spec.weightBitsColumn]}" is not a bit width`;
    weight = formatPrecision(fixed(bits, spec.weightIntegerBits));
  }
  const input: LayerJson = { name: 'input_1', className: 'InputLayer', kind: 'input', inputShape: [widths[0]!], outputShape: [widths[0]!], params: 0, inbound: [] };
  const layers: LayerJson[] = [input];
  widths.slice(1).forEach((units, i) => {
    const nIn = widths[i]!;
    layers.push({
      name: `dense_${i + 1}`,
      className: spec.layerClass,
      kind: 'dense',
      inputShape: [nIn],
      outputShape: [units],
      params: nIn * units + (spec.useBias ? units : 0),
      units,
      useBias: spec.useBias,
      activation: 'linear',
      ...(weight && { precision: { weight, bias: weight } }),
      inbound: [layers[layers.length - 1]!.name],
    });
  });
  return layers;
}
