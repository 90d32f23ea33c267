import { fractionalBits, type Precision } from '../precision.js';
import type { KernelInit } from '../schema.js';

/**
 * Which products by a constant weight C-synthesis keeps as multiplications (on DSPs where the
 * operands call for one) and which it rebuilds as shifts and adds in LUTs. It decides per
 * constant: a weight whose canonical signed-digit form has at most two nonzero digits (±2^a ±
 * 2^b) is a shift or one adder; the rest stay multiplications. Which weights those are follows
 * their values, so without the trained kernel the share follows how many quantization steps the
 * weights span: weights cast to a type with f fractional bits and spread over ±scale take the
 * integer values −K…K, K = scale·2^f, and the share is that of K's range with three or more
 * signed digits.
 *
 * Checked against every Latency kernel at RF 1 in ../shared/hls4ml-data whose report gives its
 * DSPs (spread from Keras's initializers, no fitted constant): N-TORC's Conv1D/Dense
 * (ap_fixed<16,8>, K 52–152) keep 43–78 % of their products on DSPs against 48–68 % so
 * computed; hls4ml's baselines (ap_fixed<16,6>, lecun_uniform over one input, K ≈ 1,770) 88–100 %
 * against 95 %; ArgyKokk's trained MLPs (fixed<8,1>, K 13–140) 0–51 % against 11–65 %, the
 * widest layers lowest in both. A single share per weight width, as fitted before, had to put
 * 16-bit weights at 62 % for all of them.
 */
export const SHIFT_ADD_DIGITS = 2;

/** Nonzero digits of n ≥ 0 in canonical signed-digit (non-adjacent) form. */
export function signedDigits(n: number): number {
  let digits = 0;
  let rest = n;
  while (rest > 0) {
    if (rest % 2 === 1) {
      // A run of ones ends in −1 (rest ≡ 3 mod 4: 0111 = 1000 − 0001), a lone one in +1.
      rest += rest % 4 === 3 ? 1 : -1;
      digits++;
    }
    rest /= 2;
  }
  return digits;
}

// Past 2^16 steps fewer than 4 in 1,000 constants are shift-adds and the share barely moves:
// the table stops there.
const TABLE_LEVELS = 1 << 16;
let multiplicationsUpTo: Uint32Array | undefined;

/** Of the nonzero integers ±1…±levels, the share that stays a multiplication. */
export function multiplicationShare(levels: number): number {
  const k = Math.min(TABLE_LEVELS, Math.floor(levels));
  if (k < 1) return 0;
  if (!multiplicationsUpTo) {
    // Built on first use: 64k entries, every swept configuration then reads it in O(1).
    multiplicationsUpTo = new Uint32Array(TABLE_LEVELS + 1);
    for (let n = 1; n <= TABLE_LEVELS; n++) multiplicationsUpTo[n] = multiplicationsUpTo[n - 1]! + (signedDigits(n) > SHIFT_ADD_DIGITS ? 1 : 0);
  }
  return multiplicationsUpTo[k]! / k;
}

/**
 * How far a kernel's values reach, from the initializer Keras starts it from, Glorot-uniform (its
 * default) when none is known. A variance-scaling initializer draws with variance scale/n, n the
 * fan its mode names (keras `initializers` `VarianceScaling`, fans from `compute_fans`: receptive
 * field × input and output channels); its normal draws are scaled to the same variance, so either
 * distribution reaches as far as the uniform one of that variance, ±√(3·scale/n). Trained weights
 * mostly stay within a small factor of where they started.
 */
export function kernelSpread(init: KernelInit | undefined, fanIn: number, fanOut: number): number {
  if (init?.kind === 'limit') return init.limit;
  const { scale, mode } = init ?? { scale: 1, mode: 'fan_avg' as const };
  const n = mode === 'fan_in' ? fanIn : mode === 'fan_out' ? fanOut : (fanIn + fanOut) / 2;
  return Math.sqrt((3 * scale) / Math.max(1, n));
}

/**
 * The bits a weight of type `weight` needs for values within ±`reach`: the sign and the integer
 * steps of its grid the reach spans; the type's higher bits only repeat the sign. A memory of
 * constants keeps only these (C-synthesis and synthesis both drop bits constant over its words).
 */
export function significantBits(weight: Precision, reach: number): number {
  if (weight.kind !== 'fixed' && weight.kind !== 'int') return weight.width;
  const steps = Math.max(0, reach) * 2 ** fractionalBits(weight);
  return Math.max(1, Math.min(weight.width, Math.ceil(Math.log2(steps + 1)) + (weight.signed ? 1 : 0)));
}

/**
 * The share of a kernel's nonzero constant products that stay multiplications, for weights of
 * type `weight` spread over ±`scale`.
 */
export function constantMultiplicationShare(weight: Precision, scale: number): number {
  if (weight.kind !== 'fixed' && weight.kind !== 'int') return 0;
  const largest = 2 ** Math.max(0, weight.width - (weight.signed ? 1 : 0));
  const steps = scale * 2 ** fractionalBits(weight);
  return multiplicationShare(Math.min(largest, steps));
}
