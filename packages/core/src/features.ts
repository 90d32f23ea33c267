import { listDevices } from './boards.js';
import { buildDesign, type DesignBuild } from './build-model/build-design.js';
import { activationGroup, ACTIVATION_GROUPS, hasWeights, layerFamily, type ActivationGroup, type LayerFamily } from './layers.js';
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

  // One pass over the layers (sweeps extract features for every configuration).
  const familyCounts = new Map<LayerFamily, number>();
  const activations = new Map<ActivationGroup, number>();
  const families = WEIGHT_FAMILIES.map(() => QUANTITIES.map(() => new RunningStats()));
  const weightWidths = new RunningStats();
  const weightIntegers = new RunningStats();
  const resultWidths = new RunningStats();
  const accumWidths = new RunningStats();
  let weighted = 0;
  let totalParams = 0;
  let unmodelled = 0;
  layers.forEach((layer, i) => {
    const family = layerFamily(layer.kind);
    familyCounts.set(family, (familyCounts.get(family) ?? 0) + 1);
    totalParams += layer.params;
    if (layer.kind === 'other') unmodelled++;
    const withWeights = hasWeights(layer.kind);
    if (layer.kind === 'activation' || withWeights) {
      const group = activationGroup(layer.activation);
      if (layer.kind === 'activation' || group !== 'linear') activations.set(group, (activations.get(group) ?? 0) + 1);
    }
    const slot = WEIGHT_FAMILIES.indexOf(family as (typeof WEIGHT_FAMILIES)[number]);
    if (slot >= 0) {
      const [inputs, outputs, params, rf] = families[slot]!;
      inputs!.add(product(layer.inputShape));
      outputs!.add(product(layer.outputShape));
      params!.add(layer.params);
      rf!.add(build.layers[i]?.reuse?.applied ?? 0);
    }
    if (withWeights) {
      weighted++;
      const weight = layer.precision?.weight ?? config.precision;
      weightWidths.add(weight.width);
      weightIntegers.add(integerBits(weight));
      resultWidths.add((layer.precision?.result ?? config.precision).width);
      accumWidths.add((layer.precision?.accum ?? config.precision).width);
    }
  });

  log(layers.length);
  log(weighted);
  for (const family of COUNTED_FAMILIES) log(familyCounts.get(family) ?? 0);
  for (const group of ACTIVATION_GROUPS) log(activations.get(group) ?? 0);
  for (const quantities of families) {
    for (const s of quantities) {
      log(s.mean);
      log(s.min);
      log(s.max);
    }
  }
  log(totalParams);
  log(product(layers[0]?.inputShape ?? [0]));
  log(product(layers[layers.length - 1]?.outputShape ?? [0]));

  push(config.precision.width);
  push(integerBits(config.precision));
  if (weightWidths.count === 0) weightWidths.add(config.precision.width);
  push(weightWidths.mean);
  push(weightWidths.min);
  push(weightWidths.max);
  push(weightIntegers.mean);
  push(resultWidths.mean || config.precision.width);
  push(accumWidths.mean || config.precision.width);
  push(config.clockPeriodNs);

  const device = build.device;
  for (const key of ['bram18k', 'dsp', 'ff', 'lut', 'uram'] as const) log(device?.capacity[key] ?? 0);
  push(device ? (device.dspKind === 'DSP48E2' ? 1 : 0) : 0.5);

  const t = build.totals;
  log(t.mults);
  log(t.multipliers);
  log(t.expectedDsp);
  log(t.lutMultipliers);
  log(t.freeMultipliers);
  log(t.lutProductBits);
  log(t.dspProductBits);
  log(t.weightBits);
  log(t.weightBram18k);
  log(t.fifoBits);
  log(t.lineBufferBits);
  log(t.tableBits);
  log(build.cycles);
  log(build.interval);
  log(t.maxReuseFactor);
  log(t.sumReuseFactor);
  push(t.adjustedReuseFactors);
  push(build.topology === 'dataflow' ? 1 : 0);
  push(unmodelled);

  const oneHot = (category: keyof typeof CATEGORIES, value: string | undefined) => {
    const index = CATEGORY_INDEX[category].get(value as string) ?? CATEGORIES[category].length - 1;
    values[at + index] = 1;
    at += CATEGORIES[category].length;
  };
  oneHot('strategy', config.strategy);
  oneHot('ioType', config.ioType);
  oneHot('device', device?.device);
  oneHot('hls4ml', hls4mlBucket(input.toolchain?.hls4mlVersion));
  oneHot('hlsTool', hlsToolBucket(input.toolchain));
  if (at !== FEATURE_NAMES.length) throw new Error(`feature extraction wrote ${at} values for ${FEATURE_NAMES.length} names`);
  return { values, build };
}

const indexOf = (vocabulary: readonly string[]): ReadonlyMap<string, number> => new Map(vocabulary.map((v, i) => [v, i]));
const CATEGORY_INDEX: Record<keyof typeof CATEGORIES, ReadonlyMap<string, number>> = {
  strategy: indexOf(CATEGORIES.strategy),
  ioType: indexOf(CATEGORIES.ioType),
  device: indexOf(CATEGORIES.device),
  hls4ml: indexOf(CATEGORIES.hls4ml),
  hlsTool: indexOf(CATEGORIES.hlsTool),
};

/** Mean, min and max of a stream of numbers, all 0 when it is empty; sums in arrival order. */
class RunningStats {
  count = 0;
  private sum = 0;
  min = 0;
  max = 0;

  add(value: number): void {
    if (this.count === 0 || value < this.min) this.min = value;
    if (this.count === 0 || value > this.max) this.max = value;
    this.sum += value;
    this.count++;
  }

  get mean(): number {
    return this.count === 0 ? 0 : this.sum / this.count;
  }
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
