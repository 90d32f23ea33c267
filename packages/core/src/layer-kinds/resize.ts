import { HlsestError } from '../errors.js';
import { amountsPerAxis, firstInput, last, mismatch, tuple } from '../keras/shape-helpers.js';
import { buildPassiveLayer, streamBeats } from '../build-model/passive-layer.js';
import type { LayerKindRule } from './layer-kind.js';

/** Data movement only: io_parallel wires it, io_stream emits one element per output position. */
function movement(rank: 1 | 2, kind: 'upsampling' | 'zeropadding' | 'cropping'): LayerKindRule['build'] {
  return (layer, ctx) =>
    buildPassiveLayer(layer, ctx, {
      operators: { accumulatorBits: (ctx.stream ? last(layer.outputShape) : 0) * ctx.input.width },
      depth: ctx.stream ? 1 : 0,
      beats: streamBeats(layer.outputShape),
      free: !ctx.stream,
      ...(kind === 'upsampling' && rank === 2 && ctx.stream && { lineBufferBits: (layer.inputShape[1] ?? 1) * last(layer.inputShape) * ctx.input.width }),
    });
}

function spatialInput(ctx: Parameters<LayerKindRule['inferShape']>[0], rank: 1 | 2): readonly number[] {
  const input = firstInput(ctx);
  if (input.length !== rank + 1) throw mismatch(ctx, `expects a ${rank + 1}-d input (channels last), got [${input.join(', ')}]`);
  return input;
}

/** UpSampling1D/2D (`parse_upsampling*_layer`, nearest neighbour only, as hls4ml supports). */
function upsamplingOfRank(rank: 1 | 2): LayerKindRule {
  return {
    family: 'shape',
    weighted: false,
    keras: { [`UpSampling${rank}D`]: { quantized: false, hls4ml: 'Resize' } },
    inferShape(ctx) {
      const input = spatialInput(ctx, rank);
      const size = tuple(ctx, ctx.config.size, rank, 2, 'size');
      if (ctx.config.interpolation !== undefined && ctx.config.interpolation !== 'nearest') throw mismatch(ctx, `uses ${String(ctx.config.interpolation)} interpolation; hls4ml supports nearest only`);
      return { outputShape: [...input.slice(0, -1).map((d, i) => d * size[i]!), last(input)], params: 0 };
    },
    multSize: () => undefined,
    build: movement(rank, 'upsampling'),
  };
}

/** ZeroPadding1D/2D (`parse_zeropadding*_layer`; also what hls4ml inserts before a `same` io_stream convolution). */
function zeroPaddingOfRank(rank: 1 | 2): LayerKindRule {
  return {
    family: 'shape',
    weighted: false,
    keras: { [`ZeroPadding${rank}D`]: { quantized: false } },
    inferShape(ctx) {
      const input = spatialInput(ctx, rank);
      const pads = amountsPerAxis(ctx, ctx.config.padding, rank, 1, 'padding');
      return { outputShape: [...input.slice(0, -1).map((d, i) => d + pads[i]!), last(input)], params: 0 };
    },
    multSize: () => undefined,
    build: movement(rank, 'zeropadding'),
  };
}

/** Cropping1D/2D (Keras converter from hls4ml v1.2; refused before, as hls4ml would). */
function croppingOfRank(rank: 1 | 2): LayerKindRule {
  return {
    family: 'shape',
    weighted: false,
    keras: { [`Cropping${rank}D`]: { quantized: false } },
    inferShape(ctx) {
      const input = spatialInput(ctx, rank);
      const crops = amountsPerAxis(ctx, ctx.config.cropping, rank, 1, 'cropping');
      const out = input.slice(0, -1).map((d, i) => d - crops[i]!);
      if (out.some((d) => d < 1)) throw mismatch(ctx, `crops [${input.join(', ')}] to nothing`);
      return { outputShape: [...out, last(input)], params: 0 };
    },
    multSize: () => undefined,
    build(layer, ctx) {
      if (!ctx.hls4ml.croppingLayers) {
        throw new HlsestError('HLSEST_UNKNOWN_LAYER', `ERROR: Unsupported layer type: ${layer.className} (hls4ml converts Cropping layers from v1.2; this design targets ${ctx.hls4ml.version})`, { layer: layer.name });
      }
      return movement(rank, 'cropping')(layer, ctx);
    },
  };
}

// One rule per kind covers both ranks: the rank is the input's.
function byRank(one: LayerKindRule, two: LayerKindRule): LayerKindRule {
  return {
    family: 'shape',
    weighted: false,
    keras: { ...one.keras, ...two.keras },
    inferShape: (ctx) => (ctx.className.endsWith('1D') ? one : two).inferShape(ctx),
    multSize: () => undefined,
    build: (layer, ctx) => (layer.className.endsWith('1D') ? one : two).build(layer, ctx),
  };
}

export const upsamplingRule = byRank(upsamplingOfRank(1), upsamplingOfRank(2));
export const zeroPaddingRule = byRank(zeroPaddingOfRank(1), zeroPaddingOfRank(2));
export const croppingRule = byRank(croppingOfRank(1), croppingOfRank(2));
