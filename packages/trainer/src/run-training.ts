import { guessedSettings, HlsestError, isHlsestError, type DesignRecord, type Target } from '@hlsest/core';
import type { BundleManifest, Predictor } from '@hlsest/predictor';
import { finalizeBundle } from './bundle-io.js';
import { chooseAll, crossFittedEstimates, estimateOf, NEUTRAL_CHOICE, safetyMargins, type TargetChoice } from './calibrate.js';
import { evaluateSamples, metricsJson, type Evaluation } from './evaluate.js';
import { heldOutSamples, type HeldOutSample } from './held-out.js';
import { prepare, type PreparedRecord } from './prepared.js';
import { holdoutSplit, kFoldSplits, leaveOneOutSplits, type Split } from './splits.js';
import { trainEnsemble, type TrainConfig, type TrainProgress } from './train-ensemble.js';
import { evenly, pushAll } from './collections.js';

export type SplitMode = { kind: 'holdout'; testFraction: number } | { kind: 'kfold'; k: number } | { kind: 'leave-one-out'; by: 'family' | 'source' | 'subset' };

export interface TrainingRun {
  readonly manifest: BundleManifest;
  readonly weights: readonly Float32Array[];
  readonly predictor: Predictor;
  /** Scores on designs the scored model never saw, one per split, gates and bands chosen without the scored family. */
  readonly evaluations: readonly { readonly split: string; readonly evaluation: Evaluation; readonly testRecords: number }[];
  /**
   * All held-out designs together, gates and bands chosen without the scored family
   * (cross-fitted): what a family the bundle never saw can expect.
   */
  readonly heldOut: Evaluation;
  /** The same designs with the gates and bands the bundle ships (chosen on every family's held-out designs). */
  readonly heldOutShipped: Evaluation;
  readonly choices: ReadonlyMap<Target, TargetChoice>;
}

export interface RunHooks {
  readonly signal?: AbortSignal;
  readonly onProgress?: (stage: string, progress: TrainProgress) => void;
  /** `fit`: where a fitting stage lies in the whole run, for a time estimate (absent on stages that fit nothing). */
  readonly onStage?: (stage: string, fit?: FitPosition) => void;
}

/**
 * A fitting stage's place in the run, in member fits (a scoring split fits fewer members than the
 * final fit): `before` done ahead of it, `size` its own, `total` in the run.
 */
export interface FitPosition {
  readonly before: number;
  readonly size: number;
  readonly total: number;
}

/** Members of the scoring fits (each split's bundle only scores its held-out part). */
const SCORING_MEMBERS = 1;
/**
 * Past this many designs a split is scored on an even spread of them: its figures need no more,
 * and 440k held-out designs × 10 targets of samples do not fit in Node's heap.
 */
const MAX_SCORED_DESIGNS = 20_000;

/**
 * Measures, then fits. Every split's bundle is trained without its held-out designs and
 * decomposed on them; from those samples, per target, the correction's reach (gate) and the band
 * are chosen so that no held-out family does worse than hls4ml's rule alone and the band holds
 * 80 % on average over families (at least half the time in each). The reported scores choose them without the scored family (cross-fitted).
 * The bundle is then trained on all records (`refit`) or is the first split's, and ships the
 * choices made on every sample.
 */
