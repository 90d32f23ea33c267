import { HlsestError } from '../errors.js';
import { firstInput, last, product } from '../keras/shape-helpers.js';
import { bram18kForRom } from '../build-model/operand-widths.js';
import { buildPassiveLayer, streamBeats } from '../build-model/passive-layer.js';
import type { BuildContext } from '../build-model/build-context.js';
import type { LayerBuild } from '../build-model/layer-build.js';
import type { Layer } from '../schema.js';
import type { LayerKindRule } from './layer-kind.js';

/**
 * Activations as hls4ml builds them (`parse_activation_layer`, `parse_qactivation_layer`;
 * kernels `nnet_activation.h`, `nnet_activation_stream.h`): element-wise comparisons for the
 * ReLU family and the hard (piecewise-linear) functions, lookup tables for sigmoid, tanh and
 * friends, and for softmax a max tree, an exp table, a sum tree, an inverse table and one
 * multiplication per output (`stable`, the default since v0.7; `latency` skips the max).
 */
export const activationRule: LayerKindRule = {
  family: 'activation',
  weighted: false,
  keras: {
    Activation: { quantized: false },
    QActivation: { quantized: true, hls4ml: 'Activation' },
    ReLU: { quantized: false, activation: 'relu', hls4ml: 'Activation' },
    LeakyReLU: { quantized: false, activation: 'leaky_relu', hls4ml: 'ParametrizedActivation' },
    PReLU: { quantized: false, activation: 'prelu' },
    ELU: { quantized: false, activation: 'elu', hls4ml: 'ParametrizedActivation' },
    ThresholdedReLU: { quantized: false, activation: 'thresholded_relu', hls4ml: 'ParametrizedActivation' },
    Softmax: { quantized: false, activation: 'softmax' },
  },
  inferShape(ctx) {
    const input = firstInput(ctx);
    return { outputShape: [...input], params: ctx.className === 'PReLU' ? last(input) : 0 };
  },
  multSize: () => undefined,
  build: (layer, ctx) => buildActivation(layer, ctx),
};

