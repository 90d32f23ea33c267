import { configureNetwork, isHlsestError, parseKerasModel, parsePrecision, type DesignRecord, type Latency, type Resources } from '@hlsest/core';
import { draftOf, rejected, type DraftResult } from '../draft.js';
import { cellNumber, hasColumns, median, type TableReader, type TableRow } from './table-reader.js';

/**
 * The hls4ml N-TORC built with, which its sources do not state: a release before 1.0, as its own
 * reports show. C-synthesis keeps the 768-bit weight ROMs of its Resource Conv1D layers in no
 * BRAM (RF 4–512, 12 layers), where hls4ml 1.0 binds every Resource kernel's weights to BRAM
 * (`#pragma HLS RESOURCE variable=weights core=ROM_nP_BRAM`, nnet_dense_resource.h); 0.8.1 is
 * the last release before it.
 */
const NTORC_HLS4ML = '0.8.1';

/**
 * N-TORC's per-layer tables (HeRCLab/N-TORC `training_data_optimizer/`, see the folder's
 * FORMAT.md): each row is one layer's line in a whole-model csynth report (Vivado HLS 2019.1,
 * xczu7ev, 4 ns, io_stream, ap_fixed<16,8,AP_RND,AP_SAT>, Latency at RF 1 and Resource above).
 * Rows repeat one (layer shape, RF) many times: they are aggregated per key (median) into one
 * record, a single-layer network whose label is that layer's HLS estimate or latency.
 * Resources and latency sit in separate files; each file gives records of its own label kind.
 */
type Kind = 'conv1d' | 'dense' | 'lstm';
type Values = 'resources' | 'latency';

interface Layout {
  readonly kind: Kind;
  readonly values: Values;
  readonly file: RegExp;
  readonly inputs: string;
  readonly size: string;
  readonly length: string;
}

const LAYOUTS: readonly Layout[] = [
  { kind: 'conv1d', values: 'resources', file: /collapsed_conv_resources\.csv$/, inputs: 'n_inputs_resources', size: 'cnn_filters_resources', length: 'sequence_length_resource' },
  { kind: 'conv1d', values: 'latency', file: /conv_latency_collapsed\.csv$/, inputs: 'n_inputs_latency', size: 'cnn_filters_latency', length: 'sequence_length_latency' },
  { kind: 'dense', values: 'resources', file: /dense_resources_collapsed\.csv$/, inputs: 'n_inputs_resources', size: 'dense_size_resource', length: 'sequence_length_resource' },
  { kind: 'dense', values: 'latency', file: /dense_latency_collapsed\.csv$/, inputs: 'n_inputs_latency', size: 'dense_size_latency', length: 'sequence_length_latency' },
  { kind: 'lstm', values: 'resources', file: /lstm_resources_collapsed\.csv$/, inputs: 'n_inputs_resources', size: 'lstm_size', length: 'sequence_length_resource' },
  { kind: 'lstm', values: 'latency', file: /lstm_latency_collapsed\.csv$/, inputs: 'n_inputs_latency', size: 'lstm_size', length: 'sequence_length_latency' },
];

const VALUE_COLUMNS: Readonly<Record<Values, readonly string[]>> = {
  resources: ['bram_18k', 'lut', 'ff', 'dsp48e'],
  latency: ['latency_min', 'latency_max'],
};

function layoutOf(header: readonly string[], fileName: string): Layout | undefined {
  return LAYOUTS.find((l) => l.file.test(fileName) && hasColumns(header, ['model_number', 'fit_status', 'layer_index', 'reuse_factor', l.inputs, l.size, l.length, ...VALUE_COLUMNS[l.values]]));
}

export const N_TORC: TableReader = {
  name: 'n-torc',
  matches: (header, fileName) => layoutOf(header, fileName) !== undefined,
  read(rows, file) {
    const layout = layoutOf(Object.keys(rows[0] ?? {}), file);
    if (!layout) return [rejected(file, undefined, 'not an N-TORC per-layer table')];
    const groups = new Map<string, { key: Key; rows: TableRow[] }>();
    const out: DraftResult[] = [];
    rows.forEach((row, i) => {
      const key = keyOf(row, layout);
      if (typeof key === 'string') {
        out.push(rejected(file, `row ${i + 2}`, key));
        return;
      }
      const id = `${key.inputs}/${key.size}/${key.length}/${key.reuseFactor}`;
      const group = groups.get(id) ?? { key, rows: [] };
      group.rows.push(row);
      groups.set(id, group);
    });
    for (const { key, rows: members } of groups.values()) out.push(recordOf(layout, key, members, file));
    return out;
  },
};

/** The widest hidden Dense in N-TORC's grid (FORMAT.md: D ∈ {16, 32, 64}). */
const MAX_HIDDEN_DENSE = 64;

interface Key {
  readonly inputs: number;
  readonly size: number;
  /** The layer's real input length (timesteps or positions). */
  readonly length: number;
  readonly reuseFactor: number;
}

