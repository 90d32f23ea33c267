import { HlsestError } from '../errors.js';
import { product as shapeProduct } from '../keras/shape-helpers.js';
import { roundsOrSaturates } from '../precision.js';
import type { Layer, Strategy } from '../schema.js';
import type { BuildContext } from './build-context.js';
import type { LayerBuild, Operators } from './layer-build.js';
import type { MultSize } from './mult-size.js';
import { constantMultiplicationShare, kernelSpread, significantBits } from './constant-products.js';
import { bram18kForRom, estimateProduct, type ProductEstimate } from './operand-widths.js';
import { resolveReuseFactor, type ReuseFactorResolution } from './reuse-factor.js';
import { memoryStorage, priceOperators, realProductShare, unrolledDepth, type StrategyClass } from './tool-profiles.js';
import { fifoOf } from './stream.js';

/** Which of hls4ml's backend initializers decides a weight layer's strategy (`vivado_backend.py`). */
export type StrategyRules = 'dense' | 'conv' | 'depthwise' | 'recurrent';

/** How a kind schedules its matrix products: the part of the timing each kind knows itself. */
export interface KernelTiming {
  /** Steps the kernel takes per inference (output pixels, timesteps, partitions) at a per-step II. */
  readonly steps: number;
  /** Cycles of one step beyond the reuse factor's own (line-buffer shifts, partition fill). */
  readonly stepOverhead: number;
}

/**
 * The strategy hls4ml really uses for a weight layer, from the configured one (`init_dense`,
 * `init_conv1d/2d`, `init_sepconv*`, `init_depconv*`, `init_lstm/gru` in `vivado_backend.py`):
 * only Resource (and, from v1.0, resource_unrolled) validate the reuse factor; resource_unrolled
 * at RF 1, or on an io_parallel convolution, falls back to Resource; depthwise and separable
 * layers know Resource and Latency only; distributed arithmetic (v1.2+) requires RF 1.
 */
export function effectiveStrategy(layer: Layer, ctx: BuildContext, rules: StrategyRules, requestedRf: number): { strategy: Strategy; note?: string } {
  const configured = layer.strategy ?? ctx.config.strategy;
  switch (configured) {
    case 'latency':
    case 'resource':
      return { strategy: configured };
    case 'resource_unrolled': {
      if (!ctx.hls4ml.resourceUnrolled || rules === 'depthwise') {
        return { strategy: 'latency', note: `strategy resource_unrolled is unknown to ${rules === 'depthwise' ? 'depthwise and separable layers' : `hls4ml ${ctx.hls4ml.version}`}: hls4ml builds it with the Latency strategy` };
      }
      if (requestedRf === 1) return { strategy: 'resource', note: 'resource_unrolled cannot be combined with reuse factor 1: hls4ml uses Resource instead' };
      if (rules === 'conv' && !ctx.stream) return { strategy: 'resource', note: 'resource_unrolled cannot be combined with io_parallel on a convolution: hls4ml uses Resource instead' };
      return { strategy: 'resource_unrolled' };
    }
    case 'distributed_arithmetic': {
      if (!ctx.hls4ml.distributedArithmetic || rules === 'depthwise' || rules === 'recurrent') {
        return { strategy: 'latency', note: `distributed arithmetic is not available here (hls4ml ${ctx.hls4ml.version}, ${layer.className}): hls4ml builds it with the Latency strategy` };
      }
      if (requestedRf !== 1) {
        throw new HlsestError('HLSEST_BAD_CONFIG', `Layer ${layer.name} has rf = ${requestedRf} != 1, but has strategy = "distributed_arithmetic" (hls4ml refuses this)`, { layer: layer.name });
      }
      return { strategy: 'distributed_arithmetic' };
    }
  }
}

/**
 * One weight layer's build: hls4ml's reuse-factor and strategy rules, the multipliers and where
 * their products land, the weight ROM, an operator inventory priced by the tool profile, and
 * cycles/II from the kernel's step count.
 */
