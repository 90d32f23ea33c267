import { firstInput, positive } from '../keras/shape-helpers.js';
import { bram18kForRom } from '../build-model/operand-widths.js';
import { buildPassiveLayer } from '../build-model/passive-layer.js';
import type { LayerKindRule } from './layer-kind.js';

/** Embedding (`parse_embedding_layer`, `nnet_embed.h`): a vocabulary × dim table read once per input token. */
export const embeddingRule: LayerKindRule = {
  family: 'other',
  weighted: false,
  keras: { Embedding: { quantized: false } },
  inferShape(ctx) {
    const input = firstInput(ctx);
    const vocabulary = positive(ctx, 'input_dim', ctx.config.input_dim);
    const dim = positive(ctx, 'output_dim', ctx.config.output_dim);
    return { outputShape: [...input, dim], params: vocabulary * dim };
  },
  multSize: () => undefined,
  build(layer, ctx) {
    const dim = layer.outputShape[layer.outputShape.length - 1] ?? 1;
    const vocabulary = Math.max(1, Math.round(layer.params / Math.max(1, dim)));
    const tokens = layer.inputShape.reduce((a, b) => a * b, 1);
    return buildPassiveLayer(layer, ctx, {
      operators: { bram18k: Math.ceil(tokens / 2) * bram18kForRom(dim * ctx.weight.width, vocabulary), accumulatorBits: tokens * dim * ctx.result.width },
      depth: 2,
    });
  },
};
