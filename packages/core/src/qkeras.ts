import { HlsestError } from './errors.js';
import { fixed, DEFAULT_PRECISION, type Precision } from './precision.js';

/**
 * QKeras quantizers to the types hls4ml gives them. Weights follow `model/quantizers.py`
 * (`QKerasQuantizer`, `QKerasBinaryQuantizer`, `QKerasPO2Quantizer`, chosen by the converter's
 * `get_quantizer_from_config`); activations follow `utils/config.py`
 * `_get_precision_from_quantizer`. Checked against 114 kernels and 78 activations in
 * ../shared/hls4ml-data/hls4ml-projects/argykokk-mlp.
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

// QKeras' positional order: quantized_bits(bits, integer, symmetric, keep_negative, alpha…),
// quantized_relu(bits, integer, use_sigmoid, negative_slope…), quantized_tanh(bits, integer, symmetric…).
const POSITIONS: Readonly<Record<string, readonly string[]>> = {
  quantized_bits: ['bits', 'integer', 'symmetric', 'keep_negative', 'alpha'],
  quantized_relu: ['bits', 'integer', 'use_sigmoid', 'negative_slope'],
  quantized_tanh: ['bits', 'integer', 'symmetric'],
  quantized_sigmoid: ['bits', 'integer', 'symmetric'],
  quantized_po2: ['bits', 'max_value'],
  quantized_relu_po2: ['bits', 'max_value'],
};

function arg(spec: QuantizerSpec, key: string): number | boolean | string | null | undefined {
  const position = POSITIONS[spec.name]?.indexOf(key) ?? -1;
  if (position >= 0 && spec.args[position] !== undefined) return spec.args[position];
  return spec.kwargs[key];
}

function numberArg(spec: QuantizerSpec, key: string, fallback: number): number {
  const value = arg(spec, key);
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/**
 * The `alpha` hls4ml moves out of a quantizer into an ApplyAlpha node (`QKerasFactorizeAlpha`:
 * `QKerasQuantizer` and `QKerasBinaryQuantizer` carry one; none where it is 1 or unset).
 */
export function factoredAlphaOf(spec: QuantizerSpec): number | 'auto' | 'auto_po2' | undefined {
  if (spec.name === 'quantized_po2' || spec.name === 'quantized_relu_po2') return undefined;
  const alpha = arg(spec, 'alpha');
  if (alpha === 'auto' || alpha === 'auto_po2') return alpha;
  return typeof alpha === 'number' && Number.isFinite(alpha) && alpha !== 1 ? alpha : undefined;
}

/** Which weight tensor a quantizer belongs to: hls4ml makes only binary *kernels* 1-bit Xnor. */
export type WeightVariable = 'kernel' | 'bias' | 'recurrent' | 'other';

/** The type of weights quantized by `spec`, and a note when hls4ml falls back to its default. */
export function weightPrecisionOf(spec: QuantizerSpec, variable: WeightVariable = 'kernel'): { precision: Precision; note?: string } {
  const name = spec.name;
  if (name.includes('binary')) return { precision: variable === 'kernel' ? { kind: 'xnor', width: 1 } : { kind: 'int', signed: true, width: 2 } };
  if (name === 'quantized_po2') return { precision: { kind: 'exponent', width: numberArg(spec, 'bits', 8) } };
  if (name.includes('ternary')) return { precision: { kind: 'int', signed: true, width: 2 } };
  if (name === 'quantized_bits') {
    const bits = numberArg(spec, 'bits', 8);
    const integer = numberArg(spec, 'integer', 0);
    // keep_negative is ignored: hls4ml always gives quantized weights a signed type.
    if (bits === integer) return { precision: bits === 1 ? { kind: 'xnor', width: 1 } : { kind: 'int', signed: true, width: bits } };
    return { precision: fixed(bits, integer + 1) };
  }
  return { precision: DEFAULT_PRECISION, note: `hls4ml does not support the quantizer ${name} on weights and uses fixed<16,6>` };
}