export function buildWeightLayer(layer: Layer, ctx: BuildContext, mult: MultSize, rules: StrategyRules, timing: KernelTiming, extraNotes: readonly string[] = []): LayerBuild {
  const requested = layer.reuseFactor ?? ctx.config.reuseFactor;
  const { strategy, note: strategyNote } = effectiveStrategy(layer, ctx, rules, requested);
  const reuse: ReuseFactorResolution = layer.reuseFactorKind === 'applied'
    ? { requested, applied: requested, validated: false }
    : resolveReuseFactor(mult.nIn, mult.nOut, requested, strategy);
  const rf = reuse.applied;
  let perApplication = mult.products ?? mult.nIn * mult.nOut;
  let blockFactor = Math.ceil(perApplication / rf);
  for (const p of mult.extra) {
    const own = p.ownReuseFactor && layer.reuseFactorKind !== 'applied' ? resolveReuseFactor(p.nIn, p.nOut, requested, strategy).applied : rf;
    perApplication += p.nIn * p.nOut;
    blockFactor += Math.ceil((p.nIn * p.nOut) / own);
  }
  const stats = layer.weights;
  const kernelCount = stats?.count ?? perApplication;
  const zeros = Math.min(stats?.zeros ?? 0, kernelCount);
  // Latency kernels are fully unrolled with constant weights: ALLOCATION caps multipliers at
  // ceil(n_in·n_out/RF) − floor(n_zeros/RF) (core_templates.py `multiplier_limit`, PR #23);
  // resource_unrolled skips zero products too (PR #809); Resource reads weights from a ROM and
  // keeps every multiplier (#566).
  const dropsZeros = strategy === 'latency' || strategy === 'resource_unrolled';
  const multipliers = strategy === 'distributed_arithmetic' ? 0 : dropsZeros ? Math.max(0, blockFactor - Math.floor(zeros / rf)) : blockFactor;

  // Constant weights (Latency kernels) let HLS turn many products into LUT shift-adds, as many as
  // the weights' values allow (`constant-products.ts`: counted from the trained kernel where it is
  // known, else from how many quantization steps its spread spans). Once ALLOCATION shares multipliers over RF > 1 steps,
  // Vivado HLS binds every shared one to a DSP (kebl-cnn: DSP = ceil(n_in·n_out/RF) exactly),
  // while Vitis HLS keeps folding constants and needs no more DSPs than at RF 1 (argykokk-mlp).
  // A Resource kernel at RF 1 reshapes its weights into one ROM word (`nnet_dense_resource.h`,
  // block factor n_in·n_out), which HLS folds like constants: hls4ml's Resource Conv2D test at RF 1
  // keeps 740 and 792 of its 1,536 products on DSPs (Vivado HLS 2020.1, Vitis HLS 2024.1).
  // A kernel with more weights than `BramFactor` reads them from a top-level BRAM port
  // (`register_bram_weights`, `BramWeightVariableConverter`): data, not constants, stored outside.
  const onPort = ctx.config.bramFactor !== undefined && perApplication > ctx.config.bramFactor;
  const constant = !onPort && (strategy === 'latency' || ((strategy === 'resource' || strategy === 'resource_unrolled') && rf === 1));
  // Vitis 2023+ builds the multipliers a Latency kernel shares over RF > 1 steps for the different
  // weight each is fed at every step: their operands are variables.
  const sharedOperands = strategy === 'latency' && rf > 1 && ctx.tool.sharedOperandsVariable;
  const product = strategy === 'distributed_arithmetic' ? { kind: 'shift' as const, dspPerMultiplier: 0, confidence: 'likely' as const, reason: 'distributed arithmetic: shift-and-add trees, no multiplier' } : variableProduct(constant && !sharedOperands, estimateProduct(ctx.weight, ctx.input, ctx.device), ctx);
  const nonzero = Math.max(0, kernelCount - zeros);
  const shiftShare = constant && stats?.powersOfTwo !== undefined && nonzero > 0 ? Math.min(1, stats.powersOfTwo / nonzero) : 0;
  const shared = constant && rf > 1 && ctx.tool.sharedProductsOnDsp;
  const nonzeroProducts = Math.max(0, perApplication - zeros);
  const dspMultipliers = product.kind !== 'dsp' ? 0 : !constant || shared ? multipliers : Math.min(multipliers, Math.round(nonzeroProducts * multiplicationShareOf(layer, mult, ctx, nonzero, shiftShare)));
  const expectedDsp = dspMultipliers * product.dspPerMultiplier;
  // Vitis HLS keeps folding constants at RF > 1: each weight's product stays its own LUT logic
  // (ArgyKokk's six MLPs at RF 100 keep 65–100 % of their RF 1 LUTs; the wa-hls4ml Vitis 2024.2
  // Latency records at RF 32–64 report 4–10× the LUTs of ceil(n/RF) shared multipliers).
  const productsInLuts = constant && !ctx.tool.sharedProductsOnDsp ? nonzeroProducts : Math.min(multipliers, nonzeroProducts);
  const lutMultipliers = product.kind === 'lut' || product.kind === 'dsp' ? Math.max(0, productsInLuts - dspMultipliers) : 0;

  const weightWidth = ctx.weight.width;
  const inputWidth = ctx.input.width;
  const accumWidth = ctx.accum.width;
  const biasCount = Math.max(0, layer.params - perApplication);
  const weightBits = perApplication * weightWidth + biasCount * ctx.bias.width;
  const folded = strategy !== 'latency' && strategy !== 'distributed_arithmetic';
  // io_parallel convolutions run their own im2col loops (conv_*d_resource_cl), depthwise ones a
  // kernel indexed by n_out: the index table and weight copies are the dense kernel's (Dense,
  // recurrent gates, and the mult_config of a streamed convolution, `convolution_templates.py`).
  const denseKernel = rules === 'dense' || rules === 'recurrent' || (rules === 'conv' && ctx.stream);
  // Resource kernels read their weights from an array reshaped to block_factor-wide words, RF
  // deep (nnet_dense_resource.h); from v1.0 it is bound to ROM_nP_BRAM, before HLS chose.
  const copied = strategy === 'resource' && denseKernel && !onPort ? copiedWeights(layer, mult, rf, blockFactor, perApplication, ctx) : undefined;
  const rom = folded && rf > 1 && !copied && !onPort ? romOf(blockFactor * weightWidth, rf, ctx) : undefined;
  const weightRom = copied ?? (rom && { wordBits: blockFactor * weightWidth, depth: rf, bram18k: rom.bram18k });
  const index = strategy === 'resource' && denseKernel ? indexRamOf(mult.nIn, rf, ctx) : undefined;

  const strategyClass: StrategyClass = folded ? 'folded' : 'unrolled';
  const outputs = mult.nOut + mult.extra.reduce((s, p) => s + p.nOut, 0);
  const inputs = mult.nIn + mult.extra.reduce((s, p) => s + p.nIn, 0);
  // Vitis schedules a Latency kernel's real multiplications over the RF-cycle II on ALLOCATION's
  // few multipliers, so their products wait in registers for the adder tree (wa-hls4ml Vitis
  // 2024.2 Latency designs at RF 32–64: 0.6–1.0 FF per bit of real product × accum_t).
  const realProducts = constant ? nonzeroProducts * (1 - shiftShare) * realProductShare(ctx.tool, weightWidth) : nonzeroProducts;
  const heldProducts = constant && rf > 1 && !ctx.tool.sharedProductsOnDsp ? realProducts : 0;
  // nnet_dense_latency.h / nnet_dense_resource.h cast every product into accum_t and add in
  // accum_t: with a rounding or saturating accum_t each cast and each addition carries its own
  // rounding adder and overflow select (N-TORC's models are ap_fixed<16,8,AP_RND,AP_SAT> throughout).
  const casts = folded ? blockFactor : multipliers;
  const adders = folded ? blockFactor : Math.max(0, multipliers - outputs);
  const operators: Operators = {
    dsp: expectedDsp,
    lutProductBits: lutMultipliers * weightWidth * inputWidth,
    // A folded kernel's operands are selected and registered anew at every step; at RF 1 there is
    // no step (`dense_resource_rf_leq_nin`, nnet_dense_resource.h: one ReuseLoop pass, every
    // multiplier's in_index and w_index fixed). Its costs are fitted where every multiplier is
    // shared hundreds of times (Vitis 2023's flat rows, RF ≥ 768); applied at RF 1 they had
    // priced the jet tagger at 648k LUTs.
    productBits: folded && rf === 1 ? 0 : multipliers * (weightWidth + inputWidth),
    // Unrolled: an adder tree per output over its products; folded: one accumulation per multiplier.
    adderBits: adders * accumWidth,
    accumulatorBits: outputs * accumWidth,
    // The design input arrives on the top function's port; every other layer reads the one
    // before it through a DATAFLOW channel or the top pipeline's registers (`summarize`).
    inputBits: ctx.readsPort ? 0 : inputs * inputWidth,
    portBits: ctx.readsPort ? inputs * inputWidth : 0,
    // Shared multipliers select a different input (and accumulator) at every step.
    muxBits: rf > 1 ? multipliers * (inputWidth + accumWidth) * Math.log2(Math.min(rf, Math.max(2, mult.nIn))) : 0,
    pipelineBits: heldProducts * accumWidth,
    saturatingBits: roundsOrSaturates(ctx.accum) ? (casts + adders) * accumWidth : 0,
    bram18k: (weightRom?.bram18k ?? 0) + (index?.bram18k ?? 0),
    lutramBits: (rom?.lutramBits ?? 0) + (index?.lutramBits ?? 0),
    dividers: 0,
  };
  const { cycles, interval } = weightTimingOf(ctx, strategy, mult, rf, timing, realProducts, blockFactor);
  const notes = [...(strategyNote ? [strategyNote] : []), ...(reuse.note ? [reuse.note] : []), product.reason, ...extraNotes];
  if (onPort) notes.push(`its ${perApplication} weights exceed BramFactor ${ctx.config.bramFactor}: read from a top-level BRAM port, outside the design's BRAM, and multiplied as data (no constant folding)`);
  if (weightRom?.copies) {
    notes.push(`weights stored as ${weightRom.copies} copies of the whole ${weightRom.depth}-word array of their ${weightRom.wordBits} significant bits (${weightRom.bram18k} BRAM18K), as Vitis HLS 2023 reports such kernels at RF = ${ctx.tool.weightCopies!.minOutscale}–${ctx.tool.weightCopies!.maxOutscale}·n_in; synthesis ${weightRom.keptBySynthesis ? 'keeps them in BRAM' : 'moves them out of BRAM'}`);
  }
  if (strategy === 'latency' && !ctx.stream && mult.nIn * mult.nOut > UNROLL_LIMIT) {
    notes.push(`${mult.nIn}×${mult.nOut} = ${mult.nIn * mult.nOut} products exceed the 4,096 Vivado HLS unrolls in one loop: the kernel stays partly rolled (slower); the Resource strategy with a larger reuse factor is the usual remedy (hls4ml #904, #1013)`);
  }
  return {
    name: layer.name,
    source: layer.name,
    outputShape: layer.outputShape,
    priceClass: strategyClass,
    kind: layer.kind,
    className: layer.className,
    strategy,
    mult,
    reuse,
    blockFactor,
    totalMults: perApplication * mult.applications,
    multipliers,
    multipliersDense: blockFactor,
    product: product.kind,
    expectedDsp,
    dspConfidence: product.kind === 'dsp' && constant ? 'uncertain' : product.kind === 'dsp' && strategy !== 'resource' ? 'likely' : product.confidence,
    weightWidth,
    inputWidth,
    resultWidth: ctx.result.width,
    accumWidth,
    weightBits,
    weightRom,
    ...(index && { indexRam: { wordBits: index.wordBits, depth: rf, bram18k: index.bram18k } }),
    ...fifoOf(layer, ctx),
    lineBufferBits: 0,
    tableBits: 0,
    operators,
    hls: priceOperators(operators, ctx.tool, strategyClass),
    cycles,
    interval,
    notes,
  };
}