export async function runTraining(records: readonly DesignRecord[], config: TrainConfig, mode: SplitMode, refit: boolean, hooks: RunHooks = {}): Promise<TrainingRun> {
  hooks.onStage?.(`preparing ${records.length} records`);
  const data = prepare(records).filter((d) => Object.keys(d.truth).length > 0);
  const guessed = records.filter((r) => guessedSettings(r).some((s) => s === 'reuseFactor' || s === 'strategy')).length;
  // Said, not silently dropped: a folder of projects without configs would otherwise train on nothing.
  const skipped = guessed ? `; ${guessed} left out because ingest had to guess their reuse factor or strategy, with no hls4ml config and nothing in the folder names to go by` : '';
  if (guessed) hooks.onStage?.(`${data.length} of ${records.length} records carry labels${skipped}`);
  const splits = splitsFor(data, mode, config.seed);
  // A time budget covers the whole run: every member fit, scoring and final, gets an equal share.
  const scoringMembers = refit ? Math.min(config.members, SCORING_MEMBERS) : config.members;
  const memberSeconds = config.maxSeconds === undefined ? undefined : config.maxSeconds / (splits.length * scoringMembers + (refit ? config.members : 0));
  const budget = (members: number): Partial<TrainConfig> => (memberSeconds === undefined ? {} : { maxSeconds: memberSeconds * members });
  const samples: HeldOutSample[] = [];
  const perSplit: { split: string; samples: HeldOutSample[]; testRecords: number }[] = [];
  let first: { trained: Awaited<ReturnType<typeof trainEnsemble>>; final: Awaited<ReturnType<typeof finalizeBundle>> } | undefined;
  const totalFits = splits.length * scoringMembers + (refit ? config.members : 0);
  for (const [index, split] of splits.entries()) {
    if (split.test.length === 0 || split.train.length === 0) continue;
    const train = split.train.map((i) => data[i]!);
    const test = split.test.map((i) => data[i]!);
    if (!test.some((d) => Object.keys(d.truth).length)) continue;
    const toScore = evenly(test, MAX_SCORED_DESIGNS);
    hooks.onStage?.(`${split.name}: training on ${train.length} records, testing on ${test.length}${toScore.length < test.length ? ` (scored on ${toScore.length}, evenly spread)` : ''}`, { before: index * scoringMembers, size: scoringMembers, total: totalFits });
    let trained: Awaited<ReturnType<typeof trainEnsemble>>;
    try {
      trained = await trainEnsemble(train, { ...config, members: scoringMembers, ...budget(scoringMembers) }, withHooks(hooks, split.name));
    } catch (error) {
      if (isHlsestError(error, 'HLSEST_BAD_DATASET')) continue;
      throw error;
    }
    const final = await finalizeBundle(trained, new Map());
    // A holdout or k-fold split tests designs of families it trains on: those are inside the data.
    const seen = new Set(trained.used.map((d) => d.family));
    const own = heldOutSamples(final.predictor, toScore, seen, true);
    pushAll(samples, own);
    pushAll(samples, heldOutSamples(final.predictor, trained.validation, seen, false));
    perSplit.push({ split: split.name, samples: own, testRecords: test.length });
    first ??= { trained, final };
  }
  if (!first) throw new HlsestError('HLSEST_BAD_DATASET', `no split had enough labelled records to train on and to test: ${data.length} of ${records.length} records carry labels${skipped}. Add data, or use --split holdout`);
  const far = first.trained.manifest.distance.far;
  const margins = safetyMargins(samples, far);
  const choices = chooseAll(samples, far, margins);
  const scored = new Map(crossFittedEstimates(samples, far, margins).map((e) => [e.sample, e]));
  const scoredSample = (s: HeldOutSample, e: { value: number; lo: number; hi: number }) => ({ record: s.record, target: s.target, truth: s.truth, value: e.value, lo: e.lo, hi: e.hi, rule: s.rule, mean: Math.max(0, Math.expm1(s.logMean)) });
  const toScored = (list: readonly HeldOutSample[]) => list.map((s) => scoredSample(s, scored.get(s)!));
  const evaluations = perSplit.map((p) => ({ split: p.split, evaluation: evaluateSamples(toScored(p.samples)), testRecords: p.testRecords }));
  const tested = samples.filter((s) => s.scored);
  const heldOut = evaluateSamples(toScored(tested));
  const heldOutShipped = evaluateSamples(tested.map((s) => scoredSample(s, estimateOf(s, choices.get(s.target) ?? NEUTRAL_CHOICE, far))));

  let chosen = first;
  if (refit) {
    hooks.onStage?.(`final fit on all ${data.length} records`, { before: splits.length * scoringMembers, size: config.members, total: totalFits });
    const trained = await trainEnsemble(data, { ...config, ...budget(config.members) }, withHooks(hooks, 'final'));
    chosen = { trained, final: await finalizeBundle(trained, choices) };
  } else {
    chosen = { ...first, final: await finalizeBundle(first.trained, choices) };
  }
  const manifest: BundleManifest = {
    ...chosen.final.manifest,
    metrics: {
      heldOut: metricsJson(heldOut),
      heldOutShipped: metricsJson(heldOutShipped),
      splits: Object.fromEntries(evaluations.map((e) => [e.split, metricsJson(e.evaluation)])),
      skippedTargets: chosen.trained.skippedTargets,
    },
    data: dataSummary(data),
    training: { ...chosen.final.manifest.training, refitOnAll: refit, split: mode, epochMs: chosen.trained.epochMs, heldOutFamilies: [...new Set(tested.map((s) => s.record.family))].sort() },
  };
  return { manifest, weights: chosen.trained.weights, predictor: chosen.final.predictor, evaluations, heldOut, heldOutShipped, choices };
}

function withHooks(hooks: RunHooks, stage: string): { signal?: AbortSignal; onProgress?: (p: TrainProgress) => void } {
  return { ...(hooks.signal && { signal: hooks.signal }), onProgress: (p) => hooks.onProgress?.(stage, p) };
}

function splitsFor(data: readonly PreparedRecord[], mode: SplitMode, seed: number): Split[] {
  const groups = data.map((d) => d.group);
  switch (mode.kind) {
    case 'holdout':
      return [holdoutSplit(groups, mode.testFraction, seed)];
    case 'kfold':
      return kFoldSplits(groups, mode.k, seed);
    case 'leave-one-out': {
      const keys = data.map((d) => (mode.by === 'family' ? d.family : d.subsets[mode.by]));
      // One family leaves nothing to train on when it is left out: score on held-out architectures instead.
      if (new Set(keys).size < 2) return [{ ...holdoutSplit(groups, 0.2, seed), name: `holdout (only one ${mode.by}: 20 % of its architectures held out)` }];
      return leaveOneOutSplits(keys);
    }
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
    families: count((d) => d.family),
    sources: count((d) => d.subsets.source),
    boards: count((d) => d.subsets.board),
    strategies: count((d) => d.subsets.strategy),
    ioTypes: count((d) => d.subsets.ioType),
    hlsTools: count((d) => `${d.record.toolchain.hlsTool ?? 'unknown'} ${d.record.toolchain.hlsToolVersion ?? ''}`.trim()),
    hls4ml: count((d) => d.record.toolchain.hls4mlVersion ?? 'unknown'),
    labels: {
      synth: data.filter((d) => d.record.results.synth).length,
      hls: data.filter((d) => d.record.results.hls).length,
      impl: data.filter((d) => d.record.results.impl).length,
      latency: data.filter((d) => d.record.results.latency).length,
    },
  };
}

