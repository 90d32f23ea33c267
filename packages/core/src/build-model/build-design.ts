import { findDevice, type Device } from '../boards.js';
import { activationGroup, hasWeights, layerFamily } from '../layers.js';
import { DEFAULT_PRECISION, type Precision } from '../precision.js';
import type { HlsConfig, Layer, Strategy } from '../schema.js';
import { product } from '../keras/shape-rules.js';
import { multSize, type MultSize } from './mult-size.js';
import { bram18kForRom, estimateProduct, type Confidence, type ProductKind } from './operand-widths.js';
import { resolveReuseFactor, type ReuseFactorResolution } from './reuse-factor.js';

/** What hls4ml will build for one layer, from its rules alone. */
export interface LayerBuild {
  readonly name: string;
  readonly kind: Layer['kind'];
  readonly strategy: Strategy;
  readonly mult?: MultSize;
  readonly reuse?: ReuseFactorResolution;
  /** Multiplications per clock of one matrix product: ceil(n_in·n_out / RF). */
  readonly blockFactor: number;
  /** Multiplications the layer performs for one inference. */
  readonly totalMults: number;
  /** Hardware multipliers instantiated (after zero weights for Latency). */
  readonly multipliers: number;
  readonly product: ProductKind | 'none';
  readonly expectedDsp: number;
  readonly dspConfidence: Confidence;
  readonly weightWidth: number;
  readonly inputWidth: number;
  readonly resultWidth: number;
  /** Bits of weights and biases the layer stores. */
  readonly weightBits: number;
  /** Resource-strategy weight ROM: word width × depth and its 18 Kb blocks. */
  readonly weightRom?: { readonly wordBits: number; readonly depth: number; readonly bram18k: number };
  /** io_stream: bits buffered in the layer's output FIFO at hls4ml's default depth. */
  readonly fifoBits: number;
  /** io_stream convolution: line-buffer bits ((k_h−1) rows of the input). */
  readonly lineBufferBits: number;
  /** Activation lookup tables (sigmoid, tanh, softmax exp/inv). */
  readonly tableBits: number;
  readonly cycles: number;
  readonly interval: number;
  readonly notes: readonly string[];
}

export interface DesignBuild {
  /** The catalogued device of the config's part, undefined for an unknown part. */
  readonly device: Device | undefined;
  readonly layers: readonly LayerBuild[];
  /** hls4ml's top-level style: one pipelined function, or a DATAFLOW region of layer functions. */
  readonly topology: 'pipeline' | 'dataflow';
  readonly cycles: number;
  readonly interval: number;
  readonly totals: {
    readonly mults: number;
    readonly multipliers: number;
    readonly expectedDsp: number;
    readonly weightBits: number;
    readonly weightBram18k: number;
    readonly fifoBits: number;
    readonly lineBufferBits: number;
    readonly tableBits: number;
    readonly maxReuseFactor: number;
    /** Σ applied reuse factors of the weight layers, and how many of them hls4ml moved off the requested value. */
    readonly sumReuseFactor: number;
    readonly adjustedReuseFactors: number;
    /** Multipliers by where their products land. */
    readonly lutMultipliers: number;
    readonly freeMultipliers: number;
    /** Σ multipliers × weight bits × input bits, for LUT and for DSP products. */
    readonly lutProductBits: number;
    readonly dspProductBits: number;
    /** Σ multipliers × (weight bits + input bits): the operand bits registers and adders carry. */
    readonly multiplierOperandBits: number;
  };
  readonly notes: readonly string[];
}

export interface BuildOptions {
  /** Known count of zero weights per layer name (pruning). */
  readonly zeroWeights?: Readonly<Record<string, number>>;
  readonly tableSize?: number;
}

const TABLE_WIDTH = 18;

/**
 * Applies hls4ml's rules (see ../shared/HLS4ML_PRIMER.md) to a configured network: per-layer
 * applied reuse factor, multipliers, expected DSPs, storage, cycles and II, and the design
 * totals. Pure and deterministic: features, baselines and `hlsest explain` all call this.
 */