function keyOf(row: TableRow, layout: Layout): Key | string {
  const [inputs, size, labelled, reuseFactor, index] = [layout.inputs, layout.size, layout.length, 'reuse_factor', 'layer_index'].map((c) => cellNumber(row, c));
  if ([inputs, size, labelled, reuseFactor, index].some((v) => v === undefined || !Number.isInteger(v) || v! < 1)) return 'a layer-shape or reuse-factor cell is missing or not a positive integer';
  // FORMAT.md trap: the 2nd–4th Conv1D (layer_index 5, 8, 11) are labelled with the length before
  // the preceding MaxPooling1D, twice what they stream.
  const length = layout.kind === 'conv1d' && index !== 2 ? labelled! / 2 : labelled!;
  return { inputs: inputs!, size: size!, length, reuseFactor: reuseFactor! };
}

function networkOf(kind: Kind, key: Key): Record<string, unknown>[] {
  const layer = (class_name: string, config: Record<string, unknown>) => ({ class_name, config });
  switch (kind) {
    case 'conv1d':
      return [
        layer('InputLayer', { name: 'input', batch_input_shape: [null, key.length, key.inputs] }),
        layer('Conv1D', { name: 'conv1d', filters: key.size, kernel_size: [3], padding: 'same', activation: 'relu' }),
      ];
    case 'dense':
      // dense_size 1 is the model's output Dense(1), linear; the hidden ones are ReLU.
      return [layer('InputLayer', { name: 'input', batch_input_shape: [null, key.inputs] }), layer('Dense', { name: 'dense', units: key.size, activation: key.size === 1 ? 'linear' : 'relu' })];
    case 'lstm':
      return [
        layer('InputLayer', { name: 'input', batch_input_shape: [null, key.length, key.inputs] }),
        layer('LSTM', { name: 'lstm', units: key.size, return_sequences: true }),
      ];
  }
}

function recordOf(layout: Layout, key: Key, rows: readonly TableRow[], file: string): DraftResult {
  const value = (column: string) => median(rows.map((r) => cellNumber(r, column)).filter((v): v is number => v !== undefined));
  const at = `${layout.kind} ${key.inputs}→${key.size}, length ${key.length}, RF ${key.reuseFactor}`;
  try {
    const network = parseKerasModel({ class_name: 'Sequential', config: { name: `n-torc-${layout.kind}`, layers: networkOf(layout.kind, key) } }, file);
    // One ReuseFactor per model; RF 1 means the Latency strategy, anything else Resource (FORMAT.md).
    const configured = configureNetwork(network.layers, undefined, {
      ioType: 'io_stream',
      strategy: key.reuseFactor === 1 ? 'latency' : 'resource',
      reuseFactor: key.reuseFactor,
      precision: parsePrecision('ap_fixed<16,8,AP_RND,AP_SAT>'),
      clockPeriodNs: 4,
      part: 'xczu7ev-ffvc1156-2-e',
      backend: 'vivado',
    });
    const node = layout.kind;
    // FORMAT.md: a model's hidden Dense layers all have one width D of 16–64, and the output
    // Dense(1) follows the last of them. So a Dense whose input is wider than 64, or whose input
    // differs from its own width (64→16, 64→32, 16→32…), reads the flattened vector: it is the
    // first Dense after Flatten, whose latency follows how many stream elements that vector arrives
    // in (one per cycle, hls4ml `inplace_stream_flatten`), which the rows do not record. (Their
    // rows say so: every 64→16 and 64→32 row sits at layer_index 16–17, right after the LSTMs of a
    // 4-Conv1D model, 9–10 cycles above the 64→64 and 64→1 hidden layers at the same RF.)
    const afterFlatten = key.inputs > MAX_HIDDEN_DENSE || (key.size !== 1 && key.size !== key.inputs);
    const upstreamUnknown = layout.kind === 'dense' && layout.values === 'latency' && afterFlatten;
    const result =
      layout.values === 'resources'
        ? { node, hls: { bram18k: value('bram_18k'), dsp: value('dsp48e'), ff: value('ff'), lut: value('lut') } satisfies Resources }
        : { node, latency: { cyclesMin: value('latency_min'), cyclesMax: value('latency_max') } satisfies Latency };
    const record = {
      network: { layers: configured.layers },
      config: configured.config,
      toolchain: { hlsTool: 'vivado_hls' as const, hlsToolVersion: '2019.1', hls4mlVersion: NTORC_HLS4ML },
      results: { layers: [result] },
      provenance: {
        source: 'n-torc',
        format: 'n-torc-csv' as const,
        file,
        position: `${rows.length} row(s)`,
        sourceId: `${layout.kind}/${layout.values}/${key.inputs}x${key.size}/L${key.length}/rf${key.reuseFactor}`,
        subset: `n-torc-${layout.kind}`,
        ...(upstreamUnknown && { assumed: ['inputStream' as const] }),
      },
      warnings: [
        `per-layer HLS ${layout.values === 'resources' ? 'estimate' : 'latency'} of one layer inside a whole-model csynth report; median of ${rows.length} row(s) of the same layer shape and RF`,
        ...(upstreamUnknown ? [`first Dense after Flatten (${key.inputs} inputs): its latency follows the upstream stream, which the rows do not record; estimated as if the vector arrived whole`] : []),
      ],
    } satisfies Omit<DesignRecord, 'id' | 'schemaVersion'>;
    return { ok: true, draft: draftOf(record) };
  } catch (error) {
    if (isHlsestError(error)) return rejected(file, at, error.message);
    throw error;
  }
}
