import type { DesignBuild } from './build-model/build-design.js';
import type { Target } from './targets.js';

const BRAM18K_BITS = 18 * 1024;

/**
 * The build model's own number for a target, before any learning: the "analytic" baseline.
 * Exact where the rules are (cycles, interval, DSP at ≥ 8-bit weights); a proxy that a linear
 * fit calibrates elsewhere (FF and LUT grow with the bits that multipliers and adders handle).
 */
export function ruleEstimate(target: Target, build: DesignBuild): number {
  const t = build.totals;
  switch (target) {
    case 'bram':
    case 'hls_bram':
      return t.weightBram18k + Math.ceil((t.fifoBits + t.lineBufferBits + t.tableBits) / BRAM18K_BITS);
    case 'dsp':
    case 'hls_dsp':
      return t.expectedDsp;
    case 'ff':
    case 'hls_ff':
      return t.multiplierOperandBits + t.maxReuseFactor;
    case 'lut':
    case 'hls_lut':
      return t.lutProductBits + t.multiplierOperandBits;
    case 'cycles':
      return build.cycles;
    case 'interval':
      return build.interval;
  }
}