export function buildDesign(layers: readonly Layer[], config: HlsConfig, options: BuildOptions = {}): DesignBuild {
  const device = findDevice(config.part);
  const resultWidths = new Map<string, Precision>();
  const builds: LayerBuild[] = [];
  for (const layer of layers) {
    const input = firstKnown(layer.inbound, resultWidths) ?? layer.precision?.result ?? config.precision;
    const result = layer.precision?.result ?? config.precision;
    resultWidths.set(layer.name, hasWeights(layer.kind) || layer.kind === 'activation' || layer.kind === 'input' ? result : input);
    builds.push(buildLayer(layer, config, device, input, result, options));
  }
  return summarize(layers, builds, config, device);
}

function firstKnown(names: readonly string[], known: ReadonlyMap<string, Precision>): Precision | undefined {
  for (const name of names) {
    const precision = known.get(name);
    if (precision) return precision;
  }
  return undefined;
}

function buildLayer(layer: Layer, config: HlsConfig, device: Device | undefined, input: Precision, result: Precision, options: BuildOptions): LayerBuild {
  const strategy = layer.strategy ?? config.strategy;
  const requested = layer.reuseFactor ?? config.reuseFactor;
  const weight = layer.precision?.weight ?? config.precision ?? DEFAULT_PRECISION;
  const stream = config.ioType === 'io_stream';
  const outputValues = product(layer.outputShape);
  const lastDim = layer.outputShape[layer.outputShape.length - 1] ?? 1;
  const fifoBits = stream && layer.kind !== 'input' ? outputValues * result.width : 0;
  const tableBits = activationTableBits(layer, options.tableSize ?? 1024);
  const mult = multSize(layer);
  // Every build is one object literal of one shape (optional fields present as undefined): sweeps
  // build every layer of thousands of configurations, and V8 reads uniform objects fastest.
  if (!mult) {
    const { cycles, interval } = passiveTiming(layer, stream, outputValues / lastDim);
    return {
      name: layer.name,
      kind: layer.kind,
      strategy,
      mult: undefined,
      reuse: undefined,
      blockFactor: 0,
      totalMults: batchnormMults(layer),
      multipliers: 0,
      product: 'none',
      expectedDsp: 0,
      dspConfidence: 'uncertain',
      weightWidth: weight.width,
      inputWidth: input.width,
      resultWidth: result.width,
      weightBits: layer.params * weight.width,
      weightRom: undefined,
      fifoBits,
      lineBufferBits: 0,
      tableBits,
      cycles,
      interval,
      notes: layer.kind === 'other' ? [`class ${layer.className} is not modelled by the build rules`] : [],
    };
  }

  const reuse: ReuseFactorResolution = layer.reuseFactorKind === 'applied'
    ? { requested, applied: requested, validated: false }
    : resolveReuseFactor(mult.nIn, mult.nOut, requested, strategy);
  const rf = reuse.applied;
  let perApplication = mult.nIn * mult.nOut;
  let blockFactor = Math.ceil(perApplication / rf);
  for (const p of mult.extra) {
    perApplication += p.nIn * p.nOut;
    blockFactor += Math.ceil((p.nIn * p.nOut) / rf);
  }
  const zeros = options.zeroWeights?.[layer.name] ?? 0;
  const family = layerFamily(layer.kind);
  const convolution = family === 'conv1d' || family === 'conv2d';
  // Latency: ALLOCATION caps multipliers at ceil(n_in·n_out/RF) − floor(n_zeros/RF); io_parallel
  // convolutions compute ParallelizationFactor (default 1) pixels per step.
  const multipliers = strategy === 'latency' ? Math.max(0, blockFactor - Math.floor(zeros / rf)) : blockFactor;
  const estimate = estimateProduct(weight, input, device);
  const biasCount = Math.max(0, layer.params - perApplication);
  const kernel = layer.kernelSize;
  const lineBufferBits = !stream || !convolution || !kernel
    ? 0
    : kernel.length === 2
      ? (kernel[0]! - 1) * (layer.inputShape[1] ?? 1) * (layer.inputShape[2] ?? 1) * input.width
      : (kernel[0]! - 1) * (layer.inputShape[1] ?? 1) * input.width;
  const { cycles, interval } = weightTiming(layer, strategy, stream, convolution, mult, rf);
  return {
    name: layer.name,
    kind: layer.kind,
    strategy,
    mult,
    reuse,
    blockFactor,
    totalMults: perApplication * mult.applications,
    multipliers,
    product: estimate.kind,
    expectedDsp: multipliers * estimate.dspPerMultiplier,
    dspConfidence: estimate.kind === 'dsp' && strategy !== 'resource' ? 'likely' : estimate.confidence,
    weightWidth: weight.width,
    inputWidth: input.width,
    resultWidth: result.width,
    weightBits: perApplication * weight.width + biasCount * (layer.precision?.bias ?? weight).width,
    weightRom: strategy !== 'latency' && rf > 1
      ? { wordBits: blockFactor * weight.width, depth: rf, bram18k: bram18kForRom(blockFactor * weight.width, rf) }
      : undefined,
    fifoBits,
    lineBufferBits,
    tableBits,
    cycles,
    interval,
    notes: reuse.note ? [reuse.note, estimate.reason] : [estimate.reason],
  };
}

