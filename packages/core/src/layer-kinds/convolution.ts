import { firstInput, last, mismatch, paddingMode, positive, product, tuple, type InferredShape, type ShapeContext } from '../keras/shape-helpers.js';
import { divisors, closestReuseFactor } from '../build-model/reuse-factor.js';
import { leadingSize, NO_EXTRA, type MultSize } from '../build-model/mult-size.js';
import { buildWeightLayer, type KernelTiming } from '../build-model/weight-layer.js';
import type { BuildContext } from '../build-model/build-context.js';
import { priceOperators } from '../build-model/tool-profiles.js';
import type { LayerBuild } from '../build-model/layer-build.js';
import type { Layer } from '../schema.js';
import type { LayerKindRule } from './layer-kind.js';

/**
 * Conv1D / Conv2D (hls4ml `parse_conv1d_layer`/`parse_conv2d_layer`, `init_conv1d`/`init_conv2d`;
 * kernels `nnet_conv1d/2d_latency.h`, `_resource.h`, `_stream.h`). The multiplication is
 * n_chan·filter window × n_filt; io_stream walks the (padded) input pixels through a line
 * buffer, io_parallel computes ParallelizationFactor output pixels per step.
 */
function convolutionRule(rank: 1 | 2): LayerKindRule {
  const name = `Conv${rank}D`;
  return {
    family: rank === 1 ? 'conv1d' : 'conv2d',
    weighted: true,
    keras: rank === 1
      ? { Conv1D: { quantized: false }, QConv1D: { quantized: true, hls4ml: 'Conv1D' } }
      : { Conv2D: { quantized: false }, QConv2D: { quantized: true, hls4ml: 'Conv2D' }, QConv2DBatchnorm: { quantized: true, foldedBatchnorm: true, hls4ml: 'Conv2DBatchnorm' } },
    inferShape: (ctx) => convolutionShape(ctx, rank, 'standard'),
    multSize(layer) {
      return { nIn: last(layer.inputShape) * window(layer), nOut: layer.filters ?? last(layer.outputShape), applications: leadingSize(layer.outputShape), extra: NO_EXTRA };
    },
    build(layer, ctx) {
      const mult = this.multSize(layer)!;
      return buildConvolution(layer, ctx, mult, 'conv', name);
    },
  };
}

export const conv1dRule = convolutionRule(1);
export const conv2dRule = convolutionRule(2);

/** Shared by standard, depthwise and separable convolutions: the converter's output-shape arithmetic. */
export function convolutionShape(ctx: ShapeContext, rank: 1 | 2, variant: 'standard' | 'depthwise' | 'separable'): InferredShape {
  const input = firstInput(ctx);
  if (input.length !== rank + 1) throw mismatch(ctx, `expects a ${rank + 1}-d input (channels last), got [${input.join(', ')}]`);
  if (ctx.config.data_format === 'channels_first') throw mismatch(ctx, 'uses channels_first, which hls4ml does not support for Keras');
  const useBias = ctx.config.use_bias !== false;
  const channels = last(input);
  const kernel = tuple(ctx, ctx.config.kernel_size, rank, undefined, 'kernel_size');
  const strides = tuple(ctx, ctx.config.strides, rank, 1, 'strides');
  const dilation = tuple(ctx, ctx.config.dilation_rate, rank, 1, 'dilation_rate');
  const padding = paddingMode(ctx.config.padding);
  const spatial = input.slice(0, rank).map((size, axis) => {
    const span = (kernel[axis]! - 1) * dilation[axis]! + 1;
    const out = padding === 'valid' ? Math.floor((size - span) / strides[axis]!) + 1 : Math.ceil(size / strides[axis]!);
    if (out < 1) throw mismatch(ctx, `kernel ${kernel.join('×')} does not fit input [${input.join(', ')}] with padding "${padding}"`);
    return out;
  });
  const windowSize = product(kernel);
  const multiplier = ctx.config.depth_multiplier ?? 1;
  let outChannels: number;
  let params: number;
  if (variant === 'depthwise') {
    outChannels = channels * multiplier;
    params = windowSize * channels * multiplier + (useBias ? outChannels : 0);
  } else if (variant === 'separable') {
    outChannels = positive(ctx, 'filters', ctx.config.filters);
    params = windowSize * channels * multiplier + channels * multiplier * outChannels + (useBias ? outChannels : 0);
  } else {
    outChannels = positive(ctx, 'filters', ctx.config.filters);
    params = windowSize * channels * outChannels + (useBias ? outChannels : 0);
    // QConv2DBatchnorm folds a batch normalization: its four parameters per filter come along.
    if (ctx.className === 'QConv2DBatchnorm') params += 4 * outChannels;
  }
  return { outputShape: [...spatial, outChannels], params, kernelSize: kernel, strides };
}

