import { fixed, type Precision } from './precision.js';

/**
 * QKeras quantizers to the precisions hls4ml gives them (hls4ml `model/quantizers.py` and
 * `utils/config.py` `_get_precision_from_quantizer`, checked against 114 kernels and 78
 * activations in ../shared/hls4ml-data/hls4ml-projects/argykokk-mlp).
 */
export interface QuantizerSpec {
  readonly name: string;
  readonly args: readonly number[];
  readonly kwargs: Readonly<Record<string, number | boolean | string | null>>;
}

/** A quantizer as Keras JSON stores it: a string (`quantized_bits(8,0,alpha=1)`) or `{class_name, config}`. */
export function readQuantizer(value: unknown): QuantizerSpec | undefined {
  if (typeof value === 'string') return parseQuantizerString(value);
  if (value && typeof value === 'object' && 'class_name' in value) {
    const { class_name: name, config } = value as { class_name: unknown; config?: Record<string, unknown> };
    if (typeof name !== 'string') return undefined;
    const kwargs: Record<string, number | boolean | string | null> = {};
    for (const [key, raw] of Object.entries(config ?? {})) {
      if (raw === null || typeof raw === 'number' || typeof raw === 'boolean' || typeof raw === 'string') kwargs[key] = raw;
    }
    return { name, args: [], kwargs };
  }
  return undefined;
}

export function parseQuantizerString(text: string): QuantizerSpec | undefined {
  const match = /^\s*([A-Za-z_][\w]*)\s*(?:\((.*)\))?\s*$/.exec(text);
  if (!match) return undefined;
  const args: number[] = [];
  const kwargs: Record<string, number | boolean | string | null> = {};
  for (const part of (match[2] ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = part.indexOf('=');
    if (eq < 0) {
      const n = Number(part);
      if (Number.isFinite(n)) args.push(n);
      continue;
    }
    const key = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim();
    kwargs[key] = raw === 'True' ? true : raw === 'False' ? false : raw === 'None' ? null : Number.isFinite(Number(raw)) ? Number(raw) : raw.replace(/^['"]|['"]$/g, '');
  }
  return { name: match[1]!, args, kwargs };
}

function numberArg(spec: QuantizerSpec, position: number, key: string, fallback: number): number {
  const positional = spec.args[position];
  if (positional !== undefined) return positional;
  const named = spec.kwargs[key];
  return typeof named === 'number' ? named : fallback;
}

/** Precision of weights or biases quantized by `spec`. */
export function weightPrecisionOf(spec: QuantizerSpec): Precision | undefined {
  const name = spec.name;
  if (name === 'quantized_po2' || name === 'quantized_relu_po2') return { kind: 'exponent', width: numberArg(spec, 0, 'bits', 8) };
  if (name.includes('ternary')) return { kind: 'int', signed: true, width: 2 };
  if (name.includes('binary')) return { kind: 'xnor', width: 1 };
  if (name !== 'quantized_bits') return undefined;
  const bits = numberArg(spec, 0, 'bits', 8);
  const integer = numberArg(spec, 1, 'integer', 0);
  if (bits === integer) return bits === 1 ? { kind: 'xnor', width: 1 } : { kind: 'int', signed: true, width: bits };
  const keepNegative = spec.kwargs['keep_negative'];
  return keepNegative === false || keepNegative === 0 ? fixed(bits, integer, false) : fixed(bits, integer + 1);
}

/** Precision of an activation's output under a QKeras activation quantizer. */
export function activationPrecisionOf(spec: QuantizerSpec): Precision | undefined {
  const bits = numberArg(spec, 0, 'bits', 8);
  switch (spec.name) {
    case 'quantized_relu': {
      const integer = numberArg(spec, 1, 'integer', 0);
      const slope = spec.kwargs['negative_slope'];
      const leaky = typeof slope === 'number' && slope !== 0;
      return leaky ? fixed(bits, integer + 1, true, 'RND_CONV', 'SAT') : fixed(bits, integer, false, 'RND_CONV', 'SAT');
    }
    case 'quantized_tanh':
      return fixed(bits, 1, true, 'RND_CONV', 'SAT');
    case 'quantized_sigmoid':
      return fixed(bits, 0, false, 'RND_CONV', 'SAT');
    default:
      return weightPrecisionOf(spec);
  }
}
