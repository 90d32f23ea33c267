import { feasibilityNotes } from './feasibility.js';
import { findDevice, type Device } from '../boards.js';
import { layerRule, type LayerKind } from '../layer-kinds/index.js';
import { hasWeights, layerFamily } from '../layers.js';
import { DEFAULT_PRECISION, fixed, type Precision } from '../precision.js';
import { product } from '../keras/shape-helpers.js';
import type { HlsConfig, Layer, Toolchain } from '../schema.js';
import type { BuildContext } from './build-context.js';
import { optimizedGraph } from './hls4ml-graph.js';
import { inferAutoTypes } from './infer-precision.js';
import { streamBeats } from './passive-layer.js';
import { hls4mlRules, type Hls4mlRules } from './hls4ml-versions.js';
import { NO_OPERATORS, type HlsResources, type LayerBuild } from './layer-build.js';
import { elementwiseCycles, priceOperators, synthTransferOf, toolProfile, type ToolProfile } from './tool-profiles.js';

export type { LayerBuild } from './layer-build.js';

export interface DesignBuild {
  /** The catalogued device of the config's part, undefined for an unknown part. */
  readonly device: Device | undefined;
  /** One build per node of hls4ml's graph (activations split off, folded layers gone). */
  readonly layers: readonly LayerBuild[];
  /** hls4ml's top-level style: one pipelined function, or a DATAFLOW region of layer functions. */
  readonly topology: 'pipeline' | 'dataflow';
  readonly cycles: number;
  readonly interval: number;
  /** The whole design's C-synthesis estimate by the rules: Σ layers' operators priced by the tool profile. */
  readonly hls: HlsResources;
  /** Post-synthesis estimate by the rules: the C-synthesis account through the tool's fitted transfer. */
  readonly synth: HlsResources;
  /** The rule tables used: hls4ml minor version and HLS tool group. */
  readonly versions: { readonly hls4ml: Hls4mlRules['version']; readonly tool: ToolProfile['group'] };
  readonly totals: {
    readonly mults: number;
    readonly multipliers: number;
    /** Multipliers there would be with no zero weight: pruning's saving is the difference. */
    readonly multipliersDense: number;
    readonly expectedDsp: number;
    readonly weightBits: number;
    /** Blocks of the weight ROMs synthesis may move (copies it keeps, `weightRom.keptBySynthesis`, pass through). */
    readonly weightBram18k: number;
    /** Blocks of Resource kernels' index tables (`LayerBuild.indexRam`). */
    readonly indexBram18k: number;
    /** Bits of the weight ROMs C-synthesis binds to BRAM (what the BRAM transfer may move to LUTs). */
    readonly romBitsInBram: number;
    readonly fifoBits: number;
    readonly lineBufferBits: number;
    /** C-synthesis LUTs priced for the convolutions' and poolings' line buffers (`LayerBuild.shiftRegister`). */
    readonly shiftRegisterLut: number;
    /** The LUTs synthesis builds those line buffers from (`shiftRegisterLuts`). */
    readonly shiftRegisterSynthLut: number;
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
    /** Bits a pipelined top registers between its inlined layers (their outputs); 0 in a DATAFLOW design. */
    readonly topRegisterBits: number;
    /** io_parallel: bits the design's outputs write to the top function's port (priced by the top's `portBits`). */
    readonly outputPortBits: number;
  };
  readonly notes: readonly string[];
}

export interface BuildOptions {
  /** Which hls4ml and HLS tool to build for; the newest when absent. */
  readonly toolchain?: Toolchain;
  /** A tool profile to use instead of the toolchain's (fitting the profiles' constants). */
  readonly profile?: ToolProfile;
}

/** hls4ml's default lookup-table type (`table_t`, `fpga_backend.py`). */
const DEFAULT_TABLE: Precision = fixed(18, 8);

/** Kinds besides weight layers whose output takes its own configured type (`buildDesign`). */
const OWN_RESULT_TYPE: ReadonlySet<LayerKind> = new Set(['activation', 'input', 'batchnorm', 'merge', 'pooling1d', 'pooling2d', 'global_pooling1d', 'global_pooling2d']);

/**
 * Applies hls4ml's rules (see ../shared/HLS4ML_PRIMER.md) to a configured network: hls4ml's
 * graph after its optimizer passes, then one build per node from its kind's rule (reuse factor,
 * multipliers, storage, operators priced by the HLS tool's profile, cycles and II), and the
 * design's totals and top-level schedule. Pure and deterministic: features, baselines and
 * `hlsest explain` all call this.
 */
