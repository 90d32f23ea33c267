import { listDevices } from './boards.js';
import { buildDesign, type DesignBuild } from './build-model/build-design.js';
import { activationGroup, ACTIVATION_GROUPS, hasWeights, layerFamily, type LayerFamily } from './layers.js';
import { product } from './keras/shape-rules.js';
import { integerBits } from './precision.js';
import type { HlsConfig, Layer, Toolchain } from './schema.js';

/**
 * One feature vector per design, shared by the trainer and the predictor (one implementation,
 * no train/serve skew). Bump the version whenever a name, order or formula changes: bundles
 * record the version they were trained with and refuse another.
 */
export const FEATURE_SPEC_VERSION = 1;

export interface FeatureInput {
  readonly layers: readonly Layer[];
  readonly config: HlsConfig;
  readonly toolchain?: Toolchain;
}

export interface FeatureVector {
  readonly values: Float64Array;
  readonly build: DesignBuild;
}

const WEIGHT_FAMILIES = ['dense', 'conv1d', 'conv2d'] as const;
const COUNTED_FAMILIES: readonly LayerFamily[] = ['dense', 'conv1d', 'conv2d', 'pooling', 'batchnorm', 'merge', 'recurrent', 'other'];
const STATS = ['mean', 'min', 'max'] as const;
const QUANTITIES = ['in', 'out', 'params', 'rf'] as const;

/** Fixed vocabularies: a value not listed maps to `other`, never to an error. */
export const CATEGORIES = {
  strategy: ['latency', 'resource', 'resource_unrolled', 'other'],
  ioType: ['io_parallel', 'io_stream', 'other'],
  device: [...listDevices().map((d) => d.device), 'other'],
  hls4ml: ['0.6', '0.7', '0.8', '1.0', '1.1', 'other'],
  hlsTool: ['vivado_hls', 'vitis_hls_2020_2022', 'vitis_hls_2023', 'vitis_hls_2024', 'other'],
} as const;

/** Names of the feature vector, in order. Counts and sizes are log1p-scaled. */
export const FEATURE_NAMES: readonly string[] = [
  'n_layers',
  'n_weight_layers',
  ...COUNTED_FAMILIES.map((f) => `count_${f}`),
  ...ACTIVATION_GROUPS.map((g) => `activation_${g}`),
  ...WEIGHT_FAMILIES.flatMap((f) => QUANTITIES.flatMap((q) => STATS.map((s) => `${f}_${q}_${s}`))),
  'total_params',
  'input_size',
  'output_size',
  'model_width',
  'model_integer',
  'weight_width_mean',
  'weight_width_min',
  'weight_width_max',
  'weight_integer_mean',
  'result_width_mean',
  'accum_width_mean',
  'clock_period_ns',
  'capacity_bram18k',
  'capacity_dsp',
  'capacity_ff',
  'capacity_lut',
  'capacity_uram',
  'dsp48e2',
  'rule_mults',
  'rule_multipliers',
  'rule_dsp',
  'rule_lut_multipliers',
  'rule_free_multipliers',
  'rule_lut_mult_bits',
  'rule_dsp_mult_bits',
  'rule_weight_bits',
  'rule_weight_rom_bram18k',
  'rule_fifo_bits',
  'rule_line_buffer_bits',
  'rule_table_bits',
  'rule_cycles',
  'rule_interval',
  'rule_max_rf',
  'rule_sum_rf',
  'rule_rf_adjusted_layers',
  'rule_dataflow',
  'rule_unmodelled_layers',
  ...Object.entries(CATEGORIES).flatMap(([name, values]) => values.map((v) => `${name}=${v}`)),
];

export function featureCount(): number {
  return FEATURE_NAMES.length;
}

