import type { Device } from '../boards.js';
import { BoundedCache } from '../bounded-cache.js';
import type { Precision } from '../precision.js';

export type ProductKind = 'dsp' | 'lut' | 'shift' | 'xnor' | 'sign';

/** How much to trust a rule's number: `exact` where the data matched it without exception. */
export type Confidence = 'exact' | 'likely' | 'uncertain';

export interface ProductEstimate {
  readonly kind: ProductKind;
  readonly dspPerMultiplier: number;
  readonly confidence: Confidence;
  readonly reason: string;
}

/**
 * Where a weight × input product lands. hls4ml emits a plain `a*w` (nnet_mult.h), except for
 * binary, ternary and power-of-two weights (multiplier-free, FB `product_type`); for plain
 * products the HLS tool chooses DSP or LUTs. On the wa-hls4ml data (16-bit inputs) weights of
 * 2–4 bits never used a DSP, 6 bits rarely (10.6 %), 8 bits and more always one per multiplier.
 */
export function estimateProduct(weight: Precision, input: Precision, device: Device | undefined): ProductEstimate {
  // Every weight layer of every swept configuration asks: answers are frozen and shared, under a
  // numeric key (no string to build per call) where the widths fit one.
  if (weight.width >= WIDTH_LIMIT || input.width >= WIDTH_LIMIT) return estimate(weight, input, device);
  const signedInt = weight.kind === 'int' && weight.signed ? 1 : 0;
  const key = ((((KIND_CODES[weight.kind] * 2 + signedInt) * WIDTH_LIMIT + weight.width) * 4 + KIND_CODES[input.kind]) * WIDTH_LIMIT + input.width) * 3 + DSP_CODES[device?.dspKind ?? 'none'];
  return estimates.get(key, () => Object.freeze(estimate(weight, input, device)));
}

const WIDTH_LIMIT = 1024;
const KIND_CODES: Readonly<Record<Precision['kind'], number>> = { fixed: 0, int: 1, xnor: 2, exponent: 3 };
const DSP_CODES: Readonly<Record<Device['dspKind'] | 'none', number>> = { DSP48E1: 0, DSP48E2: 1, none: 2 };
const estimates = new BoundedCache<number, ProductEstimate>(4096);

function estimate(weight: Precision, input: Precision, device: Device | undefined): ProductEstimate {
  if (weight.kind === 'xnor' && input.kind === 'xnor') return free('xnor', 'binary weights and data: XNOR-popcount');
  if (weight.kind === 'xnor') return free('sign', 'binary weights: ±input, no multiplier');
  if (weight.kind === 'int' && weight.signed && weight.width === 2) return free('sign', 'ternary weights: 0/±input, no multiplier');
  if (weight.kind === 'exponent') return free('shift', 'power-of-two weights: a shift');
  if (input.kind === 'xnor') return free('sign', 'binary data: ±weight, no multiplier');

  const narrow = Math.min(weight.width, input.width);
  const wide = Math.max(weight.width, input.width);
  if (narrow <= 4) return { kind: 'lut', dspPerMultiplier: 0, confidence: 'likely', reason: `${narrow}-bit operand: LUT multiplier` };
  if (narrow < 8) {
    return { kind: 'lut', dspPerMultiplier: 0, confidence: 'uncertain', reason: `${narrow}-bit operand: usually LUTs, sometimes one DSP` };
  }
  // DSP48E1 multiplies 25×18, DSP48E2 27×18; when both operands overflow the ports the slices
  // cascade. One that fits the 18-bit port keeps one slice whatever the other's width: the csynth
  // reports of hls4ml 1.1.0 designs (Vitis HLS 2024.2, wa-hls4ml records) bind 16-bit weights ×
  // 38–61-bit inputs (hls4ml's inferred sums) to exactly one DSP per multiplier, the rest in fabric.
  const portA = device?.dspKind === 'DSP48E1' ? 25 : 27;
  const dspPerMultiplier = narrow <= 18 ? 1 : Math.ceil(wide / portA) * Math.ceil(narrow / 18);
  return { kind: 'dsp', dspPerMultiplier, confidence: dspPerMultiplier === 1 ? 'exact' : 'likely', reason: `${weight.width}×${input.width}-bit product` };
}

function free(kind: ProductKind, reason: string): ProductEstimate {
  return { kind, dspPerMultiplier: 0, confidence: 'exact', reason };
}

/**
 * An 18 Kb BRAM holds 16K×1, 8K×2, 4K×4, 2K×9, 1K×18 or 512×36 bits. Blocks for a ROM of
 * `depth` words of `wordBits` bits, as the aspect ratios allow.
 */
export function bram18kForRom(wordBits: number, depth: number): number {
  if (wordBits <= 0 || depth <= 0) return 0;
  let best = Infinity;
  for (const [words, width] of BRAM18K_SHAPES) best = Math.min(best, Math.ceil(depth / words) * Math.ceil(wordBits / width));
  return best;
}

/** Words × bits of each 18 Kb BRAM aspect ratio. */
const BRAM18K_SHAPES: readonly (readonly [number, number])[] = [
  [512, 36],
  [1024, 18],
  [2048, 9],
  [4096, 4],
  [8192, 2],
  [16384, 1],
];