const ACTIVATION_QUANTIZERS = ['quantized_bits', 'quantized_relu', 'quantized_tanh', 'quantized_sigmoid', 'quantized_po2', 'quantized_relu_po2', 'linear'];

/**
 * The result type of an activation quantized by `spec` (`_get_precision_from_quantizer`):
 * round-to-nearest and saturation for the quantized_* family; `signedLeakyRelu` is hls4ml ≥ 1.0.
 */
export function activationPrecisionOf(spec: QuantizerSpec, signedLeakyRelu = true): Precision {
  const name = spec.name;
  let bits: number;
  let integer: number;
  let signed = true;
  let saturation: 'SAT' | 'SAT_SYM' = 'SAT';
  let rounding: 'RND_CONV' | 'TRN' = 'RND_CONV';
  if (ACTIVATION_QUANTIZERS.includes(name)) {
    bits = numberArg(spec, 'bits', 8);
    // QKeras' constructors default `integer` to 0, so the config hls4ml reads always has it.
    integer = numberArg(spec, 'integer', 0) + 1;
    if (name === 'quantized_relu' || name === 'quantized_relu_po2') {
      const slope = numberArg(spec, 'negative_slope', 0);
      if (!(signedLeakyRelu && slope !== 0)) {
        signed = false;
        integer -= 1;
      }
    } else if (name === 'quantized_tanh') {
      saturation = arg(spec, 'symmetric') ? 'SAT_SYM' : 'SAT';
      integer = 1;
    } else if (name === 'quantized_sigmoid') {
      integer = 0;
      signed = false;
    }
  } else if (['binary', 'stochastic_binary', 'binary_tanh', 'ternary', 'stochastic_ternary', 'ternary_tanh'].includes(name)) {
    bits = 2;
    integer = 2;
    rounding = 'TRN';
  } else {
    throw new HlsestError('HLSEST_UNKNOWN_LAYER', `Unsupported quantizer: ${name} (hls4ml maps only ${[...ACTIVATION_QUANTIZERS, 'binary', 'ternary'].join(', ')})`, { quantizer: name });
  }
  if (bits - integer > 0) return fixed(bits, integer, signed, rounding, saturation);
  return { kind: 'int', signed, width: integer };
}

/**
 * What hls4ml's converter makes of a QActivation (`get_activation_quantizer` in
 * `converters/keras/qkeras.py`): the activation function it builds, or a refusal naming the
 * quantizer it does not support.
 */
export function qkerasActivationFunction(spec: QuantizerSpec): string {
  const supported = ['quantized_relu', 'quantized_tanh', 'binary_tanh', 'ternary_tanh', 'quantized_sigmoid', 'quantized_bits', 'binary', 'ternary'];
  const name = spec.name === 'stochastic_binary' ? 'binary' : spec.name === 'stochastic_ternary' ? 'ternary' : spec.name;
  if (!supported.includes(name)) throw new HlsestError('HLSEST_UNKNOWN_LAYER', `Unsupported QKeras activation: ${spec.name}`, { quantizer: spec.name });
  if (name === 'quantized_bits') return 'linear';
  if (name === 'binary' || name === 'binary_tanh') return 'binary_tanh';
  if (name === 'ternary' || name === 'ternary_tanh') return 'ternary_tanh';
  if (name === 'quantized_relu') return numberArg(spec, 'negative_slope', 0) !== 0 ? 'leaky_relu' : 'relu';
  // Unless asked for the real function, QKeras' tanh and sigmoid are the piecewise-linear "hard" ones.
  if (name === 'quantized_tanh') return arg(spec, 'use_real_tanh') ? 'tanh' : 'hard_tanh';
  return arg(spec, 'use_real_sigmoid') ? 'sigmoid' : 'hard_sigmoid';
}