/**
 * Cycles and II of a weight layer (primer §5): Resource dense ≈ RF + 3 at II = RF; Latency
 * dense = multiplier stage + adder tree ≈ log2(n_in) + 1 at II = RF; io_stream convolution
 * walks every (padded) input pixel at II = RF; io_parallel convolution does one im2col step per
 * output pixel (ParallelizationFactor 1) at II = RF.
 */
function weightTiming(layer: Layer, strategy: Strategy, stream: boolean, convolution: boolean, mult: MultSize, rf: number) {
  const adderTree = Math.ceil(Math.log2(Math.max(2, mult.nIn)));
  const step = strategy === 'latency' ? Math.max(rf, adderTree + 1) : rf + 3;
  if (convolution) {
    const pixels = stream ? paddedInputPixels(layer) : mult.applications;
    const perPixel = strategy === 'latency' ? rf : rf + (stream ? 0 : 1);
    const cycles = pixels * perPixel + adderTree + 2;
    return { cycles, interval: stream ? cycles : pixels * perPixel };
  }
  if (layer.kind === 'recurrent') {
    const cycles = mult.applications * step;
    return { cycles, interval: cycles };
  }
  const cycles = mult.applications * step;
  return { cycles, interval: mult.applications * rf };
}

function paddedInputPixels(layer: Layer): number {
  const spatial = layer.inputShape.slice(0, -1);
  if (layer.padding !== 'same' || !layer.kernelSize) return product(spatial);
  return product(spatial.map((size, axis) => size + (layer.kernelSize![axis] ?? 1) - 1));
}

/** Layers without weights: one pass over their elements when streaming, a short pipeline otherwise. */
function passiveTiming(layer: Layer, stream: boolean, beats: number) {
  const family = layerFamily(layer.kind);
  if (family === 'shape') return { cycles: 0, interval: stream && layer.kind !== 'input' ? beats : 1 };
  const group = activationGroup(layer.activation);
  const n = layer.outputShape[layer.outputShape.length - 1] ?? 1;
  const depth = group === 'softmax' ? Math.ceil(Math.log2(Math.max(2, n))) * 2 + 6 : family === 'pooling' ? Math.ceil(Math.log2(Math.max(2, product(layer.poolSize ?? [2])))) + 1 : 2;
  if (stream) return { cycles: beats + depth, interval: beats };
  return { cycles: depth, interval: 1 };
}

function batchnormMults(layer: Layer): number {
  return layer.kind === 'batchnorm' ? product(layer.outputShape) : 0;
}

