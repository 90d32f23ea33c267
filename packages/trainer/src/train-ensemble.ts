import { FEATURE_NAMES, FEATURE_SPEC_VERSION, HlsestError, isModelledRelease, LAYER_FEATURE_NAMES, LAYER_REUSE_FEATURES, REUSE_FEATURES, TARGET_INFO, TARGETS, type Target } from '@hlsest/core';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, layerBatch, memberTensorSpecs, type BundleManifest } from '@hlsest/predictor';
import { loadTensorflow } from './backend.js';
import { kMeans } from './k-means.js';
import { fitMember, type FittedMember, type KernelMasks, type LayerMatrix, type NetworkHyperparameters, type TrainingMatrix } from './fit-network.js';
import type { PreparedRecord } from './prepared.js';
import { holdoutSplit } from './splits.js';
import { seededRandom, shuffled } from './rng.js';
import { pushAll, pushTo } from './collections.js';

export interface TrainConfig extends NetworkHyperparameters {
  readonly members: number;
  readonly validationFraction: number;
  /** A target with fewer labelled training records is not trained (and says so). */
  readonly minTargetCount: number;
  /** Optional time budget: for one ensemble, shared equally by its members; `runTraining` shares it over every fit of a run. */
  readonly maxSeconds?: number;
  /**
   * Most records one family brings to a fit: the flat wa-hls4ml rows repeat one kind of network
   * thousands of times. 8,000 keeps nearly all of them (a 3,000 cap left the flat rows' FF
   * correction at 7.6 % on held-out architectures, against 3.0 %), and bounds a 500k-row run.
   */
  readonly maxRecordsPerFamily: number;
  /** k-means centres of the distance model (how far a design is from the training data). */
  readonly distanceCenters: number;
}

export const DEFAULT_TRAIN_CONFIG: TrainConfig = {
  hidden: [64, 32],
  layerHidden: [32],
  members: 3,
  epochs: 300,
  // Measured on the flat rows held out by architecture (five seeds): at 256 rows a step and a
  // patience of 25, members stopped after 27–64 epochs with the LUT correction unfinished (3.07 %);
  // 128 and 100 give 2.74 %, FF 0.67 → 0.50 %, DSP 0.72 → 0.47 %, at 7.5× the fitting time.
  batchSize: 128,
  learningRate: 3e-3,
  patience: 100,
  l2: 1e-4,
  seed: 20261122,
  validationFraction: 0.15,
  minTargetCount: 10,
  maxRecordsPerFamily: 8000,
  distanceCenters: 32,
};

export interface TrainProgress {
  readonly member: number;
  readonly members: number;
  readonly epoch: number;
  readonly epochs: number;
  readonly loss: number;
  readonly valLoss: number;
  readonly elapsedMs: number;
}

export interface TrainedBundle {
  readonly manifest: BundleManifest;
  readonly weights: readonly Float32Array[];
  readonly skippedTargets: readonly { target: Target; count: number }[];
  readonly backend: string;
  readonly epochMs: number;
  /** The records the fit used (after the per-family cap). */
  readonly used: readonly PreparedRecord[];
  /** Designs of the training families kept out of the fit (early stopping): how the correction does inside the data. */
  readonly validation: readonly PreparedRecord[];
}

/** Where a record's target is the rule itself: its regime was exact on the training data. */
const EXACT_SHARE = 0.97;
const EXACT_MIN_RECORDS = 20;

/**
 * Fits one bundle on prepared records. Per target: the regimes where hls4ml's rule was exact
 * (left as they are), and a wide-and-deep network learning the rule's residual in log space
 * from the design's structure, plus one shared layer network applied to every built layer and
 * summed with the layer's share of the rule (so a deeper design of the same layers gets the same
 * correction), clipped at what the residuals justify. One multi-output network per member, members
 * differing by seed and by a bootstrap of architectures; a record's missing labels are masked
 * out of the loss and families weigh ∝ 1/√size. The gates and bands it leaves at neutral
 * values are set from held-out data afterwards (`chooseAll`).
 */
