import { describe, expect, it } from 'vitest';
import { constantMultiplicationShare, kernelSpread, multiplicationShare, significantBits, signedDigits } from './constant-products.js';
import { fixed, parsePrecision } from '../precision.js';

describe('constant products', () => {
  it('keeps the sign and the steps a reach spans of a weight type, never more than its width', () => {
    // fixed<8,1>: steps of 2^-7. ±0.177 spans 22 steps (5 bits and the sign); ±0.3 spans 38 (6 and the sign).
    expect([0.177, 0.3, 0].map((reach) => significantBits(fixed(8, 1), reach))).toEqual([6, 7, 1]);
    expect(significantBits(fixed(8, 1), 4)).toBe(8);
    expect(significantBits(parsePrecision('ufixed<8,0>'), 0.49)).toBe(7); // 125 steps of 2^-8, no sign
  });

  it('counts nonzero digits in canonical signed-digit form', () => {
    // 7 = 8 − 1, 23 = 32 − 8 − 1, 255 = 256 − 1; 0x55 alternates and cannot be shortened.
    expect([0, 1, 2, 3, 7, 23, 0x55, 255].map(signedDigits)).toEqual([0, 1, 1, 2, 2, 3, 4, 2]);
  });

  it('keeps no multiplication below five values and nearly all of them past thousands', () => {
    // ±1…±4 are all ±2^a ± 2^b: shifts and one adder.
    expect(multiplicationShare(4)).toBe(0);
    expect(multiplicationShare(0.4)).toBe(0);
    // 11 = 8 + 2 + 1 is the first three-digit value.
    expect(multiplicationShare(11)).toBeCloseTo(1 / 11);
    expect(multiplicationShare(2 ** 20)).toBeGreaterThan(0.99);
    for (let k = 1; k < 4096; k *= 2) expect(multiplicationShare(4 * k)).toBeGreaterThanOrEqual(multiplicationShare(2 * k));
  });

  it('reads the spread of a Glorot, LeCun or fixed-limit initializer', () => {
    expect(kernelSpread(undefined, 16, 64)).toBeCloseTo(Math.sqrt(6 / 80));
    expect(kernelSpread({ kind: 'variance', scale: 1, mode: 'fan_in' }, 1, 64)).toBeCloseTo(Math.sqrt(3));
    expect(kernelSpread({ kind: 'limit', limit: 10 }, 1, 2)).toBe(10);
  });

  it('follows the weight type: more fractional bits, more multiplications; never past the type', () => {
    const at = (width: number, integer: number, spread: number) => constantMultiplicationShare(fixed(width, integer), spread);
    // N-TORC's 16×16 Dense at RF 1 (ap_fixed<16,8>) keeps 62 % of its products on DSPs.
    expect(at(16, 8, kernelSpread(undefined, 16, 16))).toBeGreaterThan(0.55);
    expect(at(16, 8, kernelSpread(undefined, 16, 16))).toBeLessThan(0.7);
    expect(at(16, 6, 0.3)).toBeGreaterThan(at(16, 8, 0.3));
    // A 4-bit weight has at most 8 steps: every product is shifts and adds.
    expect(at(4, 1, 100)).toBe(0);
    expect(constantMultiplicationShare({ kind: 'xnor', width: 1 }, 1)).toBe(0);
  });
});
