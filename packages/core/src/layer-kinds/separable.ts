import { last } from '../keras/shape-helpers.js';
import { leadingSize } from '../build-model/mult-size.js';
import { buildConvolution, convolutionShape, window } from './convolution.js';
import type { LayerKindRule } from './layer-kind.js';

/**
 * SeparableConv1D / SeparableConv2D. Up to v0.8 one node runs the depthwise and the pointwise
 * product in one kernel (`nnet_sepconv*`), sized for the reuse factor as a convolution
 * (n_chan·window × n_filt). From v1.0 hls4ml splits it into a DepthwiseConv and a 1×1 Conv
 * (`separable_to_depthwise_and_conv`); the design build does that split, so this rule builds the
 * combined v0.8 node only.
 */
function separableRule(rank: 1 | 2): LayerKindRule {
  return {
    family: rank === 1 ? 'conv1d' : 'conv2d',
    weighted: true,
    keras: rank === 1
      ? { SeparableConv1D: { quantized: false }, QSeparableConv1D: { quantized: true, hls4ml: 'SeparableConv1D' } }
      : { SeparableConv2D: { quantized: false }, QSeparableConv2D: { quantized: true, hls4ml: 'SeparableConv2D' } },
    inferShape: (ctx) => convolutionShape(ctx, rank, 'separable'),
    multSize(layer) {
      const channels = last(layer.inputShape);
      const depthOut = channels * (layer.depthMultiplier ?? 1);
      const filters = layer.filters ?? last(layer.outputShape);
      return {
        nIn: channels * window(layer),
        nOut: filters,
        products: depthOut * filters,
        applications: leadingSize(layer.outputShape),
        extra: [{ nIn: window(layer), nOut: depthOut }],
      };
    },
    build(layer, ctx) {
      return buildConvolution(layer, ctx, this.multSize(layer)!, 'depthwise', `SeparableConv${rank}D`);
    },
  };
}

export const separableConv1dRule = separableRule(1);
export const separableConv2dRule = separableRule(2);
