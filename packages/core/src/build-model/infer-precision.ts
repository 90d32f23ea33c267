import { kerasClassInfo } from '../layer-kinds/index.js';
import { fixed, fractionalBits, integerBits, isSigned, type FixedPrecision, type Precision } from '../precision.js';
import type { AutoPrecisionVariable, Layer } from '../schema.js';

/** The types hls4ml infers for a node whose config left them `auto`. */
export interface InferredTypes {
  readonly result?: Precision;
  readonly accum?: Precision;
}

/**
 * hls4ml's `InferPrecisionTypes` pass (`model/optimizer/passes/infer_precision.py`, unchanged in
 * what it computes from v1.0.0 to v1.3.0): the `auto` result and accumulator types of a node from
 * its inputs' types, its weights' types and the number of products each output sums, so that no
 * sum overflows. The pass runs after the graph passes (`convert` flow), so `inputs` are the result
 * types of the node's producers in the optimized graph. Classes the pass does not list, and
 * operands that are not fixed-point or integer, take the model's default precision
 * (`_infer_default_type`). A `maximum` model precision (`config_from_keras_model(max_precision=…)`)
 * is not read: hlsest's configs do not carry it.
 */
export function inferAutoTypes(layer: Layer, inputs: readonly Precision[], defaultPrecision: Precision): InferredTypes {
  const auto = layer.autoPrecision;
  if (!auto?.length) return {};
  const input = inputs[0] ?? defaultPrecision;
  const both = (type: Precision | undefined): InferredTypes => pick(auto, type ?? defaultPrecision, type ?? defaultPrecision);
  const weight = layer.precision?.weight ?? defaultPrecision;
  const bias = layer.precision?.bias ?? defaultPrecision;
  const channels = layer.inputShape[layer.inputShape.length - 1] ?? 1;
  const window = (layer.kernelSize ?? [1]).reduce((a, b) => a * b, 1);
  switch (layer.kind) {
    case 'dense':
      // `_infer_dense_precision`: n_ops = n_in, the kernel's first dimension.
      return both(sumOfProducts(input, weight, bias, channels));
    case 'conv1d':
    case 'conv2d':
      // `_infer_conv_precision`: n_chan × filt_height × filt_width.
      return both(sumOfProducts(input, weight, bias, channels * window));
    case 'depthwise_conv1d':
    case 'depthwise_conv2d':
      return both(sumOfProducts(input, weight, bias, window));
    case 'separable_conv1d':
    case 'separable_conv2d':
      // Before v1.0 hls4ml kept the layer whole, and its configs had no `auto`; inferred as its pointwise half.
      return both(sumOfProducts(input, weight, bias, channels));
    case 'batchnorm':
      // `_infer_bn_precision`: the result only; scale and bias types are the layer's own or the default.
      return pick(auto, scaledAndShifted(input, weight, bias), undefined);
    case 'pooling1d':
    case 'pooling2d': {
      // `_infer_pooling_precision`: max keeps the input type; average widens by log2 of the window
      // twice (sum, then the division). The result matches the input.
      const op = kerasClassInfo(layer.className)?.op;
      const size = (layer.poolSize ?? layer.kernelSize ?? [2]).reduce((a, b) => a * b, 1);
      return pick(auto, input, op === 'average' ? averaged(input, size) : input);
    }
    case 'flatten':
    case 'reshape':
    case 'zeropadding':
    case 'upsampling':
    case 'clone':
      // `_infer_output_matching_precision` (Reshape, Transpose, ZeroPadding, Resize); a Clone's copies are its input's type.
      return pick(auto, input, undefined);
    case 'merge':
      return pick(auto, merged(layer, inputs, defaultPrecision), undefined);
    case 'input':
    case 'activation':
    case 'global_pooling1d':
    case 'global_pooling2d':
    case 'recurrent':
    case 'embedding':
    case 'cropping':
    case 'dropout':
    case 'other':
      // Not listed by the pass (or, for recurrent and embedding layers, only their weights are):
      // whatever is left `auto` becomes the default precision.
      return pick(auto, defaultPrecision, defaultPrecision);
  }
}

function pick(auto: readonly AutoPrecisionVariable[], result: Precision | undefined, accum: Precision | undefined): InferredTypes {
  return {
    ...(auto.includes('result') && result && { result }),
    ...(auto.includes('accum') && accum && { accum }),
  };
}

