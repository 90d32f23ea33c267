import { TARGET_INFO, TARGETS, type Target } from '@hlsest/core';
import type { Predictor } from '@hlsest/predictor';
import { computeMetrics, coverage, type Metrics } from './metrics.js';
import { SUBSET_KEYS, type PreparedRecord, type SubsetKey } from './prepared.js';
import { pushTo } from './collections.js';

/** One scored (record, target): the estimate with its band, and the two baselines. */
export interface ScoredSample {
  readonly record: PreparedRecord;
  readonly target: Target;
  readonly truth: number;
  readonly value: number;
  readonly lo: number;
  readonly hi: number;
  /** hls4ml's rule alone (the build model). */
  readonly rule: number;
  /** Always predicting the training mean (of log1p values). */
  readonly mean: number;
}

export interface TargetEvaluation {
  readonly target: Target;
  readonly label: string;
  readonly model: Metrics;
  /** The build model's number alone. */
  readonly analytic: Metrics;
  /** Always predicting the training mean (of log1p values, as the model's scale). */
  readonly mean: Metrics;
  readonly beatsBaselines: boolean;
  /** Share of truths inside the predicted 80 % band. */
  readonly coverage: number;
  readonly subsets: Readonly<Record<SubsetKey, Readonly<Record<string, Metrics & { readonly rule: number; readonly coverage: number }>>>>;
  /** Points for plots: truth, prediction, band. */
  readonly points: readonly { readonly truth: number; readonly predicted: number; readonly lo: number; readonly hi: number }[];
}

export interface Evaluation {
  readonly records: number;
  readonly targets: readonly TargetEvaluation[];
}

/** Scores scored samples target by target, beside hls4ml's rule and the mean, overall and per subset. */
export function evaluateSamples(samples: readonly ScoredSample[]): Evaluation {
  const targets = TARGETS.flatMap((target) => {
    const rows = samples.filter((s) => s.target === target);
    if (rows.length === 0) return [];
    const truth = rows.map((s) => s.truth);
    const model = computeMetrics(truth, rows.map((s) => s.value));
    const analytic = computeMetrics(truth, rows.map((s) => s.rule));
    const mean = computeMetrics(truth, rows.map((s) => s.mean));
    const subsets = Object.fromEntries(
      SUBSET_KEYS.map((key) => {
        const byValue = new Map<string, ScoredSample[]>();
        for (const s of rows) pushTo(byValue, s.record.subsets[key], s);
        const entries = [...byValue.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([value, list]) => {
            const t = list.map((s) => s.truth);
            return [
              value,
              {
                ...computeMetrics(t, list.map((s) => s.value)),
                rule: computeMetrics(t, list.map((s) => s.rule)).smape,
                coverage: coverage(t, list.map((s) => s.lo), list.map((s) => s.hi)),
              },
            ];
          });
        return [key, Object.fromEntries(entries)];
      }),
    ) as TargetEvaluation['subsets'];
    return [
      {
        target,
        label: `${TARGET_INFO[target].label} [${TARGET_INFO[target].unit}]`,
        model,
        analytic,
        mean,
        beatsBaselines: model.smape <= analytic.smape + 1e-9 && model.smape <= mean.smape,
        coverage: coverage(truth, rows.map((s) => s.lo), rows.map((s) => s.hi)),
        subsets,
        points: rows.map((s) => ({ truth: s.truth, predicted: s.value, lo: s.lo, hi: s.hi })),
      },
    ];
  });
  return { records: new Set(samples.map((s) => s.record)).size, targets };
}

/** Scores a loaded bundle on labelled records (`hlsest evaluate`). */
export function evaluate(predictor: Predictor, data: readonly PreparedRecord[]): Evaluation {
  const { features, context } = predictor.featureBatch(data);
  const bands = predictor.predictBands(features, data.length, context);
  const samples: ScoredSample[] = [];
  data.forEach((d, r) => {
    predictor.manifest.targets.forEach((spec, t) => {
      const truth = d.truth[spec.name];
      if (truth === undefined) return;
      const rule = context.rules[r * predictor.targets.length + t]!;
      samples.push({
        record: d,
        target: spec.name,
        truth,
        value: bands.value(r, t),
        lo: bands.lo(r, t),
        hi: bands.hi(r, t),
        rule,
        mean: Math.max(0, Math.expm1(spec.logMean)),
      });
    });
  });
  return evaluateSamples(samples);
}

/** The JSON of `metrics.json`: r2, smape, mae, rmse per target and per subset. */
export function metricsJson(evaluation: Evaluation): Record<string, unknown> {
  const slim = (m: Metrics) => ({ n: m.n, r2: m.r2, smape: m.smape, mae: m.mae, rmse: m.rmse, within10: m.within10, within25: m.within25 });
  return Object.fromEntries(
    evaluation.targets.map((t) => [
      t.target,
      {
        ...slim(t.model),
        coverage80: t.coverage,
        beatsBaselines: t.beatsBaselines,
        baselines: { analytic: slim(t.analytic), mean: slim(t.mean) },
        subsets: Object.fromEntries(
          Object.entries(t.subsets).map(([key, values]) => [key, Object.fromEntries(Object.entries(values).map(([v, m]) => [v, { ...slim(m), ruleSmape: m.rule, coverage80: m.coverage }]))]),
        ),
      },
    ]),
  );
}
