import { listDevices } from './boards.js';
import { BoundedCache } from './bounded-cache.js';
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
  const values = new Float64Array(FEATURE_NAMES.length);
  const build = writeFeatures(networkFeatures(input.layers), input.config, input.toolchain, values, 0);
  return { values, build };
}

/**
 * What the feature vector takes from the layers alone (counts, shapes, parameters), computed
 * once per network: a sweep writes the vectors of thousands of configurations of one network.
 */
export interface NetworkFeatures {
  readonly layers: readonly Layer[];
  /** A whole vector with the layers-only features in place and zeros everywhere else. */
  readonly template: Float64Array;
  /** Per weight family (`WEIGHT_FAMILIES` order): indices of its layers, for reuse-factor stats. */
  readonly familyLayers: readonly (readonly number[])[];
  /** Layers with weights, in order: the ones whose precisions the width features average. */
  readonly weighted: readonly Layer[];
}

const position = (name: string): number => {
  const index = FEATURE_NAMES.indexOf(name);
  if (index < 0) throw new Error(`no feature ${name}`);
  return index;
};
const FAMILY_BLOCK = position('dense_in_mean');
const RF_QUANTITY = QUANTITIES.indexOf('rf');
const TOTAL_PARAMS = position('total_params');
const MODEL_WIDTH = position('model_width');
const UNMODELLED = position('rule_unmodelled_layers');

const clean = (value: number) => (Number.isFinite(value) ? value : 0);
const logged = (value: number) => clean(Math.log1p(Math.max(0, value)));

/** The layers-only part of the feature vector. */
export function networkFeatures(layers: readonly Layer[]): NetworkFeatures {
  const template = new Float64Array(FEATURE_NAMES.length);
  const familyCounts = new Map<LayerFamily, number>();
  const activations = new Map<ActivationGroup, number>();
  const families = WEIGHT_FAMILIES.map(() => QUANTITIES.slice(0, RF_QUANTITY).map(() => new RunningStats()));
  const familyLayers: number[][] = WEIGHT_FAMILIES.map(() => []);
  const weighted: Layer[] = [];
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
      const [inputs, outputs, params] = families[slot]!;
      inputs!.add(product(layer.inputShape));
      outputs!.add(product(layer.outputShape));
      params!.add(layer.params);
      familyLayers[slot]!.push(i);
    }
    if (withWeights) weighted.push(layer);
  });

  let cursor = 0;
  const log = (value: number) => {
    template[cursor++] = logged(value);
  };
  log(layers.length);
  log(weighted.length);
  for (const family of COUNTED_FAMILIES) log(familyCounts.get(family) ?? 0);
  for (const group of ACTIVATION_GROUPS) log(activations.get(group) ?? 0);
  families.forEach((quantities, f) => {
    quantities.forEach((stats, q) => {
      cursor = FAMILY_BLOCK + (f * QUANTITIES.length + q) * STATS.length;
      log(stats.mean);
      log(stats.min);
      log(stats.max);
    });
  });
  cursor = TOTAL_PARAMS;
  log(totalParams);
  log(product(layers[0]?.inputShape ?? [0]));
  log(product(layers[layers.length - 1]?.outputShape ?? [0]));
  template[UNMODELLED] = unmodelled;
  return { layers, template, familyLayers, weighted };
}

/**
 * Builds the design of `network` under `config` and writes its whole feature vector into `out`
 * at `offset` (a batch's row); returns the build. `extractFeatures` is this on a fresh vector.
 */
