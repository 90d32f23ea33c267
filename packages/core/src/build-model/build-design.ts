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
    const input = layer.inbound.map((name) => resultWidths.get(name)).find(Boolean) ?? layer.precision?.result ?? config.precision;
    const result = layer.kind === 'input' ? (layer.precision?.result ?? config.precision) : (layer.precision?.result ?? config.precision);
    resultWidths.set(layer.name, hasWeights(layer.kind) || layer.kind === 'activation' || layer.kind === 'input' ? result : input);
    builds.push(buildLayer(layer, config, device, input, result, options));
  }
  return summarize(layers, builds, config, device);
}

function buildLayer(layer: Layer, config: HlsConfig, device: Device | undefined, input: Precision, result: Precision, options: BuildOptions): LayerBuild {
  const strategy = layer.strategy ?? config.strategy;
  const requested = layer.reuseFactor ?? config.reuseFactor;
  const weight = layer.precision?.weight ?? config.precision ?? DEFAULT_PRECISION;
  const notes: string[] = [];
  const stream = config.ioType === 'io_stream';
  const outputValues = product(layer.outputShape);
  const lastDim = layer.outputShape[layer.outputShape.length - 1] ?? 1;
  const fifoBits = stream && layer.kind !== 'input' ? outputValues * result.width : 0;
  const tableBits = activationTableBits(layer, options.tableSize ?? 1024);
  // Object.assign onto one literal, not spreads: V8 builds a spread of this size ~100× slower,
  // and sweeps build every layer of thousands of configurations.
  const common = { name: layer.name, kind: layer.kind, strategy, weightWidth: weight.width, inputWidth: input.width, resultWidth: result.width, fifoBits, tableBits };
  const mult = multSize(layer);
  if (!mult) {
    const { cycles, interval } = passiveTiming(layer, stream, outputValues / lastDim);
    if (layer.kind === 'other') notes.push(`class ${layer.className} is not modelled by the build rules`);
    const passive = { blockFactor: 0, totalMults: batchnormMults(layer), multipliers: 0, product: 'none' as const, expectedDsp: 0, dspConfidence: 'uncertain' as const };
    return Object.assign(common, passive, { weightBits: layer.params * weight.width, lineBufferBits: 0, cycles, interval, notes });
  }

  const reuse: ReuseFactorResolution = layer.reuseFactorKind === 'applied'
    ? { requested, applied: requested, validated: false }
    : resolveReuseFactor(mult.nIn, mult.nOut, requested, strategy);
  if (reuse.note) notes.push(reuse.note);
  const rf = reuse.applied;
  const products = [{ nIn: mult.nIn, nOut: mult.nOut }, ...mult.extra];
  const perApplication = products.reduce((sum, p) => sum + p.nIn * p.nOut, 0);
  const blockFactor = products.reduce((sum, p) => sum + Math.ceil((p.nIn * p.nOut) / rf), 0);
  const zeros = options.zeroWeights?.[layer.name] ?? 0;
  const convolution = layerFamily(layer.kind) === 'conv1d' || layerFamily(layer.kind) === 'conv2d';
  // Latency: ALLOCATION caps multipliers at ceil(n_in·n_out/RF) − floor(n_zeros/RF); io_parallel
  // convolutions compute ParallelizationFactor (default 1) pixels per step.
  const multipliers = strategy === 'latency' ? Math.max(0, blockFactor - Math.floor(zeros / rf)) : blockFactor;
  const estimate = estimateProduct(weight, input, device);
  const expectedDsp = multipliers * estimate.dspPerMultiplier;
  const dspConfidence: Confidence = estimate.kind === 'dsp' && strategy !== 'resource' ? 'likely' : estimate.confidence;
  const weightCount = products.reduce((sum, p) => sum + p.nIn * p.nOut, 0);
  const biasCount = Math.max(0, layer.params - weightCount);
  const weightBits = weightCount * weight.width + biasCount * (layer.precision?.bias ?? weight).width;
  const weightRom = strategy !== 'latency' && rf > 1
    ? { wordBits: blockFactor * weight.width, depth: rf, bram18k: bram18kForRom(blockFactor * weight.width, rf) }
    : undefined;
  const lineBufferBits = stream && convolution && layer.kernelSize && layer.kernelSize.length === 2
    ? (layer.kernelSize[0]! - 1) * (layer.inputShape[1] ?? 1) * (layer.inputShape[2] ?? 1) * input.width
    : stream && convolution && layer.kernelSize
      ? (layer.kernelSize[0]! - 1) * (layer.inputShape[1] ?? 1) * input.width
      : 0;
  const { cycles, interval } = weightTiming(layer, strategy, stream, convolution, mult, rf);
  notes.push(estimate.reason);
  const weighted = { mult, reuse, blockFactor, totalMults: perApplication * mult.applications, multipliers, product: estimate.kind, expectedDsp, dspConfidence };
  return Object.assign(common, weighted, { weightBits, lineBufferBits, cycles, interval, notes }, weightRom ? { weightRom } : {});

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
  const anyResource = builds.some((b) => b.mult && b.strategy !== 'latency');
  const anyConv = layers.some((l) => layerFamily(l.kind) === 'conv1d' || layerFamily(l.kind) === 'conv2d');
  const stream = config.ioType === 'io_stream';
  const topology = stream || anyResource || anyConv ? 'dataflow' : 'pipeline';
  const sum = (pick: (b: LayerBuild) => number) => builds.reduce((acc, b) => acc + pick(b), 0);
  const interval = Math.max(1, ...builds.map((b) => b.interval));
  // Streaming stages overlap, so the slowest stage dominates; elsewhere layers run one after another.
  // A DATAFLOW region starts its first stage one cycle early (checked on wa-hls4ml: Σ(RF+3) − 1).
  const cycles = stream
    ? Math.max(...builds.map((b) => b.cycles)) + builds.filter((b) => b.cycles > 0).length * 2
    : sum((b) => b.cycles) - (topology === 'dataflow' && sum((b) => b.cycles) > 0 ? 1 : 0);
  const notes: string[] = [];
  const unknown = layers.filter((l) => l.kind === 'other').map((l) => l.className);
  if (unknown.length) notes.push(`not modelled: ${[...new Set(unknown)].join(', ')}`);
  return {
    device,
    layers: builds,
    topology,
    cycles,
    interval,
    totals: {
      mults: sum((b) => b.totalMults),
      multipliers: sum((b) => b.multipliers),
      expectedDsp: sum((b) => b.expectedDsp),
      weightBits: sum((b) => b.weightBits),
      weightBram18k: sum((b) => b.weightRom?.bram18k ?? 0),
      fifoBits: sum((b) => b.fifoBits),
      lineBufferBits: sum((b) => b.lineBufferBits),
      tableBits: sum((b) => b.tableBits),
      maxReuseFactor: Math.max(1, ...builds.map((b) => b.reuse?.applied ?? 0)),
    },
    notes,
  };
}