export async function trainEnsemble(
  all: readonly PreparedRecord[],
  config: TrainConfig,
  hooks: { signal?: AbortSignal; onProgress?: (p: TrainProgress) => void } = {},
): Promise<TrainedBundle> {
  const { tf, backend } = await loadTensorflow();
  const started = Date.now();
  const data = capPerFamily(all, config.maxRecordsPerFamily, config.seed);
  // A target needs labels from hls4ml releases the rules describe: numbers only a fork produced
  // could not be given a band that means anything to a release user.
  const counts = Object.fromEntries(TARGETS.map((t) => [t, data.filter((d) => d.truth[t] !== undefined && isModelledRelease(d.record.toolchain.hls4mlVersion)).length])) as Record<Target, number>;
  const targets = TARGETS.filter((t) => counts[t] >= config.minTargetCount);
  const skippedTargets = TARGETS.filter((t) => counts[t] < config.minTargetCount).map((target) => ({ target, count: counts[target] }));
  if (targets.length === 0) throw new HlsestError('HLSEST_BAD_DATASET', `no target has ${config.minTargetCount} labelled records to train on (of ${all.length} records)`);

  const split = holdoutSplit(data.map((d) => d.group), config.validationFraction, config.seed);
  const fit = split.train.length ? split.train.map((i) => data[i]!) : [...data];
  const val = split.test.map((i) => data[i]!);

  const width = FEATURE_NAMES.length;
  const { mean, std } = standardScaler(fit.map((d) => d.features), width);
  // Loops, not Math.min(...spread): a spread of 500k rows overflows the call stack.
  const min = new Array<number>(width).fill(Infinity);
  const max = new Array<number>(width).fill(-Infinity);
  for (const d of data) {
    for (let j = 0; j < width; j++) {
      if (d.features[j]! < min[j]!) min[j] = d.features[j]!;
      if (d.features[j]! > max[j]!) max[j] = d.features[j]!;
    }
  }

  const specs = targets.map((t) => targetSpec(t, fit.some((d) => d.truth[t] !== undefined) ? fit : data));
  const residual = (d: PreparedRecord, k: number) => Math.log1p(d.truth[targets[k]!]!) - Math.log1p(d.rules[targets[k]!]);
  const learns = (d: PreparedRecord, k: number) => d.truth[targets[k]!] !== undefined && !specs[k]!.exact.regimes.includes(d.regime);

  // The correction's scale and bound: what the rule leaves on the training designs.
  const stats = targets.map((_, k) => {
    const values = fit.filter((d) => learns(d, k)).map((d) => residual(d, k));
    const m = values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
    const s = values.length ? Math.sqrt(values.reduce((a, b) => a + (b - m) ** 2, 0) / values.length) : 1;
    const sorted = values.map(Math.abs).sort((a, b) => a - b);
    return { mean: m, std: s > 1e-6 ? s : 1, bound: sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(0.99 * sorted.length))]! : 0 };
  });

  // The layer network's inputs, standardized over the fitted designs' layers.
  const layerWidth = LAYER_FEATURE_NAMES.length;
  const { mean: layerMean, std: layerStd } = standardScaler(fit.map((d) => d.layers.features), layerWidth);
  const withLayers = config.layerHidden.length > 0;
  const shareColumns = Int32Array.from(targets, (t) => TARGETS.indexOf(t));
  // The rows' layers standardized and their shares in target order, as the predictor reads them.
  const layerMatrix = (rows: readonly PreparedRecord[]): LayerMatrix => {
    const { x, shares } = layerBatch(rows.map((d) => d.layers), { mean: layerMean, std: layerStd }, shareColumns);
    const offsets = new Int32Array(rows.length + 1);
    rows.forEach((d, r) => {
      offsets[r + 1] = offsets[r]! + d.layers.count;
    });
    return { features: layerWidth, x, share: shares, offsets };
  };

  const familySize = new Map<string, number>();
  for (const d of data) familySize.set(d.family, (familySize.get(d.family) ?? 0) + 1);
  const matrix = (rows: readonly PreparedRecord[]): TrainingMatrix => {
    const x = new Float32Array(rows.length * width);
    const y = new Float32Array(rows.length * targets.length);
    const mask = new Float32Array(rows.length * targets.length);
    const weight = new Float32Array(rows.length);
    rows.forEach((d, r) => {
      for (let j = 0; j < width; j++) x[r * width + j] = (d.features[j]! - mean[j]!) / std[j]!;
      targets.forEach((_, k) => {
        if (!learns(d, k)) return;
        y[r * targets.length + k] = (residual(d, k) - stats[k]!.mean) / stats[k]!.std;
        mask[r * targets.length + k] = 1;
      });
      weight[r] = 1 / Math.sqrt(familySize.get(d.family) ?? 1);
    });
    const meanWeight = weight.reduce((a, b) => a + b, 0) / Math.max(1, rows.length);
    for (let r = 0; r < rows.length; r++) weight[r] = weight[r]! / meanWeight;
    return { rows: rows.length, features: width, targets: targets.length, x, y, mask, weight, ...(withLayers && { layers: layerMatrix(rows) }) };
  };
  const valMatrix = matrix(val.length ? val : fit);

  // How far a design is from the training data of each kind of label: distance to the nearest
  // k-means centre of the standardized training designs with such labels, over their own median.
  const distanceModels: BundleManifest['distance']['models'] = {};
  for (const kind of ['synth', 'hls', 'impl', 'latency'] as const) {
    const labelled = fit.filter((d) => targets.some((t) => TARGET_INFO[t].kind === kind && d.truth[t] !== undefined));
    if (labelled.length === 0) continue;
    const standardized = labelled.map((d) => Float64Array.from(d.features, (v, j) => (v - mean[j]!) / std[j]!));
    const centers = kMeans(standardized, Math.min(config.distanceCenters, standardized.length), config.seed);
    const nearest = standardized.map((x) => Math.sqrt(centers.reduce((best, c) => Math.min(best, c.reduce((s, cj, j) => s + (x[j]! - cj) ** 2, 0)), Infinity))).sort((a, b) => a - b);
    distanceModels[kind] = { centers: centers.map((c) => [...c]), scale: Math.max(1e-3, nearest[nearest.length >> 1] ?? 1) };
  }

  const masks = reuseMasks(targets, config);
  const members: FittedMember[] = [];
  const fitGroups = [...new Set(fit.map((d) => d.group))].sort();
  let epochsRun = 0;
  for (let m = 0; m < config.members; m++) {
    const seed = config.seed + 1000 * (m + 1);
    const random = seededRandom(seed);
    // Bootstrap by design: members see different samples of architectures.
    const chosen = m === 0 ? fitGroups : fitGroups.map(() => fitGroups[Math.floor(random() * fitGroups.length)]!);
    const multiplicity = new Map<string, number>();
    for (const g of chosen) multiplicity.set(g, (multiplicity.get(g) ?? 0) + 1);
    const rows = fit.flatMap((d) => Array.from({ length: multiplicity.get(d.group) ?? 0 }, () => d));
    const member = await fitMember(tf, matrix(rows), valMatrix, {
      ...config,
      seed,
      masks,
      ...(config.maxSeconds !== undefined && { deadline: Date.now() + (config.maxSeconds * 1000) / config.members }),
      ...(hooks.signal && { signal: hooks.signal }),
      onEpoch: (epoch, loss, valLoss) =>
        hooks.onProgress?.({ member: m + 1, members: config.members, epoch, epochs: config.epochs, loss, valLoss, elapsedMs: Date.now() - started }),
    });
    epochsRun += member.epochs;
    members.push(member);
  }

  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    name: 'hlsest',
    createdAt: new Date().toISOString(),
    featureSpec: { version: FEATURE_SPEC_VERSION, names: [...FEATURE_NAMES] },
    scaler: { mean, std },
    targets: specs.map((spec, k) => ({
      ...spec,
      correction: { enabled: true, mean: stats[k]!.mean, std: stats[k]!.std, bound: stats[k]!.bound, gateScale: 1 },
      band: { halfWidth: stats[k]!.std, widen: 0.5, margin: 0 },
      trainCount: counts[targets[k]!],
    })),
    architecture: {
      kind: 'wide-deep',
      hidden: [...config.hidden],
      activation: 'relu',
      ...(withLayers && { layers: { hidden: [...config.layerHidden], names: [...LAYER_FEATURE_NAMES], mean: layerMean, std: layerStd } }),
    },
    members: members.map((member, i) => ({
      seed: member.seed,
      file: `member-${i}.bin`,
      sha256: '0'.repeat(64),
      tensors: memberTensorSpecs(width, config.hidden, targets.length, withLayers ? { features: layerWidth, hidden: config.layerHidden } : undefined),
    })),
    band: { level: 0.8, z: 1.2815515655446004 },
    distance: { far: 8, models: distanceModels },
    featureRanges: { min, max },
    referenceToolchain: mostCommonToolchain(data),
    layerKinds: [...new Set(data.flatMap((d) => d.record.network.layers.map((l) => l.kind)))].sort(),
    families: [...familySize.keys()].sort(),
    metrics: {},
    data: {},
    training: { config, backend, epochsPerMember: members.map((m) => m.epochs), validationDesigns: new Set(val.map((d) => d.group)).size },
  };
  return { manifest, weights: members.map((m) => m.weights), skippedTargets, backend, epochMs: (Date.now() - started) / Math.max(1, epochsRun), used: data, validation: val };
}

