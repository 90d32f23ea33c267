import { FEATURE_NAMES, FEATURE_SPEC_VERSION, TARGETS, type Target } from '@hlsest/core';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, memberTensorSpecs, type BundleManifest } from '@hlsest/predictor';
import { loadTensorflow } from './backend.js';
import { fitMember, type FittedMember, type NetworkHyperparameters, type TrainingMatrix } from './fit-network.js';
import type { PreparedRecord } from './prepared.js';
import { holdoutSplit } from './splits.js';
import { seededRandom } from './rng.js';

export interface TrainConfig extends NetworkHyperparameters {
  readonly members: number;
  readonly validationFraction: number;
  /** A target with fewer labelled training records is not trained (and says so). */
  readonly minTargetCount: number;
  /** Optional time budget for one ensemble, shared equally by its members. */
  readonly maxSeconds?: number;
}

export const DEFAULT_TRAIN_CONFIG: TrainConfig = {
  hidden: [64, 32],
  members: 3,
  epochs: 300,
  batchSize: 256,
  learningRate: 3e-3,
  patience: 25,
  l2: 1e-5,
  seed: 20261122,
  validationFraction: 0.15,
  minTargetCount: 10,
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
  /** Calibrated analytic baseline per target: log1p(y) ≈ a + b·log1p(rule). */
  readonly baselines: Readonly<Partial<Record<Target, { a: number; b: number }>>>;
  readonly skippedTargets: readonly { target: Target; count: number }[];
  readonly backend: string;
  readonly epochMs: number;
  /** The held-back designs early stopping watched; the band's residual noise is measured on them. */
  readonly validation: readonly PreparedRecord[];
}

/**
 * Trains the wide-and-deep ensemble on prepared records: features standardised, targets on a
 * log1p scale standardised per target, one multi-output network per member (shared trunk; a
 * record's missing labels are masked out of the loss), members differing by seed and by a
 * bootstrap of designs. The weights' checksums are filled in when the bundle is written.
 */
