import { firstInput, last, mismatch, paddingMode, product, tuple } from '../keras/shape-helpers.js';
import { buildPassiveLayer } from '../build-model/passive-layer.js';
import type { Layer } from '../schema.js';
import type { KerasClass, LayerKindRule } from './layer-kind.js';

/**
 * MaxPooling / AveragePooling 1D and 2D (`parse_pooling_layer`; kernels `nnet_pooling.h`,
 * `nnet_pooling_stream.h`): a comparison (or addition) tree over each window, per channel.
 */
function poolingRule(rank: 1 | 2): LayerKindRule {
  const n = `${rank}D`;
  const keras: Record<string, KerasClass> = {
    [`MaxPooling${n}`]: { quantized: false, op: 'max', hls4ml: `Pooling${n}` },
    [`MaxPool${n}`]: { quantized: false, op: 'max', hls4ml: `Pooling${n}` },
    [`AveragePooling${n}`]: { quantized: false, op: 'average', hls4ml: `Pooling${n}` },
    [`AvgPool${n}`]: { quantized: false, op: 'average', hls4ml: `Pooling${n}` },
  };
  return {
    family: 'pooling',
    weighted: false,
    keras,
    inferShape(ctx) {
      const input = firstInput(ctx);
      if (input.length !== rank + 1) throw mismatch(ctx, `expects a ${rank + 1}-d input, got [${input.join(', ')}]`);
      const pool = tuple(ctx, ctx.config.pool_size, rank, 2, 'pool_size');
      const strides = ctx.config.strides == null ? pool : tuple(ctx, ctx.config.strides, rank, 1, 'strides');
      const padding = paddingMode(ctx.config.padding);
      const spatial = input.slice(0, rank).map((size, axis) => {
        const out = padding === 'valid' ? Math.floor((size - pool[axis]!) / strides[axis]!) + 1 : Math.ceil(size / strides[axis]!);
        if (out < 1) throw mismatch(ctx, `pool ${pool.join('×')} does not fit input [${input.join(', ')}]`);
        return out;
      });
      return { outputShape: [...spatial, last(input)], params: 0, poolSize: pool, strides };
    },
    multSize: () => undefined,
    build(layer, ctx) {
      const windowSize = product(layer.poolSize ?? [2]);
      const channels = last(layer.outputShape);
      const outputs = product(layer.outputShape);
      const width = ctx.input.width;
      // io_parallel computes every window at once; io_stream one output pixel's channels per beat.
      const lanes = ctx.stream ? channels : outputs;
      const levels = Math.ceil(Math.log2(Math.max(2, windowSize)));
      const op = keras[layer.className]?.op;
      // Max pooling compares and then selects at every node of its tree; average pooling only adds.
      const selects = op === 'max' ? lanes * (windowSize - 1) * width : 0;
      // io_parallel average pooling divides each window's sum by its count of image pixels
      // (`pooling1d_cl`/`pooling2d_cl`); io_stream asserts there is no padding to count.
      const division = ctx.tool.poolingDivision;
      // io_stream 2-D pooling keeps (pool_h − 1) input rows in `ap_shift_reg` chains, as a
      // convolution does (`compute_pool_buffer_2d`).
      const lineBufferBits = ctx.stream && rank === 2 ? ((layer.poolSize?.[0] ?? 2) - 1) * (layer.inputShape[1] ?? 1) * channels * width : 0;
      const divider = !ctx.stream && op === 'average' && overlapsPadding(layer) && division.kind === 'divider' ? division : undefined;
      return buildPassiveLayer(layer, ctx, {
        operators: { adderBits: lanes * (windowSize - 1) * width, muxBits: selects, inputBits: lanes * windowSize * width, accumulatorBits: lanes * ctx.result.width, dividers: divider ? outputs : 0, lutramBits: lineBufferBits },
        depth: levels + ctx.elementwiseCycles + (divider?.cycles ?? 0),
        shiftRegister: { bits: lineBufferBits, depth: layer.inputShape[1] ?? 1 },
      });
    },
  };
}

/** Whether some window reaches past the input ('same' padding that does not divide evenly). */
function overlapsPadding(layer: Layer): boolean {
  const pool = layer.poolSize ?? [2];
  return pool.some((size, axis) => {
    const stride = layer.strides?.[axis] ?? size;
    return ((layer.outputShape[axis] ?? 1) - 1) * stride + size > (layer.inputShape[axis] ?? 1);
  });
}

export const pooling1dRule = poolingRule(1);
export const pooling2dRule = poolingRule(2);

/** GlobalMax/AveragePooling 1D and 2D (`parse_global_pooling_layer`): one tree per channel over every position. */
function globalPoolingRule(rank: 1 | 2): LayerKindRule {
  const n = `${rank}D`;
  const keras: Record<string, KerasClass> = {
    [`GlobalMaxPooling${n}`]: { quantized: false, op: 'max', hls4ml: `GlobalPooling${n}` },
    [`GlobalAveragePooling${n}`]: { quantized: false, op: 'average', hls4ml: `GlobalPooling${n}` },
  };
  return {
    family: 'pooling',
    weighted: false,
    keras,
    inferShape(ctx) {
      const input = firstInput(ctx);
      if (input.length !== rank + 1) throw mismatch(ctx, `expects a ${rank + 1}-d input, got [${input.join(', ')}]`);
      return { outputShape: [last(input)], params: 0 };
    },
    multSize: () => undefined,
    build(layer, ctx) {
      const channels = last(layer.inputShape);
      const positions = product(layer.inputShape) / Math.max(1, channels);
      const width = ctx.accum.width;
      const nodes = channels * (ctx.stream ? 1 : positions - 1);
      return buildPassiveLayer(layer, ctx, {
        operators: { adderBits: nodes * width, muxBits: keras[layer.className]?.op === 'max' ? nodes * width : 0, inputBits: channels * ctx.input.width, accumulatorBits: channels * width },
        depth: Math.ceil(Math.log2(Math.max(2, positions))) + ctx.elementwiseCycles,
      });
    },
  };
}

export const globalPooling1dRule = globalPoolingRule(1);
export const globalPooling2dRule = globalPoolingRule(2);