export const window = (layer: Layer): number => (layer.kernelSize ? product(layer.kernelSize) : 1);

/**
 * A convolution's build: its matrix product under hls4ml's strategy rules, scheduled per input
 * pixel (io_stream line buffer) or per partition of output pixels (io_parallel).
 */
export function buildConvolution(layer: Layer, ctx: BuildContext, mult: MultSize, rules: 'conv' | 'depthwise', label: string): LayerBuild {
  const outPixels = leadingSize(layer.outputShape);
  if (ctx.stream) {
    // One step per input pixel; a padded convolution reads the ZeroPadding node hls4ml puts before it.
    const base = buildWeightLayer(layer, ctx, mult, rules, { steps: leadingSize(layer.inputShape), stepOverhead: 0 });
    // The line buffer is the layer's own memory: priced with its other operators, as the tool
    // profiles were fitted (scripts/fit-tool-constants.mjs reads `operators`).
    const lineBufferBits = lineBuffer(layer, ctx.input.width);
    const operators = { ...base.operators, lutramBits: base.operators.lutramBits + lineBufferBits };
    const depth = layer.kernelSize?.length === 2 ? (layer.inputShape[1] ?? 1) : 1;
    return {
      ...base,
      lineBufferBits,
      ...(lineBufferBits > 0 && { shiftRegister: { bits: lineBufferBits, depth } }),
      operators,
      hls: priceOperators(operators, ctx.tool, base.priceClass),
    };
  }
  // io_parallel: ParallelizationFactor must divide the output pixels (`get_valid_conv_partition_splits`);
  // an invalid one moves to the closest valid value, as the reuse factor does.
  const requested = layer.parallelizationFactor ?? 1;
  const valid = divisors(outPixels);
  const applied = valid.includes(requested) ? requested : closestReuseFactor(valid, requested);
  const partitions = outPixels / applied;
  const perStep: MultSize = { ...mult, nOut: mult.nOut, applications: partitions };
  const timing: KernelTiming = { steps: partitions, stepOverhead: 0 };
  const base = buildWeightLayer(layer, ctx, perStep, rules, timing, applied === requested ? [] : [`ParallelizationFactor ${requested} does not divide the ${outPixels} output pixels of this ${label}; hls4ml uses ${applied}`]);
  // PF pixels per step: the step's multipliers (and their cost) repeat PF times.
  const scale = applied;
  return {
    ...base,
    mult: { ...mult, applications: outPixels },
    totalMults: base.totalMults * scale,
    parallelization: { requested, applied, partitions },
    multipliers: base.multipliers * scale,
    multipliersDense: base.multipliersDense * scale,
    expectedDsp: base.expectedDsp * scale,
    operators: scale === 1 ? base.operators : scaleOperators(base.operators, scale),
    hls: scale === 1 ? base.hls : { ...base.hls, dsp: base.hls.dsp * scale, ff: base.hls.ff * scale, lut: base.hls.lut * scale },
  };
}

function scaleOperators(o: LayerBuild['operators'], k: number): LayerBuild['operators'] {
  return { ...o, dsp: o.dsp * k, lutProductBits: o.lutProductBits * k, productBits: o.productBits * k, adderBits: o.adderBits * k, accumulatorBits: o.accumulatorBits * k, muxBits: o.muxBits * k };
}

/** io_stream line buffer: (k_h − 1) rows of the input (2-d), or k − 1 positions (1-d), every channel. */
function lineBuffer(layer: Layer, width: number): number {
  const kernel = layer.kernelSize;
  if (!kernel) return 0;
  const channels = last(layer.inputShape);
  return kernel.length === 2 ? (kernel[0]! - 1) * (layer.inputShape[1] ?? 1) * channels * width : (kernel[0]! - 1) * channels * width;
}
