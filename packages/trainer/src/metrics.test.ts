import { describe, expect, it } from 'vitest';
import { computeMetrics, coverage } from './metrics.js';

describe('computeMetrics (hand-computed)', () => {
  it('scores a small example', () => {
    // truth 10, 20, 30; predicted 12, 18, 33. mean 20; SSres = 4+4+9 = 17; SStot = 100+0+100 = 200.
    const m = computeMetrics([10, 20, 30], [12, 18, 33]);
    expect(m.n).toBe(3);
    expect(m.r2).toBeCloseTo(1 - 17 / 200, 12);
    expect(m.mae).toBeCloseTo(7 / 3, 12);
    expect(m.rmse).toBeCloseTo(Math.sqrt(17 / 3), 12);
    // sMAPE terms: 400/23, 400/39, 600/64.
    expect(m.smape).toBeCloseTo((400 / 23 + 400 / 39 + 600 / 64) / 3, 12);
    // relative errors 0.2, 0.1, 0.1 → within ±10 %: 2 of 3; ±25 %: 3 of 3.
    expect(m.within10).toBeCloseTo(2 / 3, 12);
    expect(m.within25).toBe(1);
  });

  it('handles zeros the rule4ml way (+1 in the sMAPE denominator)', () => {
    const m = computeMetrics([0, 0], [0, 1]);
    expect(m.smape).toBeCloseTo((0 + 200 / 2) / 2, 12);
    expect(m.within10).toBe(0.5);
  });

  it('gives R² = 1 for a perfect fit and a negative R² for a worse-than-mean one', () => {
    expect(computeMetrics([1, 2, 3], [1, 2, 3]).r2).toBe(1);
    expect(computeMetrics([1, 2, 3], [3, 2, 1]).r2).toBeCloseTo(1 - 8 / 2, 12);
  });

  it('refuses mismatched lengths and reports NaN on no data', () => {
    expect(() => computeMetrics([1], [])).toThrow(/1 truths for 0/);
    expect(computeMetrics([], []).r2).toBeNaN();
  });

  it('counts band coverage', () => {
    expect(coverage([1, 5, 10], [0, 6, 9], [2, 7, 11])).toBeCloseTo(2 / 3, 12);
  });
});
