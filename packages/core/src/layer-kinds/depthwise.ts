import { last } from '../keras/shape-helpers.js';
import { leadingSize, NO_EXTRA } from '../build-model/mult-size.js';
import { buildConvolution, convolutionShape, window } from './convolution.js';
import type { LayerKindRule } from './layer-kind.js';

/**
 * DepthwiseConv1D / DepthwiseConv2D (`init_depconv1d`/`init_depconv2d`; kernel
 * `nnet_sepconv*_latency.h` / `_stream.h`). hls4ml sizes the reuse-factor check as for a
 * convolution (`get_layer_mult_size` matches "Conv2D" in the class name: n_chan·window × n_filt),
 * but each channel is multiplied by its own window only. Strategy: Resource or Latency.
 */
function depthwiseRule(rank: 1 | 2): LayerKindRule {
  return {
    family: rank === 1 ? 'conv1d' : 'conv2d',
    weighted: true,
    // QKeras has no QDepthwiseConv1D; hls4ml's converter handles QDepthwiseConv2D only.
    keras: rank === 1 ? { DepthwiseConv1D: { quantized: false } } : { DepthwiseConv2D: { quantized: false }, QDepthwiseConv2D: { quantized: true, hls4ml: 'DepthwiseConv2D' } },
    inferShape: (ctx) => convolutionShape(ctx, rank, 'depthwise'),
    multSize(layer) {
      const channels = last(layer.inputShape);
      const outChannels = channels * (layer.depthMultiplier ?? 1);
      return { nIn: channels * window(layer), nOut: outChannels, products: window(layer) * outChannels, applications: leadingSize(layer.outputShape), extra: NO_EXTRA };
    },
    build(layer, ctx) {
      return buildConvolution(layer, ctx, this.multSize(layer)!, 'depthwise', `DepthwiseConv${rank}D`);
    },
  };
}

export const depthwiseConv1dRule = depthwiseRule(1);
export const depthwiseConv2dRule = depthwiseRule(2);
