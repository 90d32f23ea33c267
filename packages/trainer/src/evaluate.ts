import { TARGET_INFO, type Target } from '@hlsest/core';
import type { Predictor } from '@hlsest/predictor';
import { computeMetrics, coverage, type Metrics } from './metrics.js';
import { SUBSET_KEYS, type PreparedRecord, type SubsetKey } from './prepared.js';

export type Baselines = Readonly<Partial<Record<Target, { a: number; b: number }>>>;

export interface TargetEvaluation {
  readonly target: Target;
  readonly label: string;
  readonly model: Metrics;
  /** The build model's number alone, calibrated by a log-linear fit on the training set. */
  readonly analytic: Metrics;
  /** Always predicting the training mean (of log1p values, as the model's scale). */
  readonly mean: Metrics;
  readonly beatsBaselines: boolean;
  /** Share of truths inside the predicted 80 % band. */
  readonly coverage: number;
  readonly subsets: Readonly<Record<SubsetKey, Readonly<Record<string, Metrics>>>>;
  /** Points for plots: truth, prediction, band. */
  readonly points: readonly { readonly truth: number; readonly predicted: number; readonly lo: number; readonly hi: number }[];
}

export interface Evaluation {
  readonly records: number;
  readonly targets: readonly TargetEvaluation[];
}

/** Scores a predictor on labelled records, target by target, beside its two baselines. */
export function evaluate(predictor: Predictor, data: readonly PreparedRecord[], baselines: Baselines): Evaluation {
  const predictions = predictor.predictFeatureRows(data);
  const targets = predictor.manifest.targets.flatMap((spec) => {
    const rows = data.map((d, i) => ({ d, band: predictions[i]![spec.name]! })).filter(({ d }) => d.truth[spec.name] !== undefined);
    if (rows.length === 0) return [];
    const truth = rows.map(({ d }) => d.truth[spec.name]!);
    const predicted = rows.map(({ band }) => band.value);
    const fit = baselines[spec.name] ?? spec.offset;
    const analyticPred = rows.map(({ d }) => Math.max(0, Math.expm1(fit.a + fit.b * Math.log1p(d.rules[spec.name]))));
    const meanPred = rows.map(() => Math.max(0, Math.expm1(spec.logMean)));
    const model = computeMetrics(truth, predicted);
    const analytic = computeMetrics(truth, analyticPred);
    const mean = computeMetrics(truth, meanPred);
    const subsets = Object.fromEntries(
      SUBSET_KEYS.map((key) => {
        const byValue = new Map<string, number[]>();
        rows.forEach(({ d }, i) => byValue.set(d.subsets[key], [...(byValue.get(d.subsets[key]) ?? []), i]));
        const entries = [...byValue.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([value, idx]) => [value, computeMetrics(idx.map((i) => truth[i]!), idx.map((i) => predicted[i]!))]);
        return [key, Object.fromEntries(entries)];
      }),
    ) as Record<SubsetKey, Record<string, Metrics>>;
    return [
      {
        target: spec.name,
        label: `${TARGET_INFO[spec.name].label} [${TARGET_INFO[spec.name].unit}]`,
        model,
        analytic,
        mean,
        beatsBaselines: model.smape <= analytic.smape && model.smape <= mean.smape,
        coverage: coverage(truth, rows.map(({ band }) => band.lo), rows.map(({ band }) => band.hi)),
        subsets,
        points: rows.map(({ band }, i) => ({ truth: truth[i]!, predicted: band.value, lo: band.lo, hi: band.hi })),
      },
    ];
  });
  return { records: data.length, targets };
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
        subsets: Object.fromEntries(Object.entries(t.subsets).map(([key, values]) => [key, Object.fromEntries(Object.entries(values).map(([v, m]) => [v, slim(m)]))])),
      },
    ]),
  );
}