export function writeFeatures(network: NetworkFeatures, config: HlsConfig, toolchain: Toolchain | undefined, out: Float64Array, offset: number): DesignBuild {
  const build = buildDesign(network.layers, config);
  out.set(network.template, offset);

  // Reuse factors hls4ml applies: mean, min and max per weight family (sums in layer order).
  const familyLayers = network.familyLayers;
  for (let f = 0; f < familyLayers.length; f++) {
    const indices = familyLayers[f]!;
    if (indices.length === 0) continue;
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    for (const i of indices) {
      const rf = build.layers[i]?.reuse?.applied ?? 0;
      sum += rf;
      if (rf < min) min = rf;
      if (rf > max) max = rf;
    }
    const base = offset + FAMILY_BLOCK + (f * QUANTITIES.length + RF_QUANTITY) * STATS.length;
    out[base] = logged(sum / indices.length);
    out[base + 1] = logged(min);
    out[base + 2] = logged(max);
  }

  // Plain indexed writes from here on, no helper closures: sweeps write a vector per configuration.
  let at = offset + MODEL_WIDTH;
  const model = config.precision;
  const weighted = network.weighted;
  let widthSum = 0;
  let widthMin = Infinity;
  let widthMax = -Infinity;
  let integerSum = 0;
  let resultSum = 0;
  let accumSum = 0;
  for (const layer of weighted) {
    const weight = layer.precision?.weight ?? model;
    widthSum += weight.width;
    if (weight.width < widthMin) widthMin = weight.width;
    if (weight.width > widthMax) widthMax = weight.width;
    integerSum += integerBits(weight);
    resultSum += (layer.precision?.result ?? model).width;
    accumSum += (layer.precision?.accum ?? model).width;
  }
  const n = weighted.length;
  out[at++] = clean(model.width);
  out[at++] = clean(integerBits(model));
  // A network without weight layers reports the model precision as its weight width.
  out[at++] = clean(n === 0 ? model.width : widthSum / n);
  out[at++] = clean(n === 0 ? model.width : widthMin);
  out[at++] = clean(n === 0 ? model.width : widthMax);
  out[at++] = clean(n === 0 ? 0 : integerSum / n);
  out[at++] = clean((n === 0 ? 0 : resultSum / n) || model.width);
  out[at++] = clean((n === 0 ? 0 : accumSum / n) || model.width);
  out[at++] = clean(config.clockPeriodNs);

  const device = build.device;
  const capacity = device?.capacity;
  out[at++] = logged(capacity?.bram18k ?? 0);
  out[at++] = logged(capacity?.dsp ?? 0);
  out[at++] = logged(capacity?.ff ?? 0);
  out[at++] = logged(capacity?.lut ?? 0);
  out[at++] = logged(capacity?.uram ?? 0);
  out[at++] = device ? (device.dspKind === 'DSP48E2' ? 1 : 0) : 0.5;

  const t = build.totals;
  out[at++] = logged(t.mults);
  out[at++] = logged(t.multipliers);
  out[at++] = logged(t.expectedDsp);
  out[at++] = logged(t.lutMultipliers);
  out[at++] = logged(t.freeMultipliers);
  out[at++] = logged(t.lutProductBits);
  out[at++] = logged(t.dspProductBits);
  out[at++] = logged(t.weightBits);
  out[at++] = logged(t.weightBram18k);
  out[at++] = logged(t.fifoBits);
  out[at++] = logged(t.lineBufferBits);
  out[at++] = logged(t.tableBits);
  out[at++] = logged(build.cycles);
  out[at++] = logged(build.interval);
  out[at++] = logged(t.maxReuseFactor);
  out[at++] = logged(t.sumReuseFactor);
  out[at++] = clean(t.adjustedReuseFactors);
  out[at++] = build.topology === 'dataflow' ? 1 : 0;
  at++; // rule_unmodelled_layers: from the template

  at = oneHot(out, at, 'strategy', config.strategy);
  at = oneHot(out, at, 'ioType', config.ioType);
  at = oneHot(out, at, 'device', device?.device);
  at = oneHot(out, at, 'hls4ml', hls4mlBucket(toolchain?.hls4mlVersion));
  at = oneHot(out, at, 'hlsTool', hlsToolBucket(toolchain));
  if (at !== offset + FEATURE_NAMES.length) throw new Error(`feature extraction wrote ${at - offset} values for ${FEATURE_NAMES.length} names`);
  return build;
}

/** Sets the category's one-hot slot (unknown values go to its last slot, `other`); returns the next position. */
function oneHot(out: Float64Array, at: number, category: keyof typeof CATEGORIES, value: string | undefined): number {
  const index = CATEGORY_INDEX[category].get(value as string) ?? CATEGORIES[category].length - 1;
  out[at + index] = 1;
  return at + CATEGORIES[category].length;
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

// A sweep asks for the bucket of one version per configuration.
const versionBuckets = new BoundedCache<string, string | undefined>(256);

function hls4mlBucket(version: string | undefined): string | undefined {
  if (!version) return undefined;
  return versionBuckets.get(version, () => {
    const match = /^(\d+)\.(\d+)/.exec(version);
    return match ? `${match[1]}.${match[2]}` : undefined;
  });
}

function hlsToolBucket(toolchain: Toolchain | undefined): string | undefined {
  if (!toolchain?.hlsTool) return undefined;
  if (toolchain.hlsTool === 'vivado_hls') return 'vivado_hls';
  if (toolchain.hlsTool !== 'vitis_hls') return undefined;
  const year = Number.parseInt(toolchain.hlsToolVersion ?? '', 10);
  if (!Number.isFinite(year)) return undefined;
  return year >= 2024 ? 'vitis_hls_2024' : year >= 2023 ? 'vitis_hls_2023' : 'vitis_hls_2020_2022';
}
