import { firstInput, last, product } from '../keras/shape-helpers.js';
import { estimateProduct } from '../build-model/operand-widths.js';
import { buildPassiveLayer } from '../build-model/passive-layer.js';
import { constantMultiplicationShare } from '../build-model/constant-products.js';
import type { LayerKindRule } from './layer-kind.js';

/** hls4ml's node for a BatchNormalization merged with the binary or ternary tanh after it (`bn_quant.py`). */
export const THRESHOLD_CLASS = 'BatchNormalizationQuantizedTanh';

/** The thresholds each value of a merged node is compared with: 1 binary, 2 ternary; 0 for a plain BatchNormalization. */
export function thresholdCount(layer: { readonly className: string; readonly activation?: string }): 0 | 1 | 2 {
  if (layer.className !== THRESHOLD_CLASS) return 0;
  return layer.activation?.startsWith('ternary') ? 2 : 1;
}

/**
 * BatchNormalization (`parse_batchnorm_layer`, kernel `nnet_batchnorm.h` `normalize`): one
 * scale multiplication and one bias addition per element, the multipliers capped by the reuse
 * factor like a Dense's. hls4ml folds it into a preceding Dense/Conv where it can (the design
 * build decides: `fuse_batch_normalization`). The same kernel re-applies a QKeras alpha (ApplyAlpha)
 * and, merged with a binary/ternary tanh, only compares against thresholds.
 */
export const batchnormRule: LayerKindRule = {
  family: 'batchnorm',
  weighted: false,
  keras: { BatchNormalization: { quantized: false }, QBatchNormalization: { quantized: true, hls4ml: 'BatchNormalization' } },
  inferShape(ctx) {
    const input = firstInput(ctx);
    const channels = last(input);
    const perChannel = 2 + (ctx.config.center === false ? 0 : 1) + (ctx.config.scale === false ? 0 : 1);
    return { outputShape: [...input], params: perChannel * channels };
  },
  multSize: () => undefined,
  build(layer, ctx) {
    const lanes = ctx.stream ? last(layer.outputShape) : product(layer.outputShape);
    const thresholds = thresholdCount(layer);
    if (thresholds > 0) {
      // `normalize_binary_tanh` / `normalize_ternary_tanh`: a comparison per threshold and value.
      return buildPassiveLayer(layer, ctx, {
        operators: { adderBits: lanes * thresholds * ctx.input.width, inputBits: lanes * ctx.input.width, accumulatorBits: lanes * ctx.result.width },
        depth: ctx.elementwiseCycles,
        notes: [`thresholds: ${thresholds === 1 ? 'one comparison' : 'two comparisons'} per value, no multiplier (BatchNormalizationQuantizedTanh)`],
      });
    }
    const rf = Math.max(1, layer.reuseFactor ?? ctx.config.reuseFactor);
    const multipliers = Math.ceil(lanes / rf);
    const p = estimateProduct(ctx.weight, ctx.input, ctx.device);
    // Scales are constants: like a Latency kernel's products, many become shift-adds. A trained
    // scale γ/√(σ²+ε) is of order one.
    const share = constantMultiplicationShare(ctx.weight, 1);
    const dsp = p.kind === 'dsp' ? Math.round(multipliers * p.dspPerMultiplier * share) : 0;
    return buildPassiveLayer(layer, ctx, {
      operators: {
        dsp,
        lutProductBits: (p.kind === 'lut' || p.kind === 'dsp' ? multipliers - Math.round(multipliers * (p.kind === 'dsp' ? share : 0)) : 0) * ctx.weight.width * ctx.input.width,
        adderBits: lanes * ctx.result.width,
        inputBits: lanes * ctx.input.width,
        accumulatorBits: lanes * ctx.result.width,
      },
      // A power-of-two scale (an ApplyAlpha's `auto_po2`) is a shift: no multiplier stage.
      depth: ctx.elementwiseCycles + (p.kind === 'shift' ? 0 : 1),
    });
  },
};
