import type { KernelInit } from '../schema.js';

// Keras's named variance-scaling initializers (keras `initializers`: GlorotUniform is
// VarianceScaling(1, 'fan_avg'), LeCun (1, 'fan_in'), He (2, 'fan_in'); uniform and normal alike).
const VARIANCE_SCALING: Readonly<Record<string, Extract<KernelInit, { kind: 'variance' }>>> = {
  glorotuniform: { kind: 'variance', scale: 1, mode: 'fan_avg' },
  glorotnormal: { kind: 'variance', scale: 1, mode: 'fan_avg' },
  lecununiform: { kind: 'variance', scale: 1, mode: 'fan_in' },
  lecunnormal: { kind: 'variance', scale: 1, mode: 'fan_in' },
  heuniform: { kind: 'variance', scale: 2, mode: 'fan_in' },
  henormal: { kind: 'variance', scale: 2, mode: 'fan_in' },
};

const MODES = new Set(['fan_in', 'fan_out', 'fan_avg']);

const numberOr = (value: unknown, fallback: number): number => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);

/**
 * A layer's kernel initializer as Keras 2 or 3 serializes it (`"glorot_uniform"` or
 * `{class_name, config}`), reduced to the spread it draws from; undefined for initializers whose
 * spread hlsest does not model (Orthogonal, Identity, custom ones): the default is assumed.
 */
export function kernelInitOf(raw: unknown): KernelInit | undefined {
  const className = typeof raw === 'string' ? raw : raw && typeof raw === 'object' && 'class_name' in raw ? String(raw.class_name) : undefined;
  if (!className) return undefined;
  const config: Record<string, unknown> = raw && typeof raw === 'object' && 'config' in raw && raw.config && typeof raw.config === 'object' ? (raw.config as Record<string, unknown>) : {};
  const key = className.replace(/_/g, '').toLowerCase();
  if (VARIANCE_SCALING[key]) return VARIANCE_SCALING[key];
  switch (key) {
    case 'variancescaling': {
      const mode = typeof config.mode === 'string' && MODES.has(config.mode) ? (config.mode as 'fan_in' | 'fan_out' | 'fan_avg') : 'fan_in';
      const scale = numberOr(config.scale, 1);
      return scale > 0 ? { kind: 'variance', scale, mode } : undefined;
    }
    // Defaults are Keras's own (RandomUniform ±0.05, RandomNormal/TruncatedNormal σ 0.05).
    case 'randomuniform':
    case 'uniform':
      return { kind: 'limit', limit: Math.max(Math.abs(numberOr(config.minval, -0.05)), Math.abs(numberOr(config.maxval, 0.05))) };
    case 'randomnormal':
    case 'normal':
    case 'truncatednormal':
      return { kind: 'limit', limit: Math.abs(numberOr(config.mean, 0)) + Math.sqrt(3) * Math.abs(numberOr(config.stddev, 0.05)) };
    case 'zeros':
      return { kind: 'limit', limit: 0 };
    case 'ones':
      return { kind: 'limit', limit: 1 };
    case 'constant':
      return { kind: 'limit', limit: Math.abs(numberOr(config.value, 0)) };
    default:
      return undefined;
  }
}