/**
 * A product of two variables (weights read from a ROM or registers, not constants) at most 8 bits
 * wide on both sides is built in LUTs: Vivado HLS 2019.1 Resource designs with ap_fixed<8,·>
 * everywhere report 48 DSPs for 4,860 multipliers and 24 for 459 (rule4ml's records), hls4ml
 * 1.1.0's 8-bit Resource MLPs on Vitis 2024.2 only their first layer's (16-bit input) on DSPs.
 * Constant 8-bit weights are another matter (argykokk-mlp keeps 0.3–51 % of 8×8 products on
 * DSPs): `multiplicationShareOf` prices those.
 */
function variableProduct(constant: boolean, product: ProductEstimate, ctx: BuildContext): ProductEstimate {
  if (constant || product.kind !== 'dsp' || Math.max(ctx.weight.width, ctx.input.width) > 8) return product;
  return { kind: 'lut', dspPerMultiplier: 0, confidence: 'likely', reason: `${ctx.weight.width}×${ctx.input.width}-bit product of variables: LUT multiplier` };
}

/**
 * The share of a constant kernel's nonzero products that stay multiplications: counted from the
 * trained weights where they were read, else from the spread the layer's initializer gives a
 * kernel of its fans (a depthwise kernel's output fan is its depth multiplier).
 */