/** hls4ml's function for an activation name (`quantized_relu(8,0)` is a ReLU with a quantized result). */
export function activationFunction(name: string | undefined): string {
  const fn = (name ?? 'linear').toLowerCase().replace(/\(.*$/, '');
  // QKeras quantizer names, as hls4ml's `get_activation_quantizer` maps them.
  if (fn === 'quantized_relu' || fn === 'relu6') return 'relu';
  if (fn === 'quantized_bits' || fn === '') return 'linear';
  if (fn === 'quantized_tanh') return 'hard_tanh';
  if (fn === 'quantized_sigmoid') return 'hard_sigmoid';
  if (fn === 'binary' || fn === 'stochastic_binary') return 'binary_tanh';
  if (fn === 'ternary' || fn === 'stochastic_ternary') return 'ternary_tanh';
  if (fn === 'leakyrelu') return 'leaky_relu';
  return fn;
}

/** Functions hls4ml evaluates through a lookup table (`init_<fn>_table` in `nnet_activation.h`). */
const TABLED = new Set(['sigmoid', 'tanh', 'elu', 'selu', 'softplus', 'softsign']);

function buildActivation(layer: Layer, ctx: BuildContext): LayerBuild {
  const fn = activationFunction(layer.activation);
  const n = last(layer.outputShape);
  // io_parallel works on the whole tensor at once; io_stream on one element (n lanes) per beat.
  const lanes = ctx.stream ? n : product(layer.outputShape);
  const inW = ctx.input.width;
  const outW = ctx.result.width;
  const t = ctx.tool.timing;
  const tableSize = layer.tableSize ?? 1024;
  const tableWidth = ctx.table.width;
  if (fn === 'linear') return buildPassiveLayer(layer, ctx, { depth: 0, free: true, notes: ['linear activation: hls4ml removes it (eliminate_linear_activation)'] });
  if (fn === 'softmax') return buildSoftmax(layer, ctx, n);
  if (TABLED.has(fn)) {
    const tableBits = tableSize * tableWidth;
    // Each table read port serves two lookups (dual-port ROM); parallel lookups replicate it.
    const copies = Math.ceil(lanes / 2);
    const inBram = tableBits > 1024;
    // Per lookup, the index: the input scaled and offset (`data * table_size / 16 + …`), then
    // clamped into the table by two comparisons and a mux of the index's width; ELU adds the
    // sign test choosing between the input and the table (`sigmoid`, `elu` in nnet_activation.h).
    // hls4ml's baselines show what this costs: sigmoid and ELU layers of 64 lookups report
    // 2,000–7,000 LUTs more than the same design with a ReLU (Vivado HLS 2020.1, Vitis HLS 2024.1).
    const indexBits = Math.ceil(Math.log2(Math.max(2, tableSize)));
    const signSelect = fn === 'elu' || fn === 'selu';
    return buildPassiveLayer(layer, ctx, {
      operators: {
        inputBits: lanes * inW,
        adderBits: lanes * (inW + indexBits),
        muxBits: lanes * (2 * inW + 2 * indexBits + (signSelect ? inW + outW : 0)),
        accumulatorBits: lanes * outW,
        pipelineBits: lanes * outW * t.tableCycles,
        bram18k: inBram ? copies * bram18kForRom(tableWidth, tableSize) : 0,
        lutramBits: inBram ? 0 : copies * tableBits,
      },
      depth: t.tableCycles,
      tableBits: copies * tableBits,
    });
  }
  // `leaky_relu` in nnet_activation.h: `x > 0 ? x : alpha * x`, alpha a constant at the call.
  // C-synthesis folds a slope of 1 into a wire: hls4ml's baselines with LeakyReLU(alpha=1) after
  // a 64-output Dense report the Dense's LUTs alone in io_parallel (462 on Vitis HLS 2024.1, 602
  // on Vivado HLS 2020.1; a ReLU there 2,983 and 2,224). In io_stream the layer is still a
  // DATAFLOW task copying its stream: it reads and writes, computes no result.
  const slope = fn === 'leaky_relu' ? (layer.activationParameter ?? 0.3) : undefined;
  const cycles = ctx.elementwiseCycles;
  if (slope === 1) {
    return ctx.stream
      ? buildPassiveLayer(layer, ctx, { operators: { inputBits: lanes * inW }, depth: cycles, notes: ['LeakyReLU with slope 1 is the identity: a stream copy'] })
      : buildPassiveLayer(layer, ctx, { depth: 0, free: true, notes: ['LeakyReLU with slope 1 is the identity: C-synthesis folds it away'] });
  }
  // ReLU family, hard functions, binary/ternary tanh: a comparison (and a constant scaling for
  // the leaky and hard ones; none for a leaky slope that is 0 or a power of two, a shift) per
  // element, plus rounding/saturation into the result type.
  const scaled = slope !== undefined ? !isShift(slope) : fn === 'prelu' || fn === 'elu' || fn.startsWith('hard_');
  return buildPassiveLayer(layer, ctx, {
    operators: {
      inputBits: lanes * inW,
      adderBits: outW < inW ? lanes * outW : 0,
      lutProductBits: scaled ? lanes * inW * 4 : 0,
      accumulatorBits: lanes * outW,
      // A cycle of its own registers what enters and what leaves it (ArgyKokk's ReLUs at 3.33 ns:
      // about 33 FFs per 16-bit input and 8-bit result, none at 5 ns).
      pipelineBits: lanes * (inW + outW) * cycles,
    },
    depth: cycles,
  });
}

/** Whether multiplying by `k` is a shift (or nothing): 0 or ± a power of two. */
function isShift(k: number): boolean {
  return k === 0 || Number.isInteger(Math.log2(Math.abs(k)));
}

function buildSoftmax(layer: Layer, ctx: BuildContext, n: number): LayerBuild {
  if (!ctx.stream && layer.outputShape.length > 1) {
    throw new HlsestError('HLSEST_BAD_CONFIG', `Layer ${layer.name}: Softmax with io_parallel strategy cannot be used on multidimensional tensors (hls4ml init_softmax); use io_stream or flatten first`, { layer: layer.name });
  }
  const implementation = (layer.implementation ?? ctx.hls4ml.softmaxImplementation).toLowerCase();
  const t = ctx.tool.timing;
  const levels = Math.ceil(Math.log2(Math.max(2, n)));
  const tableSize = layer.tableSize ?? 1024;
  const tableWidth = 18;
  const inW = ctx.input.width;
  if (implementation === 'argmax') {
    return buildPassiveLayer(layer, ctx, { operators: { adderBits: (n - 1) * inW, inputBits: n * inW, accumulatorBits: n * ctx.result.width }, depth: levels + ctx.elementwiseCycles, ...(ctx.stream && { beats: streamBeats(layer.inputShape) }) });
  }
  // One exp lookup per input (a table copy each), a sum tree, one inverse lookup and n products.
  // C-synthesis reports one 18 Kb block per output for the stable softmax's tables (Vitis 2021.1, argykokk-mlp).
  const expBram = bram18kForRom(tableWidth, tableSize);
  // io_stream shares a beat's lookups and products over the layer's reuse factor: ceil(n / RF)
  // multipliers in a pipeline of II n / ceil(n / RF) (nnet_activation_stream.h `softmax_stable`,
  // `softmax_latency`: multiplier_limit and the ALLOCATION on mul). Over II cycles a dual-port table
  // serves 2·II lookups. A Vivado HLS 2019.2 design (13 outputs, RF 256) reports 1 DSP and 2 blocks.
  const multipliers = ctx.stream ? Math.ceil(n / (layer.reuseFactor ?? ctx.config.reuseFactor)) : n;
  const interval = Math.floor(n / multipliers);
  const tableBlocks = interval > 1 ? (Math.ceil(n / (2 * interval)) + 1) * expBram : n * expBram;
  const maxTree = implementation === 'latency' ? 0 : (n - 1) * inW;
  // The fitted constants price the stable softmax's two reduction trees (max, then sum); the
  // latency one builds only the sum's (nnet_activation.h `softmax_latency`). No report in the
  // data uses it, so its depth is that structure, not a fit.
  const trees = implementation === 'latency' ? 1 : 2;
  const depth = t.softmaxCycles + Math.ceil((t.softmaxLevelNs * levels * trees) / ctx.config.clockPeriodNs);
  return buildPassiveLayer(layer, ctx, {
    operators: {
      dsp: multipliers,
      // Its registers: n table-width values at every stage of a 6–20-cycle pipeline. ArgyKokk's
      // softmax layers (2–16 outputs, Vitis HLS 2021.1) report 0.8–1.1 FF per such bit.
      pipelineBits: n * tableWidth * depth,
      adderBits: maxTree + (n - 1) * tableWidth + (implementation === 'latency' ? 0 : n * inW),
      inputBits: n * inW,
      accumulatorBits: n * (tableWidth + ctx.result.width),
      bram18k: tableBlocks,
    },
    depth,
    beatInterval: interval,
    tableBits: (n + 1) * tableSize * tableWidth,
  });
}
