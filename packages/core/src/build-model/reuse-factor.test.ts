import { describe, expect, it } from 'vitest';
import { closestReuseFactor, divisors, isValidReuseFactorBruteForce, resolveReuseFactor, validReuseFactors } from './reuse-factor.js';

describe('valid reuse factors', () => {
  it('equal the brute-force enumeration of hls4ml _validate_reuse_factor for every size up to 40×40', () => {
    for (let nIn = 1; nIn <= 40; nIn++) {
      for (let nOut = 1; nOut <= 40; nOut++) {
        const brute = [];
        for (let rf = 1; rf <= nIn * nOut; rf++) if (isValidReuseFactorBruteForce(nIn, nOut, rf)) brute.push(rf);
        expect(validReuseFactors(nIn, nOut), `${nIn}×${nOut}`).toEqual(brute);
      }
    }
  });

  it('worked by hand: 16×64 and 32×5', () => {
    // divisors(16) ∪ 16·divisors(64)
    expect(validReuseFactors(16, 64)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024]);
    // divisors(32) ∪ {32, 160}
    expect(validReuseFactors(32, 5)).toEqual([1, 2, 4, 8, 16, 32, 160]);
    expect(validReuseFactors(32, 5, false)).toEqual([1, 2, 4, 8, 16, 32]);
  });

  it('divisors come out sorted', () => {
    expect(divisors(36)).toEqual([1, 2, 3, 4, 6, 9, 12, 18, 36]);
    expect(divisors(1)).toEqual([1]);
    expect(divisors(97)).toEqual([1, 97]);
  });
});

describe('closest reuse factor', () => {
  const valid = [1, 2, 4, 8, 16, 32, 160];
  it.each([
    [0, 1],
    [3, 2], // tie between 2 and 4: the smaller
    [5, 4],
    [6, 4], // tie between 4 and 8
    [7, 8],
    [24, 16], // tie between 16 and 32
    [25, 32],
    [96, 32], // tie between 32 and 160
    [97, 160],
    [10_000, 160],
  ])('%i → %i', (requested, expected) => {
    expect(closestReuseFactor(valid, requested)).toBe(expected);
  });
});

describe('resolveReuseFactor', () => {
  it('validates only Resource-style strategies', () => {
    expect(resolveReuseFactor(16, 64, 100, 'latency')).toEqual({ requested: 100, applied: 100, validated: false });
    expect(resolveReuseFactor(16, 64, 100, 'resource')).toMatchObject({ requested: 100, applied: 128, validated: true, note: expect.stringContaining('closest valid value, 128') });
    expect(resolveReuseFactor(16, 64, 64, 'resource')).toEqual({ requested: 64, applied: 64, validated: true });
  });

  it('clamps to the largest valid value, which resource_unrolled excludes', () => {
    // wa-hls4ml test_conv2d: 800×16 Dense at Model RF 32765 → 12800 = n_in·n_out.
    expect(resolveReuseFactor(800, 16, 32765, 'resource').applied).toBe(12800);
    expect(resolveReuseFactor(32, 5, 1000, 'resource_unrolled').applied).toBe(32);
  });

  it('refuses a non-positive reuse factor', () => {
    expect(() => resolveReuseFactor(4, 4, 0, 'resource')).toThrow(/positive integer/);
  });
});
