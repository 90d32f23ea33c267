import { mismatch, type ShapeContext, type InferredShape } from '../keras/shape-helpers.js';
import { product, last } from '../keras/shape-helpers.js';
import { estimateProduct } from '../build-model/operand-widths.js';
import { buildPassiveLayer } from '../build-model/passive-layer.js';
import type { LayerKindRule } from './layer-kind.js';

/**
 * Merge layers (`parse_merge_layer`, kernels `nnet_merge.h`, `nnet_merge_stream.h`): element-wise
 * add, subtract, average, maximum, minimum and multiply; concatenation (wiring, or a copy per
 * beat when streaming); dot product.
 */
export const mergeRule: LayerKindRule = {
  family: 'merge',
  weighted: false,
  keras: {
    Add: { quantized: false, op: 'add', hls4ml: 'Merge' },
    Subtract: { quantized: false, op: 'subtract', hls4ml: 'Merge' },
    Multiply: { quantized: false, op: 'multiply', hls4ml: 'Merge' },
    Average: { quantized: false, op: 'average', hls4ml: 'Merge' },
    Maximum: { quantized: false, op: 'maximum', hls4ml: 'Merge' },
    Minimum: { quantized: false, op: 'minimum', hls4ml: 'Merge' },
    Concatenate: { quantized: false, op: 'concatenate' },
    Dot: { quantized: false, op: 'dot' },
  },
  inferShape: mergeShape,
  multSize: () => undefined,
  build(layer, ctx) {
    const op = MERGE_OPS[layer.className] ?? 'add';
    const lanes = ctx.stream ? last(layer.outputShape) : product(layer.outputShape);
    const inputs = Math.max(2, layer.inbound.length);
    const width = ctx.result.width;
    if (op === 'concatenate') return buildPassiveLayer(layer, ctx, { operators: { accumulatorBits: ctx.stream ? lanes * width : 0 }, depth: ctx.stream ? 1 : 0, free: !ctx.stream });
    if (op === 'multiply' || op === 'dot') {
      const p = estimateProduct(ctx.input, ctx.input, ctx.device);
      const n = op === 'dot' ? product(layer.inputShape) : lanes;
      return buildPassiveLayer(layer, ctx, {
        operators: { dsp: p.kind === 'dsp' ? n * p.dspPerMultiplier : 0, lutProductBits: p.kind === 'lut' ? n * ctx.input.width ** 2 : 0, adderBits: op === 'dot' ? n * ctx.accum.width : 0, inputBits: 2 * lanes * ctx.input.width, accumulatorBits: lanes * width },
        depth: ctx.elementwiseCycles + (op === 'dot' ? Math.ceil(Math.log2(Math.max(2, n))) : 1),
      });
    }
    return buildPassiveLayer(layer, ctx, { operators: { adderBits: lanes * (inputs - 1) * width, inputBits: inputs * lanes * ctx.input.width, accumulatorBits: lanes * width }, depth: ctx.elementwiseCycles });
  },
};

const MERGE_OPS: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(mergeRule.keras).map(([name, info]) => [name, info.op!]));

function mergeShape(ctx: ShapeContext): InferredShape {
  const [first, ...rest] = ctx.inputs;
  if (!first || rest.length === 0) throw mismatch(ctx, 'a merge layer needs at least two inputs');
  if (ctx.op === 'concatenate') {
    const rawAxis = typeof ctx.config.axis === 'number' ? ctx.config.axis : -1;
    const axis = rawAxis < 0 ? first.length + rawAxis : rawAxis - 1;
    if (axis < 0 || axis >= first.length) throw mismatch(ctx, `cannot concatenate on axis ${rawAxis} of [${first.join(', ')}]`);
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