export function buildDesign(layers: readonly Layer[], config: HlsConfig, options: BuildOptions = {}): DesignBuild {
  const device = findDevice(config.part);
  const rules = hls4mlRules(options.toolchain?.hls4mlVersion);
  const tool = options.profile ?? toolProfile(options.toolchain);
  const graph = optimizedGraph(layers, rules, config.ioType === 'io_stream');
  const resultOf = new Map<string, Precision>();
  const beatsOf = new Map<string, number>();
  const stream = config.ioType === 'io_stream';
  const builds: LayerBuild[] = [];
  const consumed = new Set(graph.layers.flatMap((l) => l.inbound));
  const ports = new Set(graph.layers.filter((l) => l.kind === 'input').map((l) => l.name));
  const elementwise = elementwiseCycles(tool, config.clockPeriodNs);
  for (const layer of graph.layers) {
    const inputs = knownOf(layer.inbound, resultOf);
    const input = inputs[0] ?? layer.precision?.result ?? config.precision;
    const inferred = inferAutoTypes(layer, inputs.length ? inputs : [input], config.precision);
    const inputBeats = firstKnown(layer.inbound, beatsOf) ?? streamBeats(layer.inputShape);
    // io_stream Flatten works in place (hls4ml `inplace_stream_flatten`): its stream is its producer's.
    beatsOf.set(layer.name, layer.kind === 'flatten' ? inputBeats : streamBeats(layer.outputShape));
    // Weight layers, activations and pooling produce their configured type (pooling's
    // `add_output_variable` asks the config for `result`, hls4ml/model/layers.py, v0.8–v1.x; only
    // an `auto` one is inferred from the input); the rest pass theirs through (ZeroPadding2D and
    // Resize hand `inp.type.precision` on).
    const own = hasWeights(layer.kind) || OWN_RESULT_TYPE.has(layer.kind);
    const result = inferred.result ?? (own ? (layer.precision?.result ?? config.precision) : input);
    resultOf.set(layer.name, result);
    const weight = layer.precision?.weight ?? config.precision ?? DEFAULT_PRECISION;
    const ctx: BuildContext = {
      config,
      device,
      hls4ml: rules,
      tool,
      stream,
      inputBeats,
      readsPort: !stream && layer.inbound.some((name) => ports.has(name)),
      elementwiseCycles: elementwise,
      input,
      result,
      weight,
      bias: layer.precision?.bias ?? weight,
      accum: inferred.accum ?? layer.precision?.accum ?? config.precision,
      table: layer.precision?.table ?? DEFAULT_TABLE,
    };
    const build = layerRule(layer.kind).build(layer, ctx);
    const output = layer.kind !== 'input' && !consumed.has(layer.name);
    if (stream) {
      // A design output streams into the top function's port, not into a FIFO of its own.
      builds.push(build.fifo && output ? { ...build, fifoBits: 0, fifo: undefined } : build);
    } else {
      builds.push(ctx.readsPort || output ? { ...build, ...(ctx.readsPort && { readsPort: true }), ...(output && { writesPort: true }) } : build);
    }
  }
  return summarize(builds, config, device, rules, tool, graph.notes, synthTransferOf(tool, options.toolchain));
}

function knownOf<T>(names: readonly string[], known: ReadonlyMap<string, T>): T[] {
  const out: T[] = [];
  for (const name of names) {
    const value = known.get(name);
    if (value !== undefined) out.push(value);
  }
  return out;
}

function firstKnown<T>(names: readonly string[], known: ReadonlyMap<string, T>): T | undefined {
  for (const name of names) {
    const value = known.get(name);
    if (value !== undefined) return value;
  }
  return undefined;
}

