import { firstInput, last, positive } from '../keras/shape-helpers.js';
import { leadingSize, NO_EXTRA } from '../build-model/mult-size.js';
import { buildWeightLayer } from '../build-model/weight-layer.js';
import type { LayerKindRule } from './layer-kind.js';

/**
 * Dense (hls4ml `parse_dense_layer`, `init_dense`; kernels `nnet_dense_latency.h`,
 * `nnet_dense_resource.h`). A Dense on a sequence is applied per position; hls4ml v0.7+ turns it
 * into a pointwise Conv1D (`replace_multidimensional_dense_with_conv`), which costs the same.
 */
export const denseRule: LayerKindRule = {
  family: 'dense',
  weighted: true,
  keras: {
    Dense: { quantized: false },
    QDense: { quantized: true, hls4ml: 'Dense' },
    BinaryDense: { quantized: false, weights: 'binary', hls4ml: 'Dense' },
    TernaryDense: { quantized: false, weights: 'ternary', hls4ml: 'Dense' },
  },
  inferShape(ctx) {
    const input = firstInput(ctx);
    const units = positive(ctx, 'units', ctx.config.units);
    const nIn = last(input);
    return { outputShape: [...input.slice(0, -1), units], params: nIn * units + (ctx.config.use_bias !== false ? units : 0) };
  },
  multSize(layer) {
    return { nIn: last(layer.inputShape), nOut: layer.units ?? last(layer.outputShape), applications: Math.max(1, leadingSize(layer.inputShape)), extra: NO_EXTRA };
  },
  build(layer, ctx) {
    const mult = this.multSize(layer)!;
    return buildWeightLayer(layer, ctx, mult, 'dense', { steps: mult.applications, stepOverhead: 0 });
  },
};
