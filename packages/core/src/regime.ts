import type { DesignBuild } from './build-model/build-design.js';
import { layerFamily } from './layers.js';
import type { HlsConfig } from './schema.js';

/**
 * The regime a design's build falls in: the tool generation, the strategies and IO type its
 * weight layers are built with, where their products land, the layer families, and whether it
 * has activations of its own. Where hls4ml's rules reproduce every training design of a regime
 * exactly (cycles of Resource dense designs on Vitis 2023, DSPs of ≥ 8-bit Resource products),
 * a bundle returns the rule there, unchanged. Independent of the reuse factor's value.
 */
export function regimeOf(build: DesignBuild, config: HlsConfig): string {
  const strategies = new Set<string>();
  const products = new Set<string>();
  const families = new Set<string>();
  let activations = false;
  for (const b of build.layers) {
    if (b.kind === 'activation' && (b.cycles > 0 || b.hls.lut > 0)) activations = true;
    if (!b.mult) continue;
    strategies.add(b.strategy);
    families.add(layerFamily(b.kind));
    products.add(b.product === 'dsp' ? (b.weightWidth >= 8 && b.inputWidth >= 8 ? 'dsp' : 'dsp-narrow') : b.product === 'lut' ? (Math.min(b.weightWidth, b.inputWidth) <= 4 ? 'lut4' : 'lut') : 'free');
  }
  const sorted = (s: Set<string>) => [...s].sort().join('+') || 'none';
  return [build.versions.tool, sorted(strategies), config.ioType, sorted(products), sorted(families), activations ? 'act' : 'noact'].join('|');
}

/**
 * Whether the DSP count rests on constant-weight products, whose share on DSPs follows the trained
 * values (Latency kernels, and Resource ones at RF 1): the rule's count is a median, not a fact.
 */
export function dspFollowsWeights(build: DesignBuild): boolean {
  return build.layers.some((b) => b.mult !== undefined && b.product === 'dsp' && b.dspConfidence === 'uncertain' && b.expectedDsp > 0);
}

/** Whether every multiplication by a weight is free of multipliers or narrow enough for LUTs (≤ 4 bits): no DSP for them. */
export function weightProductsUseNoDsp(build: DesignBuild): boolean {
  return build.layers.every((b) => !b.mult || b.product === 'sign' || b.product === 'xnor' || b.product === 'shift' || (b.product === 'lut' && Math.min(b.weightWidth, b.inputWidth) <= 4));
}
