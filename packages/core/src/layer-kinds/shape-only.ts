import { firstInput, last, mismatch, product } from '../keras/shape-helpers.js';
import { buildPassiveLayer, streamBeats } from '../build-model/passive-layer.js';
import type { LayerKindRule } from './layer-kind.js';

/** The model's input (`parse_input_layer`): a port, nothing built. */
export const inputRule: LayerKindRule = {
  family: 'shape',
  weighted: false,
  keras: { InputLayer: { quantized: false, hls4ml: 'Input' } },
  inferShape: (ctx) => ({ outputShape: [...firstInput(ctx)], params: 0 }),
  multSize: () => undefined,
  build: (layer, ctx) => buildPassiveLayer(layer, ctx, { depth: 0, free: true }),
};

/**
 * Flatten (`parse_flatten_layer`): a relabelling. io_parallel keeps the array; io_stream
 * flattens in place since v0.8 (`inplace_stream_flatten`), so it costs nothing either way.
 */
export const flattenRule: LayerKindRule = {
  family: 'shape',
  weighted: false,
  keras: { Flatten: { quantized: false, hls4ml: 'Reshape' } },
  inferShape: (ctx) => ({ outputShape: [product(firstInput(ctx))], params: 0 }),
  multSize: () => undefined,
  build: (layer, ctx) => buildPassiveLayer(layer, ctx, { depth: 0, free: true }),
};

/**
 * Reshape and Permute. io_parallel: a relabelling (Reshape) or a wiring (Permute, `nnet_transpose`).
 * io_stream: Reshape repacks the stream (`repack_stream`) and Permute buffers the whole tensor.
 */
export const reshapeRule: LayerKindRule = {
  family: 'shape',
  weighted: false,
  keras: { Reshape: { quantized: false }, Permute: { quantized: false, hls4ml: 'Transpose' } },
  inferShape(ctx) {
    const input = firstInput(ctx);
    const total = product(input);
    if (ctx.className === 'Permute') {
      const dims = Array.isArray(ctx.config.dims) ? (ctx.config.dims as number[]) : [];
      const sorted = [...dims].sort((a, b) => a - b);
      if (dims.length !== input.length || sorted.some((d, i) => d !== i + 1)) throw mismatch(ctx, `has dims ${JSON.stringify(ctx.config.dims)}, not a permutation of 1..${input.length}`);
      return { outputShape: dims.map((d) => input[d - 1]!), params: 0 };
    }
    const raw = Array.isArray(ctx.config.target_shape) ? (ctx.config.target_shape as number[]) : [];
    const target = [...raw];
    const unknown = target.indexOf(-1);
    if (unknown >= 0) {
      const known = product(target.filter((d) => d !== -1));
      target[unknown] = known === 0 ? 0 : total / known;
    }
    if (target.length === 0 || product(target) !== total || target.some((d) => !Number.isInteger(d) || d < 1)) {
      throw mismatch(ctx, `cannot reshape [${input.join(', ')}] (${total} values) to [${raw.join(', ')}]`);
    }
    return { outputShape: target, params: 0 };
  },
  multSize: () => undefined,
  build(layer, ctx) {
    if (!ctx.stream) return buildPassiveLayer(layer, ctx, { depth: 0, free: true });
    const bits = product(layer.inputShape) * ctx.input.width;
    const permute = layer.className === 'Permute';
    return buildPassiveLayer(layer, ctx, {
      operators: permute ? { lutramBits: bits } : { accumulatorBits: Math.max(layer.inputShape[layer.inputShape.length - 1] ?? 1, layer.outputShape[layer.outputShape.length - 1] ?? 1) * ctx.input.width },
      depth: permute ? streamBeats(layer.inputShape) : 1,
    });
  },
};

/**
 * The node hls4ml inserts in io_stream after a layer whose output feeds more than one layer
 * (`clone_output` in `backends/fpga/passes/clone.py`, kernel `nnet_stream.h` `clone_stream`): it
 * reads each element once and writes it to every copy, each copy a FIFO as deep as the positions.
 * No Keras class: only the graph passes make it.
 */
export const cloneRule: LayerKindRule = {
  family: 'shape',
  weighted: false,
  keras: {},
  inferShape: (ctx) => ({ outputShape: [...firstInput(ctx)], params: 0 }),
  multSize: () => undefined,
  build(layer, ctx) {
    const copies = layer.copies ?? 2;
    const lanes = last(layer.outputShape);
    const built = buildPassiveLayer(layer, ctx, { operators: { inputBits: lanes * ctx.input.width, accumulatorBits: copies * lanes * ctx.result.width }, depth: 1 });
    const fifo = built.fifo && { ...built.fifo, bits: built.fifo.bits * copies, bram18k: built.fifo.bram18k * copies, lutramBits: built.fifo.lutramBits * copies };
    return { ...built, fifoBits: built.fifoBits * copies, ...(fifo && { fifo }), notes: [`${copies} copies of the stream, each its own FIFO (clone_output)`] };
  },
};

/**
 * Regularization layers do nothing at inference. hls4ml's Keras 2 converter skips Dropout
 * (`skip_layers`); its Keras 3 converter (v1.2+, `converters/keras_v3/core.py`) makes the
 * spatial, Gaussian and alpha dropouts identities too, so they are accepted here as well.
 */
export const dropoutRule: LayerKindRule = {
  family: 'shape',
  weighted: false,
  keras: {
    Dropout: { quantized: false },
    SpatialDropout1D: { quantized: false },
    SpatialDropout2D: { quantized: false },
    SpatialDropout3D: { quantized: false },
    GaussianDropout: { quantized: false },
    AlphaDropout: { quantized: false },
    GaussianNoise: { quantized: false },
  },
  inferShape: (ctx) => ({ outputShape: [...firstInput(ctx)], params: 0 }),
  multSize: () => undefined,
  build: (layer, ctx) => buildPassiveLayer(layer, ctx, { depth: 0, free: true, notes: ['skipped by hls4ml at conversion'] }),
};