/**
 * Which weights stay zero, so that only the targets marked `readsReuse` (FF, LUT) see a reuse
 * factor. In the deep part and in the layer network the reuse block feeds the second half of
 * each hidden layer alone, and that half feeds nothing but those targets' outputs; the wide part
 * passes it to those targets alone. The other targets' corrections so never see RF: DSPs and
 * cycles move with it exactly as the rules do.
 */
function reuseMasks(targets: readonly Target[], config: TrainConfig): KernelMasks {
  const reads = (k: number) => TARGET_INFO[targets[k]!].readsReuse;
  const masks = new Map<string, Float32Array>();
  // rows × columns of ones, with a zero wherever `cut(row, column)`.
  const mask = (name: string, rows: number, columns: number, cut: (row: number, column: number) => boolean) => {
    const values = new Float32Array(rows * columns);
    for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) values[r * columns + c] = cut(r, c) ? 0 : 1;
    masks.set(name, values);
  };
  // An MLP's kernels: units from half of each hidden width on may see the reuse rows.
  const split = (prefix: string, inputs: number, reuseRows: ReadonlySet<number>, hidden: readonly number[]) => {
    let rows = inputs;
    let aware = (r: number) => reuseRows.has(r);
    hidden.forEach((units, i) => {
      const from = aware;
      const blind = units >> 1;
      mask(`${prefix}_${i}/kernel`, rows, units, (r, c) => from(r) && c < blind);
      aware = (r) => r >= blind;
      rows = units;
    });
    const last = aware;
    mask(`${prefix}_out/kernel`, rows, targets.length, (r, k) => last(r) && !reads(k));
  };

  const designReuse = new Set(REUSE_FEATURES.map((name) => FEATURE_NAMES.indexOf(name)));
  split('deep', FEATURE_NAMES.length, designReuse, config.hidden);
  mask('wide/kernel', FEATURE_NAMES.length, targets.length, (r, k) => designReuse.has(r) && !reads(k));
  if (config.layerHidden.length > 0) split('layer', LAYER_FEATURE_NAMES.length, new Set(LAYER_REUSE_FEATURES.map((name) => LAYER_FEATURE_NAMES.indexOf(name))), config.layerHidden);
  return masks;
}

