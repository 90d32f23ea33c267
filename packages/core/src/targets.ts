import type { DesignRecord } from './schema.js';

/**
 * What hlsest predicts, under stable names. Post-synthesis and HLS-estimate resources are
 * different targets (never mixed); BRAM is in 18 Kb blocks for both.
 */
export const TARGETS = ['bram', 'dsp', 'ff', 'lut', 'hls_bram', 'hls_dsp', 'hls_ff', 'hls_lut', 'impl_bram', 'impl_dsp', 'impl_ff', 'impl_lut', 'cycles', 'interval'] as const;
export type Target = (typeof TARGETS)[number];

/** The DSP counts, post-synthesis, HLS estimate and post-implementation. */
export const DSP_TARGETS: ReadonlySet<Target> = new Set(['dsp', 'hls_dsp', 'impl_dsp']);

/**
 * The numbers that follow where multiplications land: DSPs, the LUTs of those built from logic,
 * and the latency, since HLS chains LUT multipliers into fewer, longer cycles (ArgyKokk's LUT_
 * designs report 0–9 cycles fewer than their DSP_ twins, estimating 7.9 ns against 3.33 ns).
 */
export const MULTIPLIER_TARGETS: ReadonlySet<Target> = new Set([...DSP_TARGETS, 'lut', 'hls_lut', 'impl_lut', 'cycles']);

/**
 * What a target counts: a resource of one report kind, or the schedule's cycles or II (a resource
 * never pairs with the latency report, nor cycles with a resource report).
 */
export type TargetInfo = TargetDescription &
  ({ readonly kind: 'synth' | 'hls' | 'impl'; readonly quantity: ResourceQuantity } | { readonly kind: 'latency'; readonly quantity: 'cycles' | 'interval' });

interface TargetDescription {
  readonly label: string;
  readonly unit: string;
  /**
   * The learned correction may read the reuse factors hls4ml applies (the features' reuse
   * block). Never where hls4ml's rule is monotone in RF (multipliers, so DSPs; Resource cycles
   * and II): those estimates move with RF exactly as the rule does. FF and LUT read it (the flat
   * rows' FF error drifts with RF: 4.1 → 3.0 % held out); BRAM does not (its error jumps rather
   * than drifts: a linear RF term took the held-out flat BRAM from 28 to 31 %).
   */
  readonly readsReuse: boolean;
}

/** The resources a report counts, BRAM in 18 Kb blocks. */
export type ResourceQuantity = 'bram18k' | 'dsp' | 'ff' | 'lut';

export const TARGET_INFO: Readonly<Record<Target, TargetInfo>> = {
  bram: { label: 'BRAM (post-synthesis)', kind: 'synth', unit: '18K blocks', readsReuse: false, quantity: 'bram18k' },
  dsp: { label: 'DSP (post-synthesis)', kind: 'synth', unit: 'slices', readsReuse: false, quantity: 'dsp' },
  ff: { label: 'FF (post-synthesis)', kind: 'synth', unit: 'registers', readsReuse: true, quantity: 'ff' },
  lut: { label: 'LUT (post-synthesis)', kind: 'synth', unit: 'LUTs', readsReuse: true, quantity: 'lut' },
  hls_bram: { label: 'BRAM (HLS estimate)', kind: 'hls', unit: '18K blocks', readsReuse: false, quantity: 'bram18k' },
  hls_dsp: { label: 'DSP (HLS estimate)', kind: 'hls', unit: 'slices', readsReuse: false, quantity: 'dsp' },
  hls_ff: { label: 'FF (HLS estimate)', kind: 'hls', unit: 'registers', readsReuse: true, quantity: 'ff' },
  hls_lut: { label: 'LUT (HLS estimate)', kind: 'hls', unit: 'LUTs', readsReuse: true, quantity: 'lut' },
  impl_bram: { label: 'BRAM (post-implementation, block design)', kind: 'impl', unit: '18K blocks', readsReuse: false, quantity: 'bram18k' },
  impl_dsp: { label: 'DSP (post-implementation, block design)', kind: 'impl', unit: 'slices', readsReuse: false, quantity: 'dsp' },
  impl_ff: { label: 'FF (post-implementation, block design)', kind: 'impl', unit: 'registers', readsReuse: true, quantity: 'ff' },
  impl_lut: { label: 'LUT (post-implementation, block design)', kind: 'impl', unit: 'LUTs', readsReuse: true, quantity: 'lut' },
  cycles: { label: 'latency (worst case)', kind: 'latency', unit: 'cycles', readsReuse: false, quantity: 'cycles' },
  interval: { label: 'initiation interval (worst case)', kind: 'latency', unit: 'cycles', readsReuse: false, quantity: 'interval' },
};

/** The record's value for a target, or undefined when synthesis did not report it. */
export function targetValue(record: DesignRecord, target: Target): number | undefined {
  const info = TARGET_INFO[target];
  const value = info.kind === 'latency' ? record.results.latency?.[info.quantity === 'cycles' ? 'cyclesMax' : 'intervalMax'] : record.results[info.kind]?.[info.quantity];
  return typeof value === 'number' ? value : undefined;
}
