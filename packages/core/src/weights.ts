import { HlsestError } from './errors.js';
import { fractionalBits, type Precision } from './precision.js';
import type { Layer, WeightStats } from './schema.js';
import { hasWeights } from './layers.js';
import { SHIFT_ADD_DIGITS, signedDigits } from './build-model/constant-products.js';

/**
 * What a layer's trained kernel means for the hardware once hls4ml has cast it to its weight
 * type: how many weights are zero (their products vanish in Latency kernels, PR #23/#797) and
 * how many are ± a power of two (a shift, not a multiplier). `precision` is the weight type;
 * without one, only exact zeros count.
 */
export function weightStatsOf(values: ArrayLike<number>, precision?: Precision): WeightStats {
  const step = precision && precision.kind === 'fixed' ? 2 ** -fractionalBits(precision) : precision?.kind === 'int' ? 1 : 0;
  let zeros = 0;
  let powersOfTwo = 0;
  let multiplications = 0;
  let largest = 0;
  for (let i = 0; i < values.length; i++) {
    const raw = values[i]!;
    const v = step > 0 ? Math.round(raw / step) * step : raw;
    if (Number.isFinite(v)) largest = Math.max(largest, Math.abs(v));
    if (v === 0) zeros++;
    else if (Number.isFinite(v)) {
      const exponent = Math.log2(Math.abs(v));
      if (Math.abs(exponent - Math.round(exponent)) < 1e-9) powersOfTwo++;
      // On the type's grid a weight is an integer number of steps; signed digits are counted there.
      if (step > 0 && signedDigits(Math.round(Math.abs(v) / step)) > SHIFT_ADD_DIGITS) multiplications++;
    }
  }
  return { count: values.length, zeros, powersOfTwo, largest, ...(step > 0 && { multiplications }) };
}

/** Layers with their weight statistics attached by name (from a Keras `.h5`). */
export function withWeightStats(layers: readonly Layer[], stats: ReadonlyMap<string, WeightStats>): Layer[] {
  return layers.map((layer) => {
    const s = stats.get(layer.name);
    return s ? { ...layer, weights: s } : layer;
  });
}

/**
 * Planned sparsity, for a model not trained yet: a share of every weight layer's kernel (or of
 * the named layers') set to zero. Layers whose weights are known keep them.
 */
export function withSparsity(layers: readonly Layer[], sparsity: number | Readonly<Record<string, number>>): Layer[] {
  const shareOf = (name: string): number | undefined => (typeof sparsity === 'number' ? sparsity : sparsity[name]);
  for (const share of typeof sparsity === 'number' ? [sparsity] : Object.values(sparsity)) {
    if (!(share >= 0 && share <= 1)) throw new HlsestError('HLSEST_BAD_CONFIG', `sparsity must be between 0 and 1, got ${share}`, { sparsity: share });
  }
  if (typeof sparsity !== 'number') {
    const names = new Set(layers.map((l) => l.name));
    const unknown = Object.keys(sparsity).filter((n) => !names.has(n));
    if (unknown.length) throw new HlsestError('HLSEST_BAD_CONFIG', `sparsity names layers the model does not have: ${unknown.join(', ')}`, { layers: unknown });
  }
  return layers.map((layer) => {
    const share = shareOf(layer.name);
    if (share === undefined || !hasWeights(layer.kind) || layer.weights) return layer;
    const count = kernelCount(layer);
    return { ...layer, weights: { count, zeros: Math.round(share * count) } };
  });
}

/** Kernel weights of a weight layer: its parameters without the biases. */
export function kernelCount(layer: Layer): number {
  const biases = layer.useBias === false ? 0 : (layer.filters ?? layer.units ?? layer.outputShape[layer.outputShape.length - 1] ?? 0) * (layer.kind === 'recurrent' ? 0 : 1);
  return Math.max(0, layer.params - biases);
}