function multiplicationShareOf(layer: Layer, mult: MultSize, ctx: BuildContext, nonzero: number, shiftShare: number): number {
  const stats = layer.weights;
  if (stats?.multiplications !== undefined) return nonzero > 0 ? Math.min(1, stats.multiplications / nonzero) : 0;
  const modelled = constantMultiplicationShare(ctx.weight, kernelSpread(layer.kernelInit, mult.nIn, fanOutOf(layer, mult)));
  // Older statistics count only the powers of two (`shiftShare`), which are never multiplications.
  return Math.min(modelled, 1 - shiftShare);
}

/** A kernel's output fan as Keras counts it (a depthwise kernel's is its depth multiplier). */
function fanOutOf(layer: Layer, mult: MultSize): number {
  return (layer.kind.startsWith('depthwise') ? (layer.depthMultiplier ?? 1) : mult.nOut) * shapeProduct(layer.kernelSize ?? []);
}

/** hls4ml's build script raises Vivado HLS's loop-unroll ceiling to 4,096 (`config_array_partition -maximum_size 4096`). */
export const UNROLL_LIMIT = 4096;

/**
 * Cycles and II of a weight kernel (primer §5). Per step, a Latency kernel is a pipeline of the
 * unrolled depth asked to start every RF cycles (`#pragma HLS PIPELINE II=reuse_factor`):
 * Vivado HLS keeps that II once multipliers are shared, Vitis HLS reaches the II its real
 * (non-constant-folded) products need on ALLOCATION's ceil(n_in·n_out/RF) multipliers
 * (argykokk-mlp at RF 100: II 14–48). A Resource kernel loops RF times plus its fill.
 * io_parallel dense is one step; convolutions and recurrent layers take one step per output
 * pixel, partition or timestep.
 */