/** The feature vector of a configured network; pure and deterministic. */
export function extractFeatures(input: FeatureInput): FeatureVector {
  const { layers, config } = input;
  const build = buildDesign(layers, config);
  const values = new Float64Array(FEATURE_NAMES.length);
  let at = 0;
  const push = (value: number) => {
    values[at++] = Number.isFinite(value) ? value : 0;
  };
  const log = (value: number) => push(Math.log1p(Math.max(0, value)));

  const weighted = layers.filter((l) => hasWeights(l.kind));
  log(layers.length);
  log(weighted.length);
  for (const family of COUNTED_FAMILIES) log(layers.filter((l) => layerFamily(l.kind) === family).length);
  const activations = activationCounts(layers);
  for (const group of ACTIVATION_GROUPS) log(activations[group] ?? 0);

  const buildByName = new Map(build.layers.map((b) => [b.name, b]));
  for (const family of WEIGHT_FAMILIES) {
    const members = layers.filter((l) => layerFamily(l.kind) === family);
    const series: Record<(typeof QUANTITIES)[number], number[]> = {
      in: members.map((l) => product(l.inputShape)),
      out: members.map((l) => product(l.outputShape)),
      params: members.map((l) => l.params),
      rf: members.map((l) => buildByName.get(l.name)?.reuse?.applied ?? 0),
    };
    for (const quantity of QUANTITIES) {
      const s = stats(series[quantity]);
      log(s.mean);
      log(s.min);
      log(s.max);
    }
  }
  log(layers.reduce((sum, l) => sum + l.params, 0));
  log(product(layers[0]?.inputShape ?? [0]));
  log(product(layers[layers.length - 1]?.outputShape ?? [0]));

  push(config.precision.width);
  push(integerBits(config.precision));
  const weightWidths = weighted.map((l) => (l.precision?.weight ?? config.precision).width);
  const w = stats(weightWidths.length ? weightWidths : [config.precision.width]);
  push(w.mean);
  push(w.min);
  push(w.max);
  push(stats(weighted.map((l) => integerBits(l.precision?.weight ?? config.precision))).mean);
  push(stats(weighted.map((l) => (l.precision?.result ?? config.precision).width)).mean || config.precision.width);
  push(stats(weighted.map((l) => (l.precision?.accum ?? config.precision).width)).mean || config.precision.width);
  push(config.clockPeriodNs);

  const device = build.device;
  for (const key of ['bram18k', 'dsp', 'ff', 'lut', 'uram'] as const) log(device?.capacity[key] ?? 0);
  push(device ? (device.dspKind === 'DSP48E2' ? 1 : 0) : 0.5);

  const weightedBuilds = build.layers.filter((b) => b.mult);
  const sumOf = (pick: (b: (typeof build.layers)[number]) => number) => build.layers.reduce((sum, b) => sum + pick(b), 0);
  log(build.totals.mults);
  log(build.totals.multipliers);
  log(build.totals.expectedDsp);
  log(sumOf((b) => (b.product === 'lut' ? b.multipliers : 0)));
  log(sumOf((b) => (b.product === 'sign' || b.product === 'shift' || b.product === 'xnor' ? b.multipliers : 0)));
  log(sumOf((b) => (b.product === 'lut' ? b.multipliers * b.weightWidth * b.inputWidth : 0)));
  log(sumOf((b) => (b.product === 'dsp' ? b.multipliers * b.weightWidth * b.inputWidth : 0)));
  log(build.totals.weightBits);
  log(build.totals.weightBram18k);
  log(build.totals.fifoBits);
  log(build.totals.lineBufferBits);
  log(build.totals.tableBits);
  log(build.cycles);
  log(build.interval);
  log(build.totals.maxReuseFactor);
  log(weightedBuilds.reduce((sum, b) => sum + (b.reuse?.applied ?? 0), 0));
  push(weightedBuilds.filter((b) => b.reuse && b.reuse.applied !== b.reuse.requested).length);
  push(build.topology === 'dataflow' ? 1 : 0);
  push(layers.filter((l) => l.kind === 'other').length);

  const oneHot = (vocabulary: readonly string[], value: string | undefined) => {
    const index = value !== undefined && vocabulary.includes(value) ? vocabulary.indexOf(value) : vocabulary.length - 1;
    vocabulary.forEach((_, i) => push(i === index ? 1 : 0));
  };
  oneHot(CATEGORIES.strategy, config.strategy);
  oneHot(CATEGORIES.ioType, config.ioType);
  oneHot(CATEGORIES.device, device?.device);
  oneHot(CATEGORIES.hls4ml, hls4mlBucket(input.toolchain?.hls4mlVersion));
  oneHot(CATEGORIES.hlsTool, hlsToolBucket(input.toolchain));
  if (at !== FEATURE_NAMES.length) throw new Error(`feature extraction wrote ${at} values for ${FEATURE_NAMES.length} names`);
  return { values, build };
}

/** Counts activations by group: explicit activation layers and those fused into weight layers. */
function activationCounts(layers: readonly Layer[]): Partial<Record<(typeof ACTIVATION_GROUPS)[number], number>> {
  const counts: Partial<Record<(typeof ACTIVATION_GROUPS)[number], number>> = {};
  for (const layer of layers) {
    if (layer.kind !== 'activation' && !hasWeights(layer.kind)) continue;
    const group = activationGroup(layer.activation);
    if (layer.kind !== 'activation' && group === 'linear') continue;
    counts[group] = (counts[group] ?? 0) + 1;
  }
  return counts;
}

function hls4mlBucket(version: string | undefined): string | undefined {
  const match = version && /^(\d+)\.(\d+)/.exec(version);
  return match ? `${match[1]}.${match[2]}` : undefined;
}

function hlsToolBucket(toolchain: Toolchain | undefined): string | undefined {
  if (!toolchain?.hlsTool) return undefined;
  if (toolchain.hlsTool === 'vivado_hls') return 'vivado_hls';
  if (toolchain.hlsTool !== 'vitis_hls') return undefined;
  const year = Number.parseInt(toolchain.hlsToolVersion ?? '', 10);
  if (!Number.isFinite(year)) return undefined;
  return year >= 2024 ? 'vitis_hls_2024' : year >= 2023 ? 'vitis_hls_2023' : 'vitis_hls_2020_2022';
}

function stats(values: readonly number[]): { mean: number; min: number; max: number } {
  if (values.length === 0) return { mean: 0, min: 0, max: 0 };
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { mean: sum / values.length, min, max };
}