function activationTableBits(layer: Layer, tableSize: number): number {
  const group = activationGroup(layer.activation);
  if (layer.kind !== 'activation' && !hasWeights(layer.kind)) return 0;
  if (group === 'sigmoid' || group === 'tanh' || group === 'elu') return tableSize * TABLE_WIDTH;
  if (group === 'softmax') return 2 * tableSize * TABLE_WIDTH;
  return 0;
}

function summarize(layers: readonly Layer[], builds: LayerBuild[], config: HlsConfig, device: Device | undefined): DesignBuild {
  const stream = config.ioType === 'io_stream';
  // One pass: sweeps summarize every configuration, so no per-total array walks.
  let anyResource = false;
  let mults = 0;
  let multipliers = 0;
  let expectedDsp = 0;
  let weightBits = 0;
  let weightBram18k = 0;
  let fifoBits = 0;
  let lineBufferBits = 0;
  let tableBits = 0;
  let maxReuseFactor = 1;
  let sumReuseFactor = 0;
  let adjustedReuseFactors = 0;
  let lutMultipliers = 0;
  let freeMultipliers = 0;
  let lutProductBits = 0;
  let dspProductBits = 0;
  let multiplierOperandBits = 0;
  let interval = 1;
  let sumCycles = 0;
  let maxCycles = -Infinity;
  let timedStages = 0;
  let anyConv = false;
  let unmodelled = 0;
  for (const b of builds) {
    if (b.mult && b.strategy !== 'latency') anyResource = true;
    const family = layerFamily(b.kind);
    if (family === 'conv1d' || family === 'conv2d') anyConv = true;
    if (b.kind === 'other') unmodelled++;
    mults += b.totalMults;
    multipliers += b.multipliers;
    expectedDsp += b.expectedDsp;
    weightBits += b.weightBits;
    weightBram18k += b.weightRom?.bram18k ?? 0;
    fifoBits += b.fifoBits;
    lineBufferBits += b.lineBufferBits;
    tableBits += b.tableBits;
    if (b.reuse) {
      maxReuseFactor = Math.max(maxReuseFactor, b.reuse.applied);
      if (b.mult) {
        sumReuseFactor += b.reuse.applied;
        if (b.reuse.applied !== b.reuse.requested) adjustedReuseFactors++;
      }
    }
    const productBits = b.multipliers * b.weightWidth * b.inputWidth;
    if (b.product === 'lut') {
      lutMultipliers += b.multipliers;
      lutProductBits += productBits;
    } else if (b.product === 'dsp') dspProductBits += productBits;
    else if (b.product !== 'none') freeMultipliers += b.multipliers;
    multiplierOperandBits += b.multipliers * (b.weightWidth + b.inputWidth);
    interval = Math.max(interval, b.interval);
    sumCycles += b.cycles;
    maxCycles = Math.max(maxCycles, b.cycles);
    if (b.cycles > 0) timedStages++;
  }
  const topology = stream || anyResource || anyConv ? 'dataflow' : 'pipeline';
  // Streaming stages overlap, so the slowest stage dominates; elsewhere layers run one after another.
  // A DATAFLOW region starts its first stage one cycle early (checked on wa-hls4ml: Σ(RF+3) − 1).
  const cycles = stream ? maxCycles + timedStages * 2 : sumCycles - (topology === 'dataflow' && sumCycles > 0 ? 1 : 0);
  const notes: string[] = [];
  if (unmodelled) notes.push(`not modelled: ${[...new Set(layers.filter((l) => l.kind === 'other').map((l) => l.className))].join(', ')}`);
  return {
    device,
    layers: builds,
    topology,
    cycles,
    interval,
    totals: {
      mults,
      multipliers,
      expectedDsp,
      weightBits,
      weightBram18k,
      fifoBits,
      lineBufferBits,
      tableBits,
      maxReuseFactor,
      sumReuseFactor,
      adjustedReuseFactors,
      lutMultipliers,
      freeMultipliers,
      lutProductBits,
      dspProductBits,
      multiplierOperandBits,
    },
    notes,
  };
}