function weightTimingOf(ctx: BuildContext, strategy: Strategy, mult: MultSize, rf: number, timing: KernelTiming, realProducts: number, multipliers: number): { cycles: number; interval: number } {
  const t = ctx.tool.timing;
  // A streamed dense reads its whole input, one stream element per cycle, before it computes
  // (`nnet_dense_stream.h` `dense`: n_in / data_T::size reads, then the kernel); the first
  // read is in the kernel's fitted overhead. Convolutions read a pixel per step instead.
  const reads = ctx.stream && timing.steps <= 1 ? Math.max(0, ctx.inputBeats - 1) : 0;
  let stepInterval: number;
  let stepLatency: number;
  // An unrolled pipeline's depth includes the wait for its inputs; a folded kernel waits first.
  let readsBeforeKernel = reads;
  if (strategy === 'latency' || strategy === 'distributed_arithmetic') {
    const depth = unrolledDepth(ctx.tool, mult.nIn, ctx.config.clockPeriodNs, ctx.stream ? reads : undefined);
    readsBeforeKernel = 0;
    // Over the unroll limit the loop stays rolled: inputs are accumulated a few per cycle.
    const rolled = mult.nIn * mult.nOut > UNROLL_LIMIT && !ctx.stream ? Math.ceil(mult.nIn / t.rolledInputsPerCycle) : 0;
    stepInterval = rf <= 1 ? 1 : ctx.tool.sharedProductsOnDsp ? rf : Math.min(rf, Math.max(2, Math.ceil(realProducts / Math.max(1, multipliers))));
    stepLatency = Math.max(depth + rolled, stepInterval);
  } else {
    // Streaming kernels also shift the line buffer and read the input FIFO at every step.
    stepInterval = rf + (timing.steps > 1 && ctx.stream ? t.foldedStepOverhead : 0);
    stepLatency = rf + t.foldedFillCycles;
  }
  stepInterval += timing.stepOverhead;
  if (timing.steps <= 1) return { cycles: Math.max(1, readsBeforeKernel + stepLatency + timing.stepOverhead), interval: Math.max(1, reads + stepInterval) };
  const interval = timing.steps * stepInterval;
  return { cycles: Math.max(1, interval + Math.max(0, stepLatency - stepInterval)), interval: Math.max(1, interval) };
}