function summarize(builds: LayerBuild[], config: HlsConfig, device: Device | undefined, rules: Hls4mlRules, tool: ToolProfile, graphNotes: readonly string[], transfer: ToolProfile['synthTransfer']): DesignBuild {
  const stream = config.ioType === 'io_stream';
  // One pass: sweeps summarize every configuration, so no per-total array walks.
  let anyResource = false;
  let anyConv = false;
  let mults = 0;
  let multipliers = 0;
  let multipliersDense = 0;
  let expectedDsp = 0;
  let weightBits = 0;
  let weightBram18k = 0;
  let indexBram18k = 0;
  let romBitsInBram = 0;
  let fifoBits = 0;
  let lineBufferBits = 0;
  let shiftRegisterLut = 0;
  let shiftRegisterSynthLut = 0;
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
  let maxCycles = 0;
  let timedStages = 0;
  let calls = 0;
  let shallowFifoBram18k = 0;
  let shallowFifoSynthLut = 0;
  let singleStepKernels = 0;
  let bram18k = 0;
  let dsp = 0;
  let ff = 0;
  let lut = 0;
  let outputBits = 0;
  let outputPortBits = 0;
  const unmodelled = new Set<string>();
  for (const b of builds) {
    if (b.mult && b.strategy === 'resource') anyResource = true;
    const family = layerFamily(b.kind);
    if (family === 'conv1d' || family === 'conv2d') anyConv = true;
    if (b.kind === 'other') unmodelled.add(b.className);
    mults += b.totalMults;
    multipliers += b.multipliers;
    multipliersDense += b.multipliersDense;
    expectedDsp += b.expectedDsp;
    weightBits += b.weightBits;
    if (b.weightRom && !b.weightRom.keptBySynthesis) {
      weightBram18k += b.weightRom.bram18k;
      if (b.weightRom.bram18k > 0) romBitsInBram += b.weightRom.wordBits * b.weightRom.depth;
    }
    indexBram18k += b.indexRam?.bram18k ?? 0;
    fifoBits += b.fifoBits;
    lineBufferBits += b.lineBufferBits;
    if (b.shiftRegister) {
      shiftRegisterLut += tool.lut[b.priceClass].lutramBits * b.shiftRegister.bits;
      shiftRegisterSynthLut += shiftRegisterLuts(b.shiftRegister);
    }
    tableBits += b.tableBits;
    if (b.reuse) {
      maxReuseFactor = Math.max(maxReuseFactor, b.reuse.applied);
      sumReuseFactor += b.reuse.applied;
      if (b.reuse.applied !== b.reuse.requested) adjustedReuseFactors++;
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
    // A streamed stage without weights that fits in the clock hands each beat straight on: no
    // fill of its own (Vitis HLS 2024.1's io_stream tests: Dense + ReLU 2 cycles, + ELU 4).
    if (b.cycles > 0 && !(b.priceClass === 'streamed' && b.cycles <= b.interval)) timedStages++;
    if (b.kind !== 'input' && family !== 'shape') calls++;
    if (b.mult && b.reuse?.applied === 1) singleStepKernels++;
    bram18k += b.hls.bram18k;
    dsp += b.hls.dsp;
    ff += b.hls.ff;
    lut += b.hls.lut;
    const bits = product(b.outputShape) * b.resultWidth;
    if (family !== 'shape') outputBits += bits;
    if (b.writesPort) outputPortBits += bits;
    if (b.fifo) {
      // FIFOs are the top function's own lines in the report, priced by the top's costs.
      const priced = priceOperators({ ...NO_OPERATORS, bram18k: b.fifo.bram18k, lutramBits: b.fifo.lutramBits }, tool, 'top');
      bram18k += priced.bram18k;
      ff += priced.ff;
      lut += priced.lut;
      if (priced.bram18k > 0 && b.fifo.depth <= tool.lutramFifoDepth) {
        shallowFifoBram18k += priced.bram18k;
        shallowFifoSynthLut += lutramLuts(b.fifo.widthBits, b.fifo.depth);
      }
    }
  }
  const topology = stream ? 'dataflow' : parallelTopology(rules, config, anyResource, anyConv);
  // A pipelined top (every layer inlined) registers each layer's output between the calls: the
  // reports' "Register" line, 0.63–0.98 FF per output bit in ArgyKokk's 36 designs (design total
  // minus its layers), 0.80 in the hls4ml tutorial's jet tagger (Vivado HLS 2019.2). A single
  // timed layer has no call to wait for: hls4ml's one-layer tests report 18 FFs in all.
  const topRegisterBits = topology === 'pipeline' && timedStages >= 2 ? outputBits : 0;
  ff += Math.round(tool.ff.top.pipelineBits * topRegisterBits);
  // No layer prices the design's outputs (a layer prices what it reads): the top function's port
  // does. Without it the flat rows' LUT residual climbed with the last layer's width, from −13 %
  // at 8 outputs to +8 % at 112.
  ff += Math.round(tool.ff.top.portBits * outputPortBits);
  lut += Math.round(tool.lut.top.portBits * outputPortBits);
  const t = tool.timing;
  // Streaming stages overlap, so the slowest stage dominates plus every stage's fill; elsewhere
  // layers run one after another: a DATAFLOW region adds its start-up (checked on wa-hls4ml flat
  // rows: Σ(RF+3) − 1), a pipelined top a register between calls, even to a 0-cycle ReLU, and one
  // more after each kernel it calls at RF 1 (ArgyKokk, Vitis HLS 2021.1: the design minus its
  // instances is calls − 1 at RF 2 and 100, and that plus the kernels at RF 1, exactly in 30 of 36
  // designs; the 6 Breast_cancer ones, whose ApplyAlpha calls seem to take none, 1–2 cycles less).
  const cycles = stream
    ? maxCycles + timedStages * tool.streamOverheadCycles
    : topology === 'pipeline'
      ? sumCycles + Math.max(0, calls - 1) * t.pipelineCyclesPerLayer + singleStepKernels * t.kernelCallCycles
      : sumCycles + (sumCycles > 0 ? t.dataflowCycles : 0);
  const notes = [...graphNotes, ...feasibilityNotes(builds, config)];
  if (unmodelled.size) notes.push(`not modelled: ${[...unmodelled].join(', ')}`);
  // hls4ml reports the `<project>_axi` top for these backends (vivado_report.py `_parse_project_script`);
  // its loops and FIFOs around the model are not priced (a public Vivado HLS 2019.2 CNN: +12 BRAM18K, +4.6k LUTs).
  if (config.backend === 'vivado_accelerator' || config.backend === 'vitis_accelerator') {
    notes.push(`${config.backend === 'vivado_accelerator' ? 'VivadoAccelerator' : 'VitisAccelerator'}: these are the model's numbers; the AXI wrapper hls4ml's report includes (an input FIFO of every input beat in io_stream, a type conversion per value) is not priced`);
  }
  return {
    device,
    layers: builds,
    topology,
    cycles: Math.max(1, cycles),
    interval: stream && !tool.streamOverlap ? Math.max(1, cycles + 1) : Math.min(Math.max(1, interval), Math.max(1, cycles)),
    hls: { bram18k, dsp, ff, lut },
    // The BRAM transfer is what synthesis does to Resource kernels' weight ROMs (the flat rows
    // show Vivado moving them to LUTs), and what leaves BRAM comes back as distributed ROM in the
    // LUTs. FIFOs C-synthesis put in BRAM but shallow enough synthesis rebuilds as LUTRAM
    // (`lutramFifoDepth`); index tables, deeper FIFOs and activation tables stay as C-synthesis
    // bound them, no report showing otherwise. C-synthesis prices a line buffer per bit; synthesis builds
    // it from SRLs and flip-flops (the wa-hls4ml Vitis 2024.2 records with an io_stream Conv2D
    // report 1.8–4.7 times their post-synthesis LUTs in C-synthesis, the others 1.4–2.3).
    synth: {
      bram18k: Math.round(weightBram18k * transfer.bram18k) + bram18k - weightBram18k - shallowFifoBram18k,
      dsp,
      ff: Math.round(ff * transfer.ff),
      lut: Math.round((lut - shiftRegisterLut) * transfer.lut + movedRomBits(romBitsInBram, transfer) * transfer.lutPerMovedRomBit + outputPortBits * transfer.lutPerOutputBit + shiftRegisterSynthLut + shallowFifoSynthLut),
    },
    versions: { hls4ml: rules.version, tool: tool.group },
    totals: {
      mults,
      multipliers,
      multipliersDense,
      expectedDsp,
      weightBits,
      weightBram18k,
      indexBram18k,
      romBitsInBram,
      fifoBits,
      lineBufferBits,
      shiftRegisterLut,
      shiftRegisterSynthLut,
      tableBits,
      maxReuseFactor,
      sumReuseFactor,
      adjustedReuseFactors,
      lutMultipliers,
      freeMultipliers,
      lutProductBits,
      dspProductBits,
      multiplierOperandBits,
      topRegisterBits,
      outputPortBits,
    },
    notes,
  };
}

/**
 * How hls4ml schedules an io_parallel top function (`Hls4mlRules.pipelineStyle`). io_stream is
 * always DATAFLOW here: its timing model is one of overlapping stages.
 */
function parallelTopology(rules: Hls4mlRules, config: HlsConfig, anyResource: boolean, anyConv: boolean): DesignBuild['topology'] {
  switch (rules.pipelineStyle) {
    case 'model-strategy':
      return config.strategy === 'resource' ? 'dataflow' : 'pipeline';
    case 'dataflow-on-request':
      return config.pipelineStyle === 'dataflow' || anyResource || anyConv ? 'dataflow' : 'pipeline';
    case 'auto':
      return config.pipelineStyle ?? (anyResource || anyConv ? 'dataflow' : 'pipeline');
  }
}

/** LUTs of a LUTRAM `depth` words of `widthBits`: RAM64M primitives, 3 data bits and 64 words in 4 LUTs. */
function lutramLuts(widthBits: number, depth: number): number {
  return Math.ceil(widthBits / 3) * 4 * Math.ceil(depth / 64);
}

/**
 * LUTs synthesis builds a line buffer from: each bit lane is a chain `depth` deep, and an SRLC32E
 * (one LUT of 7-series and UltraScale parts, UG474/UG574) holds 32 of its stages; a chain one
 * stage deep is a flip-flop.
 */
export function shiftRegisterLuts(chain: { readonly bits: number; readonly depth: number }): number {
  return chain.depth > 1 ? (chain.bits / chain.depth) * Math.ceil(chain.depth / 32) : 0;
}

/** Weight-ROM bits synthesis moves out of BRAM: the share the tool's BRAM transfer leaves behind. */
export function movedRomBits(romBitsInBram: number, transfer: ToolProfile['synthTransfer']): number {
  return romBitsInBram * Math.max(0, 1 - transfer.bram18k);
}
