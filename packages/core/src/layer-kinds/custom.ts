import { firstInput } from '../keras/shape-helpers.js';
import { buildPassiveLayer } from '../build-model/passive-layer.js';
import type { LayerKindRule } from './layer-kind.js';

/**
 * Layers hls4ml supports outside Keras itself (GarNet, GarNetStack, `nnet_garnet.h`): sized from
 * their config so models that use them parse; their cost is not modelled (the build says so).
 */
export const customRule: LayerKindRule = {
  family: 'other',
  weighted: false,
  keras: { GarNet: { quantized: false }, GarNetStack: { quantized: false } },
  inferShape(ctx) {
    const input = firstInput(ctx);
    const raw = ctx.config['n_filters'];
    const filters = Array.isArray(raw) ? raw[raw.length - 1] : raw;
    const n = typeof filters === 'number' && filters > 0 ? filters : 1;
    return { outputShape: ctx.config['collapse'] ? [n] : [input[0] ?? 1, n], params: 0 };
  },
  multSize: () => undefined,
  build: (layer, ctx) => buildPassiveLayer(layer, ctx, { depth: 1, notes: [`class ${layer.className} is not modelled by the build rules`] }),
};