/** A target's exact regimes (where hls4ml's rule is the answer) and baseline, from labelled records. */
function targetSpec(target: Target, records: readonly PreparedRecord[]): Omit<BundleManifest['targets'][number], 'correction' | 'band' | 'trainCount'> {
  const rows = records.filter((d) => d.truth[target] !== undefined);
  const byRegime = new Map<string, PreparedRecord[]>();
  for (const d of rows) pushTo(byRegime, d.regime, d);
  const regimes: string[] = [];
  const deviations: number[] = [];
  for (const [regime, members] of byRegime) {
    if (members.length < EXACT_MIN_RECORDS) continue;
    const relative = members.map((d) => Math.abs(d.rules[target] - d.truth[target]!) / Math.max(1, d.truth[target]!));
    const exact = members.filter((d) => Math.abs(d.rules[target] - d.truth[target]!) <= Math.max(0.5, 0.005 * d.truth[target]!)).length;
    if (exact / members.length >= EXACT_SHARE) {
      regimes.push(regime);
      pushAll(deviations, relative);
    }
  }
  deviations.sort((a, b) => a - b);
  const tolerance = Math.max(0.01, deviations[Math.floor(0.975 * deviations.length)] ?? 0);
  const logs = rows.map((d) => Math.log1p(d.truth[target]!));
  return {
    name: target,
    transform: 'log1p',
    exact: { regimes: regimes.sort(), tolerance },
    logMean: logs.reduce((a, b) => a + b, 0) / Math.max(1, logs.length),
  };
}