/** Fixed-point and integer types are the ones the pass reasons about (`_all_supported_types`). */
function supported(...types: readonly Precision[]): boolean {
  return types.every((t) => t.kind === 'fixed' || t.kind === 'int');
}

/** A fixed-point type by its integer and fractional bits, before hls4ml makes it a `FixedPrecisionType`. */
interface Bits {
  readonly integer: number;
  readonly fraction: number;
  readonly signed: boolean;
}

const bitsOf = (p: Precision): Bits => ({ integer: integerBits(p), fraction: fractionalBits(p), signed: isSigned(p) });

/**
 * The sum of two values that never overflows, as every rule of the pass writes it: one more
 * integer bit than the wider side (a sign bit for an unsigned side when the other is signed),
 * and the finer fraction.
 */
function sumOf(a: Bits, b: Bits): FixedPrecision {
  const integer = Math.max(a.integer + Number(b.signed && !a.signed), b.integer + Number(a.signed && !b.signed)) + 1;
  return fixed(integer + Math.max(a.fraction, b.fraction), integer, a.signed || b.signed);
}

/** The exact product of two values, its integer part grown by `growth` bits for a sum of 2^growth of them. */
function productOf(a: Precision, b: Precision, growth = 0): Bits {
  return { integer: integerBits(a) + integerBits(b) + growth, fraction: fractionalBits(a) + fractionalBits(b), signed: isSigned(a) || isSigned(b) };
}

/** `_infer_common_precision`: Σ of n products of input × weight, plus the bias; never overflows. */
function sumOfProducts(input: Precision, weight: Precision, bias: Precision, products: number): Precision | undefined {
  if (!supported(input, weight, bias)) return undefined;
  // A zero bias still counts: `infer_no_bias` is off unless a user switches it on.
  return sumOf(productOf(input, weight, Math.ceil(Math.log2(Math.max(1, products)))), bitsOf(bias));
}

/** `_infer_bn_precision`: input × scale + bias. */
function scaledAndShifted(input: Precision, scale: Precision, bias: Precision): Precision | undefined {
  if (!supported(input, scale, bias)) return undefined;
  return sumOf(productOf(input, scale), bitsOf(bias));
}

function averaged(input: Precision, size: number): Precision {
  if (!supported(input)) return input;
  const extra = Math.ceil(Math.log2(Math.max(1, size)));
  return fixed(input.width + 2 * extra, integerBits(input) + extra, isSigned(input));
}

/** `_infer_merge_precision`, `_infer_cat_precision`, `_infer_dot_precision`. */
function merged(layer: Layer, inputs: readonly Precision[], defaultPrecision: Precision): Precision {
  const [a, b] = inputs;
  if (!a || !b) return defaultPrecision;
  const op = kerasClassInfo(layer.className)?.op ?? 'add';
  if (!supported(a, b)) return op === 'concatenate' || op === 'maximum' || op === 'minimum' ? (sameType(a, b) ? a : defaultPrecision) : defaultPrecision;
  const signed = isSigned(a) || isSigned(b);
  switch (op) {
    case 'add':
    case 'average':
      return sumOf(bitsOf(a), bitsOf(b));
    case 'subtract':
      // Signed whatever the inputs, with the sum's bits (the pass widens nothing for it).
      return { ...sumOf(bitsOf(a), bitsOf(b)), signed: true };
    case 'multiply':
      return fixed(a.width + b.width, integerBits(a) + integerBits(b), signed);
    case 'dot': {
      // n_in: the first input's first dimension, as the pass reads it.
      const growth = Math.ceil(Math.log2(Math.max(1, layer.inputShape[0] ?? 1)));
      return fixed(a.width + b.width + growth, integerBits(a) + integerBits(b) + growth, signed);
    }
    case 'maximum':
    case 'minimum':
    case 'concatenate': {
      if (sameType(a, b)) return a;
      const ia = integerBits(a) + Number(signed && !isSigned(a));
      const ib = integerBits(b) + Number(signed && !isSigned(b));
      const integer = Math.max(ia, ib);
      return fixed(Math.max(fractionalBits(a), fractionalBits(b)) + integer, integer, signed);
    }
    default:
      return defaultPrecision;
  }
}

function sameType(a: Precision, b: Precision): boolean {
  return a.kind === b.kind && a.width === b.width && integerBits(a) === integerBits(b) && isSigned(a) === isSigned(b);
}
