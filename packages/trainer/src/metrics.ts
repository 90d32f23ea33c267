/** Scores of predictions against the truth, on the raw (not log) scale. */
export interface Metrics {
  readonly n: number;
  readonly r2: number;
  /** mean of 200·|y − ŷ| / (|y| + |ŷ| + 1), in %: the rule4ml / wa-hls4ml convention. */
  readonly smape: number;
  readonly mae: number;
  readonly rmse: number;
  /** Share of predictions within ±10 % and ±25 % of the truth. */
  readonly within10: number;
  readonly within25: number;
}

export function computeMetrics(truth: readonly number[], predicted: readonly number[]): Metrics {
  if (truth.length !== predicted.length) throw new Error(`metrics: ${truth.length} truths for ${predicted.length} predictions`);
  const n = truth.length;
  if (n === 0) return { n: 0, r2: Number.NaN, smape: Number.NaN, mae: Number.NaN, rmse: Number.NaN, within10: Number.NaN, within25: Number.NaN };
  let mean = 0;
  for (const y of truth) mean += y / n;
  let ssRes = 0;
  let ssTot = 0;
  let smape = 0;
  let mae = 0;
  let within10 = 0;
  let within25 = 0;
  for (let i = 0; i < n; i++) {
    const y = truth[i]!;
    const p = predicted[i]!;
    const e = y - p;
    ssRes += e * e;
    ssTot += (y - mean) * (y - mean);
    smape += (200 * Math.abs(e)) / (Math.abs(y) + Math.abs(p) + 1);
    mae += Math.abs(e);
    const relative = y === 0 ? (p === 0 ? 0 : Infinity) : Math.abs(e) / Math.abs(y);
    if (relative <= 0.1) within10++;
    if (relative <= 0.25) within25++;
  }
  return {
    n,
    r2: ssTot === 0 ? (ssRes === 0 ? 1 : Number.NaN) : 1 - ssRes / ssTot,
    smape: smape / n,
    mae: mae / n,
    rmse: Math.sqrt(ssRes / n),
    within10: within10 / n,
    within25: within25 / n,
  };
}

/** Share of truths inside their predicted [lo, hi] band. */
export function coverage(truth: readonly number[], lo: readonly number[], hi: readonly number[]): number {
  if (truth.length === 0) return Number.NaN;
  let inside = 0;
  truth.forEach((y, i) => {
    if (y >= lo[i]! && y <= hi[i]!) inside++;
  });
  return inside / truth.length;
}