/**
 * Per column, the mean and standard deviation (1 where a column is constant) over every row of
 * `blocks`, each a row-major matrix `width` wide: one row per design, or one per layer.
 */
function standardScaler(blocks: readonly ArrayLike<number>[], width: number): { mean: number[]; std: number[] } {
  let rows = 0;
  for (const block of blocks) rows += block.length / width;
  const mean = new Array<number>(width).fill(0);
  const std = new Array<number>(width).fill(0);
  for (const block of blocks) for (let i = 0; i < block.length; i++) mean[i % width]! += block[i]! / rows;
  for (const block of blocks) for (let i = 0; i < block.length; i++) std[i % width]! += (block[i]! - mean[i % width]!) ** 2 / rows;
  for (let j = 0; j < width; j++) std[j] = Math.sqrt(std[j]!) > 1e-9 ? Math.sqrt(std[j]!) : 1;
  return { mean, std };
}

/** At most `cap` records of each family, picked by architecture so a family keeps its variety. */
function capPerFamily(data: readonly PreparedRecord[], cap: number, seed: number): PreparedRecord[] {
  const byFamily = new Map<string, PreparedRecord[]>();
  for (const d of data) pushTo(byFamily, d.family, d);
  const out: PreparedRecord[] = [];
  for (const [, members] of [...byFamily.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    pushAll(out, members.length <= cap ? members : shuffled(members, seededRandom(seed)).slice(0, cap));
  }
  return out;
}

function mostCommonToolchain(data: readonly PreparedRecord[]): BundleManifest['referenceToolchain'] {
  const counts = new Map<string, { n: number; toolchain: BundleManifest['referenceToolchain'] }>();
  for (const { record } of data) {
    const { hls4mlVersion, hlsTool, hlsToolVersion } = record.toolchain;
    const toolchain = { ...(hls4mlVersion && { hls4mlVersion }), ...(hlsTool && { hlsTool }), ...(hlsToolVersion && { hlsToolVersion }) };
    const key = JSON.stringify(toolchain);
    counts.set(key, { n: (counts.get(key)?.n ?? 0) + 1, toolchain });
  }
  return [...counts.values()].sort((a, b) => b.n - a.n)[0]?.toolchain ?? {};
}
