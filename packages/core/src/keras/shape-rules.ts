import { HlsestError } from '../errors.js';
import type { LayerKind } from '../layers.js';
import type { KerasLayerConfig } from './keras-format.js';

/** What shape inference knows of one layer: its output and trainable parameter count. */
export interface InferredShape {
  readonly outputShape: number[];
  readonly params: number;
  readonly kernelSize?: number[];
  readonly strides?: number[];
  readonly poolSize?: number[];
}

export interface ShapeContext {
  readonly layerName: string;
  readonly className: string;
  readonly kind: LayerKind;
  readonly op: string | undefined;
  readonly config: KerasLayerConfig;
  readonly inputs: readonly (readonly number[])[];
}

export function inferShape(ctx: ShapeContext): InferredShape {
  const input = ctx.inputs[0];
  if (!input) throw mismatch(ctx, 'has no input');
  const useBias = ctx.config.use_bias !== false;
  switch (ctx.kind) {
    case 'input':
    case 'dropout':
      return { outputShape: [...input], params: 0 };
    case 'activation': {
      const channels = last(input);
      const prelu = ctx.className === 'PReLU' ? channels : 0;
      return { outputShape: [...input], params: prelu };
    }
    case 'batchnorm': {
      const channels = last(input);
      const perChannel = 2 + (ctx.config.center === false ? 0 : 1) + (ctx.config.scale === false ? 0 : 1);
      return { outputShape: [...input], params: perChannel * channels };
    }
    case 'dense': {
      const units = positive(ctx, 'units', ctx.config.units);
      const nIn = last(input);
      return { outputShape: [...input.slice(0, -1), units], params: nIn * units + (useBias ? units : 0) };
    }
    case 'conv1d':
    case 'conv2d':
    case 'depthwise_conv1d':
    case 'depthwise_conv2d':
    case 'separable_conv1d':
    case 'separable_conv2d':
      return convolution(ctx, input, useBias);
    case 'pooling1d':
    case 'pooling2d':
      return pooling(ctx, input);
    case 'global_pooling1d':
    case 'global_pooling2d':
      return { outputShape: [last(input)], params: 0 };
    case 'flatten':
      return { outputShape: [product(input)], params: 0 };
    case 'reshape':
      return reshape(ctx, input);
    case 'merge':
      return merge(ctx);
    case 'recurrent':
      return recurrent(ctx, input);
    case 'upsampling': {
      const spatial = input.length - 1;
      const size = tuple(ctx.config.size, spatial, 2);
      return { outputShape: [...input.slice(0, -1).map((d, i) => d * size[i]!), last(input)], params: 0 };
    }
    case 'zeropadding': {
      const spatial = input.length - 1;
      const pads = paddingAmounts(ctx.config.padding, spatial);
      return { outputShape: [...input.slice(0, -1).map((d, i) => d + pads[i]!), last(input)], params: 0 };
    }
    case 'other':
      throw new HlsestError('HLSEST_UNKNOWN_LAYER', `Layer "${ctx.layerName}" has class ${ctx.className}, which hlsest cannot size`, {
        layer: ctx.layerName,
        className: ctx.className,
      });
  }
}

function convolution(ctx: ShapeContext, input: readonly number[], useBias: boolean): InferredShape {
  const spatialRank = ctx.kind.endsWith('1d') ? 1 : 2;
  if (input.length !== spatialRank + 1) {
    throw mismatch(ctx, `expects a ${spatialRank + 1}-d input (channels last), got [${input.join(', ')}]`);
  }
  if (ctx.config.data_format === 'channels_first') throw mismatch(ctx, 'uses channels_first, which hls4ml does not support for Keras');
  const channels = last(input);
  const kernel = tuple(ctx.config.kernel_size, spatialRank, undefined, ctx, 'kernel_size');
  const strides = tuple(ctx.config.strides, spatialRank, 1);
  const dilation = tuple(ctx.config.dilation_rate, spatialRank, 1);
  const padding = paddingMode(ctx.config.padding);
  const spatial = input.slice(0, spatialRank).map((size, axis) => {
    const span = (kernel[axis]! - 1) * dilation[axis]! + 1;
    const out = padding === 'valid' ? Math.floor((size - span) / strides[axis]!) + 1 : Math.ceil(size / strides[axis]!);
    if (out < 1) throw mismatch(ctx, `kernel ${kernel.join('×')} does not fit input [${input.join(', ')}] with padding "${padding}"`);
    return out;
  });
  const window = product(kernel);
  const multiplier = ctx.config.depth_multiplier ?? 1;
  let outChannels: number;
  let params: number;
  if (ctx.kind.startsWith('depthwise')) {
    outChannels = channels * multiplier;
    params = window * channels * multiplier + (useBias ? outChannels : 0);
  } else if (ctx.kind.startsWith('separable')) {
    outChannels = positive(ctx, 'filters', ctx.config.filters);
    params = window * channels * multiplier + channels * multiplier * outChannels + (useBias ? outChannels : 0);
  } else {
    outChannels = positive(ctx, 'filters', ctx.config.filters);
    params = window * channels * outChannels + (useBias ? outChannels : 0);
  }
  return { outputShape: [...spatial, outChannels], params, kernelSize: kernel, strides };
}