/**
 * The index table of a Resource kernel whose reuse factor exceeds its inputs (hls4ml accepts such
 * an RF only as a multiple of n_in, `_validate_reuse_factor`): `dense_resource_rf_gt_nin_rem0`
 * (nnet_dense_resource.h, since v0.5) fills `int outidx[RF]` with each step's accumulator offset,
 * 0 … RF/n_in − 1, every call. The reports keep it as narrow as those values: one block per layer
 * at RF ≤ 1,024 in every Vitis HLS 2024.2 io_parallel Resource design of the wa-hls4ml records
 * (HLS BRAM = weight ROMs + one per layer, 4 of 4; their io_stream ones miss by their FIFOs and
 * ROMs either way), and the 8,928 flat rows' post-synthesis BRAM is that table's blocks alone in
 * 69 % of them (their weight ROMs went to LUTs).
 */
function indexRamOf(nIn: number, rf: number, ctx: BuildContext): { wordBits: number; bram18k: number; lutramBits: number } | undefined {
  const outscale = outscaleOf(nIn, rf);
  if (outscale === undefined) return undefined;
  const wordBits = Math.max(1, Math.ceil(Math.log2(outscale)));
  return { wordBits, ...memoryStorage(wordBits, rf, ctx.tool) };
}

/** RF/n_in where a Resource kernel runs `dense_resource_rf_gt_nin_rem0` (RF a multiple of n_in above it), else none. */
function outscaleOf(nIn: number, rf: number): number | undefined {
  return rf > nIn && rf % nIn === 0 ? rf / nIn : undefined;
}

/**
 * The weights of a Resource kernel as the tool stores them where it copies the whole array
 * (`WeightCopies`, within its outscales): ceil(bf/2) dual-port copies of the `depth` weights'
 * significant bits, where there are two or more, and whether synthesis keeps them in BRAM. None
 * where the profile says nothing or hls4ml binds the weights to a BRAM ROM itself (v1.0+).
 */
function copiedWeights(layer: Layer, mult: MultSize, rf: number, blockFactor: number, depth: number, ctx: BuildContext): LayerBuild['weightRom'] {
  const rule = ctx.tool.weightCopies;
  const outscale = outscaleOf(mult.nIn, rf);
  if (!rule || ctx.hls4ml.weightsBoundToBram || outscale === undefined || outscale < rule.minOutscale || outscale > rule.maxOutscale) return undefined;
  const copies = Math.ceil(blockFactor / 2);
  if (copies < 2) return undefined;
  const wordBits = significantBits(ctx.weight, layer.weights?.largest ?? kernelSpread(layer.kernelInit, mult.nIn, fanOutOf(layer, mult)));
  const kept = rule.keptAfterSynthesis.find((k) => ctx.weight.width <= k.maxBits);
  return { wordBits, depth, bram18k: copies * bram18kForRom(wordBits, depth), copies, keptBySynthesis: kept !== undefined && copies >= kept.minCopies };
}

/**
 * A Resource kernel's weight ROM. hls4ml v1.0+ binds it to BRAM whatever its size (ROM_nP_BRAM,
 * #798); before, the tool keeps small ones in LUTs.
 */
function romOf(wordBits: number, depth: number, ctx: BuildContext): { bram18k: number; lutramBits: number } {
  if (ctx.hls4ml.weightsBoundToBram) return { ...memoryStorage(wordBits, depth, { ...ctx.tool, bramMinBits: 0 }) };
  return memoryStorage(wordBits, depth, ctx.tool);
}
