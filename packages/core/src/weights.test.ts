import { describe, expect, it } from 'vitest';
import { weightStatsOf } from './weights.js';
import { fixed } from './precision.js';

describe('weight statistics', () => {
  it('counts, on the weight type\'s grid, zeros, powers of two, the constants that stay multiplications and the largest magnitude', () => {
    const step = 2 ** -10; // fixed<16,6>
    // 0.0004 rounds to zero; 0.5 is a shift; 7 steps = 8 − 1 is a shift and an adder; 11 steps = 8 + 2 + 1 is not.
    const stats = weightStatsOf([0, 0.0004, 0.5, 7 * step, -11 * step], fixed(16, 6));
    expect(stats).toEqual({ count: 5, zeros: 2, powersOfTwo: 1, multiplications: 1, largest: 0.5 });
  });

  it('leaves multiplications uncounted without a weight type to cast to', () => {
    expect(weightStatsOf([0, 0.3, -0.5])).toEqual({ count: 3, zeros: 1, powersOfTwo: 1, largest: 0.5 });
  });
});
