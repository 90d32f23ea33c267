import type { Target } from '@hlsest/core';
import type { Predictor } from '@hlsest/predictor';
import type { PreparedRecord } from './prepared.js';

/** One labelled (record, target) a bundle never saw, with the parts of its estimate. */
export interface HeldOutSample {
  readonly record: PreparedRecord;
  readonly target: Target;
  readonly truth: number;
  /** hls4ml's rule, raw. */
  readonly rule: number;
  /** The clipped learned correction (members' mean) and the members' variance, log1p space. */
  readonly correction: number;
  readonly variance: number;
  readonly distance: number;
  /** The regime was exact in training: the estimate is the rule, within `tolerance` (relative). */
  readonly exact: boolean;
  readonly tolerance: number;
  /** The split's training mean of log1p(target): the "predict the mean" baseline. */
  readonly logMean: number;
  /**
   * A design of a family the bundle was trained on, kept out of its fit: it measures the
   * correction near the data. Otherwise its whole family was left out.
   */
  readonly inside: boolean;
  /**
   * A split's test design, which the evaluation scores; otherwise a fit's own validation design
   * (early stopping), which only helps choose gates and bands.
   */
  readonly scored: boolean;
}

/**
 * The held-out samples of `rows` under `predictor`, trained without them: `inside` where the
 * predictor was trained on the row's family (`seenFamilies`), `scored` as given.
 */
export function heldOutSamples(predictor: Predictor, rows: readonly PreparedRecord[], seenFamilies: ReadonlySet<string>, scored: boolean): HeldOutSample[] {
  if (rows.length === 0) return [];
  const { features, context } = predictor.featureBatch(rows);
  const parts = predictor.decompose(features, rows.length, context);
  const count = predictor.targets.length;
  const out: HeldOutSample[] = [];
  rows.forEach((d, r) => {
    predictor.manifest.targets.forEach((spec, t) => {
      const truth = d.truth[spec.name];
      if (truth === undefined) return;
      const at = r * count + t;
      out.push({
        record: d,
        target: spec.name,
        truth,
        rule: context.rules[at]!,
        correction: parts.correction[at]!,
        variance: parts.variance[at]!,
        distance: parts.distances[at]!,
        exact: parts.exact[at] === 1,
        tolerance: spec.exact.tolerance,
        logMean: spec.logMean,
        inside: seenFamilies.has(d.family),
        scored,
      });
    });
  });
  return out;
}
