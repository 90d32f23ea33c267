import type { DesignRecord } from '@hlsest/core';
import type { BundleManifest, Predictor } from '@hlsest/predictor';
import { finalizeBundle } from './bundle-io.js';
import { evaluate, metricsJson, type Evaluation } from './evaluate.js';
import { prepare, type PreparedRecord } from './prepared.js';
import { holdoutSplit, kFoldSplits, leaveOneOutSplits, type Split } from './splits.js';
import { trainEnsemble, type TrainConfig, type TrainProgress } from './train-ensemble.js';

export type SplitMode = { kind: 'holdout'; testFraction: number } | { kind: 'kfold'; k: number } | { kind: 'leave-one-out'; by: 'source' | 'subset' };

export interface TrainingRun {
  readonly manifest: BundleManifest;
  readonly weights: readonly Float32Array[];
  readonly predictor: Predictor;
  /** Scores on designs the scored model never saw, one per split. */
  readonly evaluations: readonly { readonly split: string; readonly evaluation: Evaluation; readonly testRecords: number }[];
  readonly baselines: Readonly<Record<string, { a: number; b: number }>>;
}

export interface RunHooks {
  readonly signal?: AbortSignal;
  readonly onProgress?: (stage: string, progress: TrainProgress) => void;
  readonly onStage?: (stage: string) => void;
}

/**
 * Measures, then fits: every split's model is scored on its held-out designs, and the bundle is
 * then trained on all records (`refit`) or on the first split's training part. The bundle
 * carries the held-out scores, the calibrated baselines and a summary of its data.
 */
export async function runTraining(records: readonly DesignRecord[], config: TrainConfig, mode: SplitMode, refit: boolean, hooks: RunHooks = {}): Promise<TrainingRun> {
  hooks.onStage?.(`preparing ${records.length} records`);
  const data = prepare(records);
  const splits = splitsFor(data, mode, config.seed);
  const evaluations: TrainingRun['evaluations'][number][] = [];
  let last: { trained: Awaited<ReturnType<typeof trainEnsemble>>; final: Awaited<ReturnType<typeof finalizeBundle>> } | undefined;
  for (const split of splits) {
    if (split.test.length === 0 || split.train.length === 0) continue;
    hooks.onStage?.(`${split.name}: training on ${split.train.length} records, testing on ${split.test.length}`);
    const train = split.train.map((i) => data[i]!);
    const test = split.test.map((i) => data[i]!);
    const trained = await trainEnsemble(train, config, { ...(hooks.signal && { signal: hooks.signal }), onProgress: (p) => hooks.onProgress?.(split.name, p) });
    const final = await finalizeBundle(trained);
    evaluations.push({ split: split.name, evaluation: evaluate(final.predictor, test, trained.baselines), testRecords: test.length });
    last ??= { trained, final };
  }
  if (!last) throw new Error('no split had both training and test records');
  let chosen = last;
  if (refit) {
    hooks.onStage?.(`final fit on all ${data.length} records`);
    const trained = await trainEnsemble(data, config, { ...(hooks.signal && { signal: hooks.signal }), onProgress: (p) => hooks.onProgress?.('final', p) });
    chosen = { trained, final: await finalizeBundle(trained) };
  }
  const manifest: BundleManifest = {
    ...chosen.final.manifest,
    metrics: {
      heldOut: Object.fromEntries(evaluations.map((e) => [e.split, metricsJson(e.evaluation)])),
      skippedTargets: chosen.trained.skippedTargets,
    },
    data: dataSummary(data),
    training: { ...chosen.final.manifest.training, baselines: chosen.trained.baselines, refitOnAll: refit, split: mode, epochMs: chosen.trained.epochMs },
  };
  return { manifest, weights: chosen.trained.weights, predictor: chosen.final.predictor, evaluations, baselines: chosen.trained.baselines as Record<string, { a: number; b: number }> };
}

function splitsFor(data: readonly PreparedRecord[], mode: SplitMode, seed: number): Split[] {
  const groups = data.map((d) => d.group);
  switch (mode.kind) {
    case 'holdout':
      return [holdoutSplit(groups, mode.testFraction, seed)];
    case 'kfold':
      return kFoldSplits(groups, mode.k, seed);
    case 'leave-one-out':
      return leaveOneOutSplits(data.map((d) => d.subsets[mode.by]));
  }
}

function dataSummary(data: readonly PreparedRecord[]): Record<string, unknown> {
  const count = (pick: (d: PreparedRecord) => string) => {
    const out: Record<string, number> = {};
    for (const d of data) out[pick(d)] = (out[pick(d)] ?? 0) + 1;
    return out;
  };
  return {
    records: data.length,
    designs: new Set(data.map((d) => d.group)).size,
    sources: count((d) => d.subsets.source),
    subsets: count((d) => d.subsets.subset),
    boards: count((d) => d.subsets.board),
    strategies: count((d) => d.subsets.strategy),
    ioTypes: count((d) => d.subsets.ioType),
    hlsTools: count((d) => `${d.record.toolchain.hlsTool ?? 'unknown'} ${d.record.toolchain.hlsToolVersion ?? ''}`.trim()),
    hls4ml: count((d) => d.record.toolchain.hls4mlVersion ?? 'unknown'),
    labels: {
      synth: data.filter((d) => d.record.results.synth).length,
      hls: data.filter((d) => d.record.results.hls).length,
      latency: data.filter((d) => d.record.results.latency).length,
    },
  };
}