export async function trainEnsemble(
  data: readonly PreparedRecord[],
  config: TrainConfig,
  hooks: { signal?: AbortSignal; onProgress?: (p: TrainProgress) => void } = {},
): Promise<TrainedBundle> {
  const { tf, backend } = await loadTensorflow();
  const started = Date.now();
  const counts = Object.fromEntries(TARGETS.map((t) => [t, data.filter((d) => d.truth[t] !== undefined).length])) as Record<Target, number>;
  const targets = TARGETS.filter((t) => counts[t] >= config.minTargetCount);
  const skippedTargets = TARGETS.filter((t) => counts[t] < config.minTargetCount).map((target) => ({ target, count: counts[target] }));
  if (targets.length === 0) throw new Error(`no target has ${config.minTargetCount} labelled records to train on`);

  const split = holdoutSplit(data.map((d) => d.group), config.validationFraction, config.seed);
  const fit = split.train.map((i) => data[i]!);
  const val = split.test.map((i) => data[i]!);

  const width = FEATURE_NAMES.length;
  const mean = new Array<number>(width).fill(0);
  const std = new Array<number>(width).fill(0);
  for (const d of fit) for (let j = 0; j < width; j++) mean[j]! += d.features[j]! / fit.length;
  for (const d of fit) for (let j = 0; j < width; j++) std[j]! += (d.features[j]! - mean[j]!) ** 2 / fit.length;
  for (let j = 0; j < width; j++) std[j] = Math.sqrt(std[j]!) > 1e-9 ? Math.sqrt(std[j]!) : 1;
  // Loops, not Math.min(...spread): a spread of 500k rows overflows the call stack.
  const min = new Array<number>(width).fill(Infinity);
  const max = new Array<number>(width).fill(-Infinity);
  for (const d of data) {
    for (let j = 0; j < width; j++) {
      if (d.features[j]! < min[j]!) min[j] = d.features[j]!;
      if (d.features[j]! > max[j]!) max[j] = d.features[j]!;
    }
  }

  // Each target is learned as a correction to its calibrated build-model rule: with a zero
  // network output the bundle reproduces the analytic baseline, so rules carry what they know.
  const baselines: Partial<Record<Target, { a: number; b: number }>> = {};
  for (const t of targets) {
    const rows = (fit.some((d) => d.truth[t] !== undefined) ? fit : data).filter((d) => d.truth[t] !== undefined);
    baselines[t] = linearFit(rows.map((d) => Math.log1p(d.rules[t])), rows.map((d) => Math.log1p(d.truth[t]!)));
  }
  const residual = (d: PreparedRecord, t: Target) => Math.log1p(d.truth[t]!) - (baselines[t]!.a + baselines[t]!.b * Math.log1p(d.rules[t]));
  const targetStats = targets.map((t) => {
    const labelled = fit.some((d) => d.truth[t] !== undefined) ? fit : data;
    const values = labelled.filter((d) => d.truth[t] !== undefined).map((d) => residual(d, t));
    const m = values.reduce((a, b) => a + b, 0) / values.length;
    const s = Math.sqrt(values.reduce((a, b) => a + (b - m) ** 2, 0) / values.length);
    const logs = labelled.filter((d) => d.truth[t] !== undefined).map((d) => Math.log1p(d.truth[t]!));
    return { mean: m, std: s > 1e-6 ? s : 1, logMean: logs.reduce((a, b) => a + b, 0) / logs.length };
  });

  // Large subsets would drown small ones; weight ∝ 1/√(subset size), mean 1.
  const subsetSize = new Map<string, number>();
  for (const d of data) subsetSize.set(d.subsets.subset, (subsetSize.get(d.subsets.subset) ?? 0) + 1);
  const matrix = (rows: readonly PreparedRecord[]): TrainingMatrix => {
    const x = new Float32Array(rows.length * width);
    const y = new Float32Array(rows.length * targets.length);
    const mask = new Float32Array(rows.length * targets.length);
    const weight = new Float32Array(rows.length);
    rows.forEach((d, r) => {
      for (let j = 0; j < width; j++) x[r * width + j] = (d.features[j]! - mean[j]!) / std[j]!;
      targets.forEach((t, k) => {
        const v = d.truth[t];
        if (v === undefined) return;
        y[r * targets.length + k] = (residual(d, t) - targetStats[k]!.mean) / targetStats[k]!.std;
        mask[r * targets.length + k] = 1;
      });
      weight[r] = 1 / Math.sqrt(subsetSize.get(d.subsets.subset) ?? 1);
    });
    const meanWeight = weight.reduce((a, b) => a + b, 0) / Math.max(1, rows.length);
    for (let r = 0; r < rows.length; r++) weight[r] = weight[r]! / meanWeight;
    return { rows: rows.length, features: width, targets: targets.length, x, y, mask, weight };
  };
  const valMatrix = matrix(val.length ? val : fit);

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
    targets: targets.map((name, k) => ({ name, transform: 'log1p' as const, offset: baselines[name]!, correction: 1 as const, logMean: targetStats[k]!.logMean, mean: targetStats[k]!.mean, std: targetStats[k]!.std, residualStd: 0, trainCount: counts[name] })),
    architecture: { kind: 'wide-deep', hidden: [...config.hidden], activation: 'relu' },
    members: members.map((member, i) => ({ seed: member.seed, file: `member-${i}.bin`, sha256: '0'.repeat(64), tensors: memberTensorSpecs(width, config.hidden, targets.length) })),
    band: { level: 0.8, z: 1.2815515655446004 },
    featureRanges: { min, max },
    referenceToolchain: mostCommonToolchain(data),
    layerKinds: [...new Set(data.flatMap((d) => d.record.network.layers.map((l) => l.kind)))].sort(),
    metrics: {},
    data: {},
    training: { config, backend, epochsPerMember: members.map((m) => m.epochs), validationDesigns: new Set(val.map((d) => d.group)).size },
  };
  return {
    manifest,
    weights: members.map((m) => m.weights),
    baselines,
    skippedTargets,
    backend,
    epochMs: (Date.now() - started) / Math.max(1, epochsRun),
    validation: val,
  };
}

/** Least squares y ≈ a + b·x; a constant when x does not vary. */
export function linearFit(x: readonly number[], y: readonly number[]): { a: number; b: number } {
  const n = x.length;
  if (n === 0) return { a: 0, b: 0 };
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
  }
  const b = sxx > 1e-12 ? sxy / sxx : 0;
  return { a: my - b * mx, b };
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