function pooling(ctx: ShapeContext, input: readonly number[]): InferredShape {
  const spatialRank = ctx.kind === 'pooling1d' ? 1 : 2;
  if (input.length !== spatialRank + 1) throw mismatch(ctx, `expects a ${spatialRank + 1}-d input, got [${input.join(', ')}]`);
  const pool = tuple(ctx.config.pool_size, spatialRank, 2);
  const strides = ctx.config.strides == null ? pool : tuple(ctx.config.strides, spatialRank, 1);
  const padding = paddingMode(ctx.config.padding);
  const spatial = input.slice(0, spatialRank).map((size, axis) => {
    const out = padding === 'valid' ? Math.floor((size - pool[axis]!) / strides[axis]!) + 1 : Math.ceil(size / strides[axis]!);
    if (out < 1) throw mismatch(ctx, `pool ${pool.join('×')} does not fit input [${input.join(', ')}]`);
    return out;
  });
  return { outputShape: [...spatial, last(input)], params: 0, poolSize: pool, strides };
}

function reshape(ctx: ShapeContext, input: readonly number[]): InferredShape {
  const total = product(input);
  if (ctx.className === 'Permute') {
    const dims = ctx.config.dims ?? [];
    return { outputShape: dims.map((d) => input[d - 1] ?? 0), params: 0 };
  }
  const target = [...(ctx.config.target_shape ?? [])];
  const unknown = target.indexOf(-1);
  if (unknown >= 0) {
    const known = product(target.filter((d) => d !== -1));
    target[unknown] = known === 0 ? 0 : total / known;
  }
  if (product(target) !== total || target.some((d) => !Number.isInteger(d) || d < 1)) {
    throw mismatch(ctx, `cannot reshape [${input.join(', ')}] (${total} values) to [${(ctx.config.target_shape ?? []).join(', ')}]`);
  }
  return { outputShape: target, params: 0 };
}

function merge(ctx: ShapeContext): InferredShape {
  const [first, ...rest] = ctx.inputs;
  if (!first || rest.length === 0) throw mismatch(ctx, 'a merge layer needs at least two inputs');
  if (ctx.op === 'concatenate') {
    const rawAxis = typeof ctx.config.axis === 'number' ? ctx.config.axis : -1;
    const axis = rawAxis < 0 ? first.length + rawAxis : rawAxis - 1;
    const out = [...first];
    for (const other of rest) {
      if (other.length !== first.length || other.some((d, i) => i !== axis && d !== first[i])) {
        throw mismatch(ctx, `cannot concatenate [${first.join(', ')}] and [${other.join(', ')}] on axis ${rawAxis}`);
      }
      out[axis] = out[axis]! + other[axis]!;
    }
    return { outputShape: out, params: 0 };
  }
  if (ctx.op === 'dot') return { outputShape: [1], params: 0 };
  for (const other of rest) {
    if (other.length !== first.length || other.some((d, i) => d !== first[i])) {
      throw mismatch(ctx, `inputs [${first.join(', ')}] and [${other.join(', ')}] differ in shape`);
    }
  }
  return { outputShape: [...first], params: 0 };
}

function recurrent(ctx: ShapeContext, input: readonly number[]): InferredShape {
  if (input.length !== 2) throw mismatch(ctx, `expects [timesteps, features], got [${input.join(', ')}]`);
  const units = positive(ctx, 'units', ctx.config.units);
  const features = last(input);
  const gates = ctx.op === 'lstm' ? 4 : ctx.op === 'gru' ? 3 : 1;
  const recurrentBias = ctx.op === 'gru' && ctx.config.reset_after !== false ? 2 : 1;
  const params = gates * (units * (features + units) + recurrentBias * units);
  const outputShape = ctx.config.return_sequences ? [input[0]!, units] : [units];
  return { outputShape, params };
}

export function paddingMode(padding: unknown): 'valid' | 'same' | 'causal' {
  return padding === 'same' || padding === 'causal' ? padding : 'valid';
}

function paddingAmounts(padding: unknown, rank: number): number[] {
  if (typeof padding === 'number') return Array.from({ length: rank }, () => 2 * padding);
  if (Array.isArray(padding)) {
    return Array.from({ length: rank }, (_, i) => {
      const entry: unknown = padding[i] ?? padding[0];
      if (typeof entry === 'number') return rank === 1 && padding.length === 2 ? (padding[0] as number) + (padding[1] as number) : 2 * entry;
      if (Array.isArray(entry)) return (entry as number[]).reduce((a, b) => a + b, 0);
      return 0;
    });
  }
  return Array.from({ length: rank }, () => 2);
}

function tuple(value: unknown, rank: number, fallback: number | undefined, ctx?: ShapeContext, field?: string): number[] {
  if (typeof value === 'number') return Array.from({ length: rank }, () => value);
  if (Array.isArray(value) && value.length === rank && value.every((v) => typeof v === 'number' && v > 0)) return [...(value as number[])];
  if (fallback !== undefined && (value === undefined || value === null)) return Array.from({ length: rank }, () => fallback);
  throw mismatch(ctx!, `has an invalid ${field ?? 'size'}: ${JSON.stringify(value)}`);
}

function positive(ctx: ShapeContext, field: string, value: unknown): number {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
  throw new HlsestError('HLSEST_BAD_MODEL', `Layer "${ctx.layerName}" (${ctx.className}) has no valid "${field}": ${JSON.stringify(value)}`, {
    layer: ctx.layerName,
    field,
  });
}

function mismatch(ctx: ShapeContext, reason: string): HlsestError {
  return new HlsestError('HLSEST_SHAPE_MISMATCH', `Layer "${ctx.layerName}" (${ctx.className}) ${reason}`, {
    layer: ctx.layerName,
    className: ctx.className,
  });
}

export const product = (values: readonly number[]): number => values.reduce((a, b) => a * b, 1);
const last = (values: readonly number[]): number => values[values.length - 1] ?? 1;
