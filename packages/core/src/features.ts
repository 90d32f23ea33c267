import { listDevices } from './boards.js';
import { buildDesign, type DesignBuild } from './build-model/build-design.js';
import { hls4mlMinor, HLS4ML_VERSIONS } from './build-model/hls4ml-versions.js';
import { TOOL_GROUPS } from './build-model/tool-profiles.js';
import { activationFunction } from './layer-kinds/activation.js';
import { activationGroup, ACTIVATION_GROUPS, hasWeights, layerFamily, type ActivationGroup, type LayerFamily } from './layers.js';
import { product } from './keras/shape-helpers.js';
import { integerBits } from './precision.js';
import type { HlsConfig, Layer, Toolchain } from './schema.js';

/**
 * One feature vector per design, shared by the trainer and the predictor (one implementation,
 * no train/serve skew). It describes the design's structure and settings, and in a last block
 * (`REUSE_FEATURES`) the reuse factors hls4ml applies and the multipliers they leave. Only the
 * corrections of targets marked `readsReuse` (FF, LUT) may read that block — the trainer keeps
 * every weight from it to another target, and to the deep part, at zero — so DSPs and cycles
 * move with RF exactly as hls4ml's rules do. Applied, not requested, values: designs hls4ml
 * builds identically get identical vectors. Bump the version whenever a name, order or formula
 * changes, here or in the per-layer vectors (`layer-features.ts`): bundles refuse another.
 */
export const FEATURE_SPEC_VERSION = 7;

export interface FeatureInput {
  readonly layers: readonly Layer[];
  readonly config: HlsConfig;
  readonly toolchain?: Toolchain;
}

export interface FeatureVector {
  readonly values: Float64Array;
  readonly build: DesignBuild;
}

const WEIGHT_FAMILIES = ['dense', 'conv1d', 'conv2d', 'recurrent'] as const;
/** The reuse block, last in the vector: log applied reuse factor (mean, min, max over weight layers), log multipliers (total, largest layer). */
export const REUSE_FEATURES: readonly string[] = ['reuse_log_mean', 'reuse_log_min', 'reuse_log_max', 'multipliers_log_total', 'multipliers_log_max'];
const COUNTED_FAMILIES: readonly LayerFamily[] = ['dense', 'conv1d', 'conv2d', 'pooling', 'batchnorm', 'merge', 'recurrent', 'other'];
const SIZES = ['nin_mean', 'nin_max', 'nout_mean', 'nout_max', 'apps_mean', 'apps_max'] as const;
const COUNTED_ACTIVATIONS = ACTIVATION_GROUPS.filter((g) => g !== 'linear');

/** Fixed vocabularies: a value not listed maps to `other`, never to an error. */
export const CATEGORIES = {
  strategy: ['latency', 'resource', 'resource_unrolled', 'distributed_arithmetic', 'other'],
  ioType: ['io_parallel', 'io_stream', 'other'],
  device: [...listDevices().map((d) => d.device), 'other'],
  hls4ml: [...HLS4ML_VERSIONS, 'other'],
  toolGroup: [...TOOL_GROUPS, 'other'],
} as const;

/** Names of the feature vector, in order. Counts and sizes are log1p-scaled. */
export const FEATURE_NAMES: readonly string[] = [
  'n_layers',
  'n_weight_layers',
  ...COUNTED_FAMILIES.map((f) => `count_${f}`),
  ...COUNTED_ACTIVATIONS.map((g) => `activation_${g}`),
  ...WEIGHT_FAMILIES.flatMap((f) => SIZES.map((s) => `${f}_${s}`)),
  'total_params',
  'total_products',
  'input_size',
  'output_size',
  'model_width',
  'model_integer',
  'input_width',
  'weight_width_mean',
  'weight_width_min',
  'weight_width_max',
  'result_width_mean',
  'accum_width_mean',
  'share_dsp_products',
  'share_lut_products',
  'share_free_products',
  'share_resource_layers',
  'weights_known',
  'zero_weight_share',
  'clock_period_ns',
  'capacity_bram18k',
  'capacity_dsp',
  'capacity_ff',
  'capacity_lut',
  'dsp48e2',
  'dataflow',
  ...Object.entries(CATEGORIES).flatMap(([name, values]) => values.map((v) => `${name}=${v}`)),
  ...REUSE_FEATURES,
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

/** The layers a sweep configures once per (strategy, precision, reuse factor): kept for `writeFeatures`. */
export interface NetworkFeatures {
  readonly layers: readonly Layer[];
}

export function networkFeatures(layers: readonly Layer[]): NetworkFeatures {
  return { layers };
}

const index = (name: string): number => {
  const i = FEATURE_NAMES.indexOf(name);
  if (i < 0) throw new Error(`no feature ${name}`);
  return i;
};
const COUNTS = index('count_dense');
const ACTIVATIONS = index(`activation_${COUNTED_ACTIVATIONS[0]}`);
const SIZE_BLOCK = index('dense_nin_mean');
const TOTAL_PARAMS = index('total_params');

const clean = (value: number) => (Number.isFinite(value) ? value : 0);
const logged = (value: number) => clean(Math.log1p(Math.max(0, value)));

/**
 * Builds the design of `network` under `config` and writes its feature vector into `out` at
 * `offset` (a batch's row); returns the build. `extractFeatures` is this on a fresh vector.
 */
export function writeFeatures(network: NetworkFeatures, config: HlsConfig, toolchain: Toolchain | undefined, out: Float64Array, offset: number): DesignBuild {
  const build = buildDesign(network.layers, config, toolchain ? { toolchain } : {});
  out.fill(0, offset, offset + FEATURE_NAMES.length);
  const counts = new Map<LayerFamily, number>();
  const activations = new Map<ActivationGroup, number>();
  const sizes = WEIGHT_FAMILIES.map(() => ({ n: 0, nin: 0, ninMax: 0, nout: 0, noutMax: 0, apps: 0, appsMax: 0 }));
  let layersBuilt = 0;
  let weighted = 0;
  let params = 0;
  let products = 0;
  let dspProducts = 0;
  let lutProducts = 0;
  let freeProducts = 0;
  let resourceLayers = 0;
  let widthSum = 0;
  let widthMin = Infinity;
  let widthMax = -Infinity;
  let resultSum = 0;
  let accumSum = 0;
  let known = 0;
  let zeroShare = 0;
  let reuseLogSum = 0;
  let reuseLogMin = Infinity;
  let reuseLogMax = -Infinity;
  let multipliersTotal = 0;
  let multipliersMax = 0;
  const byName = new Map(network.layers.map((l) => [l.name, l]));
  for (const b of build.layers) {
    const free = b.kind === 'input' || (b.cycles === 0 && b.hls.lut === 0 && b.hls.ff === 0);
    if (!free) layersBuilt++;
    const family = layerFamily(b.kind);
    if (COUNTED_FAMILIES.includes(family)) counts.set(family, (counts.get(family) ?? 0) + 1);
    const layer = byName.get(b.source);
    if (b.kind === 'activation') {
      const group = activationGroup(activationFunction(layer?.activation));
      if (group !== 'linear') activations.set(group, (activations.get(group) ?? 0) + 1);
    }
    params += layer?.params ?? 0;
    if (!b.mult || !hasWeights(b.kind)) continue;
    weighted++;
    const slot = WEIGHT_FAMILIES.indexOf(family as (typeof WEIGHT_FAMILIES)[number]);
    if (slot >= 0) {
      const s = sizes[slot]!;
      s.n++;
      s.nin += b.mult.nIn;
      s.ninMax = Math.max(s.ninMax, b.mult.nIn);
      s.nout += b.mult.nOut;
      s.noutMax = Math.max(s.noutMax, b.mult.nOut);
      s.apps += b.mult.applications;
      s.appsMax = Math.max(s.appsMax, b.mult.applications);
    }
    products += b.totalMults;
    const reuseLog = Math.log(b.reuse?.applied ?? 1);
    reuseLogSum += reuseLog;
    reuseLogMin = Math.min(reuseLogMin, reuseLog);
    reuseLogMax = Math.max(reuseLogMax, reuseLog);
    multipliersTotal += b.multipliers;
    multipliersMax = Math.max(multipliersMax, b.multipliers);
    if (b.product === 'dsp') dspProducts += b.totalMults;
    else if (b.product === 'lut') lutProducts += b.totalMults;
    else freeProducts += b.totalMults;
    if (b.strategy !== 'latency') resourceLayers++;
    widthSum += b.weightWidth;
    widthMin = Math.min(widthMin, b.weightWidth);
    widthMax = Math.max(widthMax, b.weightWidth);
    resultSum += b.resultWidth;
    accumSum += b.accumWidth;
    if (layer?.weights && layer.weights.count > 0) {
      known++;
      zeroShare += layer.weights.zeros / layer.weights.count;
    }
  }

  let at = offset;
  out[at++] = logged(layersBuilt);
  out[at++] = logged(weighted);
  at = offset + COUNTS;
  for (const family of COUNTED_FAMILIES) out[at++] = logged(counts.get(family) ?? 0);
  at = offset + ACTIVATIONS;
  for (const group of COUNTED_ACTIVATIONS) out[at++] = logged(activations.get(group) ?? 0);
  at = offset + SIZE_BLOCK;
  for (const s of sizes) {
    out[at++] = logged(s.n ? s.nin / s.n : 0);
    out[at++] = logged(s.ninMax);
    out[at++] = logged(s.n ? s.nout / s.n : 0);
    out[at++] = logged(s.noutMax);
    out[at++] = logged(s.n ? s.apps / s.n : 0);
    out[at++] = logged(s.appsMax);
  }
  at = offset + TOTAL_PARAMS;
  const model = config.precision;
  const first = build.layers.find((b) => b.mult);
  out[at++] = logged(params);
  out[at++] = logged(products);
  out[at++] = logged(product(network.layers[0]?.inputShape ?? [0]));
  out[at++] = logged(product(network.layers[network.layers.length - 1]?.outputShape ?? [0]));
  out[at++] = clean(model.width);
  out[at++] = clean(integerBits(model));
  out[at++] = clean(first?.inputWidth ?? model.width);
  out[at++] = clean(weighted ? widthSum / weighted : model.width);
  out[at++] = clean(weighted ? widthMin : model.width);
  out[at++] = clean(weighted ? widthMax : model.width);
  out[at++] = clean(weighted ? resultSum / weighted : model.width);
  out[at++] = clean(weighted ? accumSum / weighted : model.width);
  out[at++] = products ? dspProducts / products : 0;
  out[at++] = products ? lutProducts / products : 0;
  out[at++] = products ? freeProducts / products : 0;
  out[at++] = weighted ? resourceLayers / weighted : 0;
  out[at++] = known ? 1 : 0;
  out[at++] = known ? zeroShare / known : 0;
  out[at++] = clean(config.clockPeriodNs);
  const device = build.device;
  const capacity = device?.capacity;
  out[at++] = logged(capacity?.bram18k ?? 0);
  out[at++] = logged(capacity?.dsp ?? 0);
  out[at++] = logged(capacity?.ff ?? 0);
  out[at++] = logged(capacity?.lut ?? 0);
  out[at++] = device ? (device.dspKind === 'DSP48E2' ? 1 : 0) : 0.5;
  out[at++] = build.topology === 'dataflow' ? 1 : 0;
  at = oneHot(out, at, 'strategy', config.strategy);
  at = oneHot(out, at, 'ioType', config.ioType);
  at = oneHot(out, at, 'device', device?.device);
  at = oneHot(out, at, 'hls4ml', hls4mlMinor(toolchain?.hls4mlVersion));
  at = oneHot(out, at, 'toolGroup', build.versions.tool);
  out[at++] = weighted ? reuseLogSum / weighted : 0;
  out[at++] = weighted ? reuseLogMin : 0;
  out[at++] = weighted ? reuseLogMax : 0;
  out[at++] = logged(multipliersTotal);
  out[at++] = logged(multipliersMax);
  if (at !== offset + FEATURE_NAMES.length) throw new Error(`feature extraction wrote ${at - offset} values for ${FEATURE_NAMES.length} names`);
  return build;
}

/** Sets the category's one-hot slot (unknown values go to its last slot, `other`); returns the next position. */
function oneHot(out: Float64Array, at: number, category: keyof typeof CATEGORIES, value: string | undefined): number {
  const slot = CATEGORY_INDEX[category].get(value as string) ?? CATEGORIES[category].length - 1;
  out[at + slot] = 1;
  return at + CATEGORIES[category].length;
}

const indexOf = (vocabulary: readonly string[]): ReadonlyMap<string, number> => new Map(vocabulary.map((v, i) => [v, i]));
const CATEGORY_INDEX: Record<keyof typeof CATEGORIES, ReadonlyMap<string, number>> = {
  strategy: indexOf(CATEGORIES.strategy),
  ioType: indexOf(CATEGORIES.ioType),
  device: indexOf(CATEGORIES.device),
  hls4ml: indexOf(CATEGORIES.hls4ml),
  toolGroup: indexOf(CATEGORIES.toolGroup),
};

/**
 * How each feature reads to a user, for out-of-distribution warnings: a sentence template with
 * `{v}` for the value in plain units (counts and sizes un-logged), or none for features that
 * are not worth naming on their own.
 */
export function describeFeature(name: string, value: number): string | undefined {
  const n = Math.round(Math.expm1(value));
  const family = /^count_(\w+)$/.exec(name)?.[1];
  if (family) return `${n} ${FAMILY_WORDS[family] ?? family} layer${n === 1 ? '' : 's'}`;
  const size = /^(dense|conv1d|conv2d|recurrent)_(nin|nout|apps)_max$/.exec(name);
  if (size) {
    const what = { nin: 'inputs per product', nout: 'outputs', apps: size[1] === 'recurrent' ? 'timesteps' : 'applications (pixels or positions)' }[size[2] as 'nin' | 'nout' | 'apps'];
    return `a ${FAMILY_WORDS[size[1]!] ?? size[1]} layer with ${n.toLocaleString('en-US')} ${what}`;
  }
  switch (name) {
    case 'n_weight_layers':
      return `${n} weight layers`;
    case 'total_params':
      return `${n.toLocaleString('en-US')} parameters`;
    case 'total_products':
      return `${n.toLocaleString('en-US')} multiplications per inference`;
    case 'input_size':
      return `an input of ${n.toLocaleString('en-US')} values`;
    case 'weight_width_max':
      return `${Math.round(value)}-bit weights`;
    case 'weight_width_min':
      return `${Math.round(value)}-bit weights`;
    case 'model_width':
      return `a ${Math.round(value)}-bit default precision`;
    case 'accum_width_mean':
      return `${Math.round(value)}-bit accumulators`;
    case 'clock_period_ns':
      return `a ${Number(value.toFixed(2))} ns clock`;
    case 'reuse_log_max':
      return `a reuse factor of ${Math.round(Math.exp(value)).toLocaleString('en-US')}`;
    default:
      return undefined;
  }
}

const FAMILY_WORDS: Readonly<Record<string, string>> = {
  dense: 'Dense',
  conv1d: 'Conv1D-family',
  conv2d: 'Conv2D-family',
  pooling: 'pooling',
  batchnorm: 'BatchNormalization',
  merge: 'merge',
  recurrent: 'recurrent',
  other: 'custom',
};
