import type { Toolchain } from '../schema.js';
import { TOOL_CONSTANTS } from './tool-constants.js';
import type { HlsResources, Operators } from './layer-build.js';
import { bram18kForRom } from './operand-widths.js';

/**
 * How one generation of the HLS tool turns hls4ml's C++ into hardware, as far as the estimate
 * depends on it: the cost of each operator in LUTs and FFs, where memories land, the cycles of
 * each kernel's schedule. The numbers are fitted on real C-synthesis reports
 * (`scripts/fit-tool-constants.mjs` writes `tool-constants.ts`); the groups follow where the data
 * shows the tools differ.
 */
export const TOOL_GROUPS = ['vivado_hls', 'vitis_hls_2020', 'vitis_hls_2023', 'vitis_hls_2024'] as const;
export type ToolGroup = (typeof TOOL_GROUPS)[number];

export const STRATEGY_CLASSES = ['unrolled', 'folded', 'recurrent', 'passive', 'streamed', 'top'] as const;
/**
 * Which costs price an inventory: unrolled kernels (Latency: every product its own operator),
 * folded kernels (Resource: operators shared over RF steps), recurrent layers (gates and state
 * logic besides their products), layers without weights in io_parallel (inlined into the top
 * pipeline) and in io_stream (a DATAFLOW task of its own that reads and writes FIFOs per element:
 * public Vivado HLS reports show about 3 LUTs per bit of a streamed ReLU, a fraction of that in
 * io_parallel), and the top function's own: its FIFOs between layers (io_stream) or the registers
 * a pipelined top keeps between inlined layers (io_parallel), and the bits the design's outputs
 * write to its port (io_parallel; the top's `portBits`).
 */
export type StrategyClass = (typeof STRATEGY_CLASSES)[number];

export const OPERATOR_FEATURES = ['perLayer', 'lutProductBits', 'productBits', 'adderBits', 'accumulatorBits', 'inputBits', 'muxBits', 'pipelineBits', 'saturatingBits', 'lutramBits', 'portBits'] as const;
export type OperatorFeature = (typeof OPERATOR_FEATURES)[number];

/** Linear operator costs: resource ≈ Σ coefficient × operator quantity (per layer: 1). */
export type OperatorCosts = Readonly<Record<OperatorFeature, number>>;

/** Cycle counts of the kernels' schedules, fitted per tool group. */
export interface TimingConstants {
  /** ns of an unrolled kernel's product stage and of one adder level (its pipeline depth at a clock). */
  readonly productNs: number;
  readonly adderLevelNs: number;
  /** Cycles an unrolled pipeline adds beyond its arithmetic (input and output registers). */
  readonly overheadCycles: number;
  /** Cycles per input an unrolled io_stream kernel waits for its inputs, beside the adder tree. */
  readonly cyclesPerInput: number;
  /** Inputs a kernel past the unroll limit accumulates per cycle. */
  readonly rolledInputsPerCycle: number;
  /**
   * Share of a Latency kernel's products by 8-bit constant weights that still need a real
   * multiplication once constants are folded (its II at RF > 1 on Vitis); see `realProductShare`.
   */
  readonly sharedProductShare: number;
  /** Cycles a Resource kernel adds to its RF loop (fill and drain), and per step when it repeats. */
  readonly foldedFillCycles: number;
  readonly foldedStepOverhead: number;
  /**
   * ns of an element-wise layer's own logic (ReLU's compare, round and saturate; a pooling
   * window's, a merge's): it takes a cycle of its own where that does not fit in the clock period
   * (`elementwiseCycles`). ArgyKokk's ReLU instances (Vitis HLS 2021.1) report 1 cycle at 3.33 ns
   * and 0 at 5 ns.
   */
  readonly activationNs: number;
  /** Table lookups (sigmoid, tanh): cycles, 0–3 (an index and a ROM read). */
  readonly tableCycles: number;
  /**
   * Softmax: the cycles of its table lookups and product, and the ns of one level of its
   * reduction trees (comparators, adders), which take whole clock periods between them. ArgyKokk's
   * stable softmaxes (Vitis HLS 2021.1) grow 3–4 cycles per level at 3.33 ns and 2 at 5 ns.
   */
  readonly softmaxCycles: number;
  readonly softmaxLevelNs: number;
  /** A recurrent layer's cycles per timestep beyond its products (gate lookups, state update). */
  readonly recurrentStepCycles: number;
  /** A DATAFLOW region's own cycles around its processes, and a pipelined top's per layer. */
  readonly dataflowCycles: number;
  readonly pipelineCyclesPerLayer: number;
  /** A pipelined top's cycles after each kernel it calls at RF 1, beyond its per-layer register. */
  readonly kernelCallCycles: number;
}

/**
 * How Vitis HLS 2023 stores a Resource kernel's weights when hls4ml (before 1.0) leaves them to the
 * tool. At outscale `minOutscale`–`maxOutscale` (RF/n_in in `dense_resource_rf_gt_nin_rem0`) the C-synthesis
 * and post-synthesis BRAM of the wa-hls4ml rows (Vitis 2023.2, hls4ml 0.8.1) is ceil(bf/2)
 * dual-port copies of the whole n_in·n_out array of the weights' significant bits instead of
 * the RF-deep reshaped ROM: 8 copies of 16,384 × 14 bits = 112 blocks for a 128×128 layer of
 * 16-bit weights at RF 1024 (record c90f1ace: C-synthesis 61 and post-synthesis 65 blocks where
 * the reshaped ROMs would take 17 and 3). Why the tool copies the array, its reports do not say:
 * this is their pattern, over 1,549 such designs, not a mechanism of hls4ml's. The data holds
 * outscales 8 and up only (10 and up do not copy): below 8 the rules keep the reshaped ROM
 * hls4ml's pragma asks for rather than extrapolate copies no report shows.
 */
export interface WeightCopies {
  readonly minOutscale: number;
  readonly maxOutscale: number;
  /**
   * Synthesis keeps the copies in BRAM when there are at least `minCopies` for weights at most
   * `maxBits` wide (the first entry that fits), and otherwise moves them out as the other ROMs:
   * weights of 14 bits keep 4 copies or more, of 16 bits 8.
   */
  readonly keptAfterSynthesis: readonly { readonly maxBits: number; readonly minCopies: number }[];
}

export type PoolingDivision = { readonly kind: 'folded' } | { readonly kind: 'divider'; readonly cycles: number; readonly ff: number; readonly lut: number };

/** The fitted constants of one tool group. */
export interface ToolConstants {
  readonly lut: Readonly<Record<StrategyClass, OperatorCosts>>;
  readonly ff: Readonly<Record<StrategyClass, OperatorCosts>>;
  readonly timing: TimingConstants;
  /** Whether multipliers a Latency kernel shares over RF > 1 steps all become DSPs (Vivado HLS) or keep folding constants (Vitis HLS). */
  readonly sharedProductsOnDsp: boolean;
  /**
   * Whether, where they are not all DSPs, a Latency kernel's multipliers shared over RF > 1 steps
   * are built for variable operands (each is fed a different weight at every step), so those of
   * two ≤ 8-bit operands are LUTs: Vitis HLS 2023+ (wa-hls4ml's hls4ml 1.1.0 Latency records on
   * 2024.2 at RF 32–64: 8 DSPs, the first layer's 16-bit-input ones, where 8×8 layers share 176
   * multipliers), not Vitis 2020–2022 (ArgyKokk's 2021.1 MLPs at RF 100 keep a DSP per shared
   * 8×8 multiplier: mnist 116 for fc1's 110).
   */
  readonly sharedOperandsVariable: boolean;
  /**
   * What C-synthesis makes of io_parallel average pooling's division of each window's sum by its
   * count of image (not padding) pixels (`avg(x, length)` / `rescale` in nnet_pooling.h). The count
   * is a loop variable that full unrolling makes constant per window; whether the tool folds it
   * is the data's to say. Vivado HLS 2020.1 does not where windows overlap padding: hls4ml's
   * baseline 'same' AveragePooling1D/2D report 137k/181k FFs, 90k/113k LUTs and 21 cycles where
   * their 'valid' and MaxPooling twins report the input registers alone and 0 cycles (no DSP):
   * a pipelined divider per output. Vitis HLS 2024.1 reports the 'same' ones like the 'valid' ones;
   * no report shows Vitis 2020–2022, taken to fold it as 2024.1 does.
   * `cycles`, `ff`, `lut`: one divider's, fitted on those reports.
   */
  readonly poolingDivision: PoolingDivision;
  /** Cycles an io_stream layer adds beyond its input beats (FIFO read, pipeline fill). */
  readonly streamOverheadCycles: number;
  /**
   * Whether an io_stream design starts the next inference while this one drains (DATAFLOW
   * task overlap: II = the slowest layer's). Vitis HLS reports II ≈ latency for hls4ml's
   * streaming designs (hls4ml baselines 2020.1–2024.1, wa-hls4ml conv records), Vivado HLS the slowest layer's.
   */
  readonly streamOverlap: boolean;
  /**
   * Whether an io_stream tensor travels through one FIFO per element of hls4ml's packed array
   * (Vivado HLS: `layerN_out_V_data_K_V`, each deeper than 16 a FIFO of 1K × 18-bit blocks, as the
   * hls4ml tutorial's and other public Vivado HLS 2019–2020 reports list them) or through one FIFO
   * as wide as the array (Vitis HLS aggregates it).
   */
  readonly streamFifoPerElement: boolean;
  /**
   * Depth up to which synthesis rebuilds a FIFO C-synthesis bound to BRAM as LUTRAM (one RAM64M
   * column holds 64 words); 0 where no report shows it. The wa-hls4ml Vitis HLS 2024.2 io_stream
   * records report post-synthesis BRAM as their kernels' blocks plus only their FIFOs deeper than
   * 64 (7 designs, 8–226 blocks, six within 17 %), where C-synthesis reports up to 2.4× that
   * (b5bae81d: 83 → 35). Keb-L's Vivado HLS designs (a development branch, settings unknown) split
   * either way, so Vivado HLS keeps C-synthesis's binding.
   */
  readonly lutramFifoDepth: number;
  /**
   * Post-synthesis over C-synthesis estimate, per resource (Vivado drops constant logic, packs
   * LUTs and FFs, moves small memories to LUTRAM): the median ratio on designs with both.
   */
  readonly synthTransfer: {
    readonly bram18k: number;
    readonly ff: number;
    readonly lut: number;
    /**
     * LUTs per bit of the weight ROMs the BRAM transfer moves out of block RAM: Vivado builds them
     * as distributed ROM (a LUT6 holds 64 bits, plus the read multiplexers), fitted with the
     * ratios on the designs that report both.
     */
    readonly lutPerMovedRomBit: number;
    /**
     * LUTs synthesis adds per bit an io_parallel design writes to its output port, beside the
     * ratio: C-synthesis prices those bits at about 0.2 LUT each (the records' reports), while the
     * flat rows' post-synthesis LUTs climb with the last layer's outputs by about 1 per bit more
     * (their rule residual without it, partly folded layers: −13 LUTs at 16–31 outputs, +1,217 at
     * 128–143). Fitted with the LUT ratio on the designs that report post-synthesis LUTs, where
     * they show at least 10 port widths; 0 elsewhere.
     */
    readonly lutPerOutputBit: number;
  };
  /**
   * The same ratios for one year's release of the tool, where the data holds enough of its
   * designs: the year moves them more than the tool does (wa-hls4ml's records, reported
   * post-synthesis over C-synthesis LUTs: Vivado HLS 2019.1 ≈ 0.3, Vitis HLS 2023.2 ≈ 1.1,
   * Vitis HLS 2024.2 ≈ 0.55, Latency and Resource designs alike).
   */
  readonly synthTransferByYear: Readonly<Record<string, { readonly ff: number; readonly lut: number }>>;
  /** Memories smaller than this many bits are built from LUTs, not BRAM. */
  readonly bramMinBits: number;
  /** Where the tool stores a Resource kernel's weights as copies of the whole array (`WeightCopies`). */
  readonly weightCopies?: WeightCopies;
  /** A memory's width beyond whole 36-bit BRAM ports narrower than this goes to LUTRAM. */
  readonly bramRemainderBits: number;
}

/**
 * The share of a Latency kernel's constant-weight products that stay multiplications (`mul`
 * operations, which hls4ml's ALLOCATION limit shares over RF steps) rather than shift-and-add
 * logic, by weight width. A constant of at most 4 bits is at most two signed shifts, so never a
 * `mul`; 16-bit constants almost never reduce; 8-bit ones by the fitted share, interpolated
 * between. Checked on Vitis HLS Latency designs at RF > 1: 4-bit weights at RF 32 reach II 2
 * (wa-hls4ml, Vitis 2024.2, no DSP), 16-bit ones II = RF = 32, 8-bit ones II ≈ 0.35–0.6 · RF
 * (argykokk-mlp at RF 100, wa-hls4ml at RF 64).
 */
export function realProductShare(tool: ToolConstants, weightBits: number): number {
  const at8 = tool.timing.sharedProductShare;
  if (weightBits <= 4) return 0;
  if (weightBits <= 8) return (at8 * (weightBits - 4)) / 4;
  if (weightBits >= 16) return 1;
  return at8 + ((1 - at8) * (weightBits - 8)) / 8;
}

export interface ToolProfile extends ToolConstants {
  readonly group: ToolGroup;
}

const PROFILES: Readonly<Record<ToolGroup, ToolProfile>> = Object.fromEntries(
  TOOL_GROUPS.map((group) => [group, Object.freeze({ group, ...TOOL_CONSTANTS[group] })]),
) as Record<ToolGroup, ToolProfile>;

/**
 * Tool group of a toolchain: Vivado HLS, Vitis HLS 2020.1–2022.2, 2023.x (the default), 2024.1 and
 * later. 2024 has its own costs because its reports differ from 2023.2's for like layers (the
 * wa-hls4ml records: 1.3–2× the LUTs and FFs per Resource layer); one group for both had put the
 * records' HLS FF at 21 % and the flat rows' post-synthesis LUT at 12.0 %, two give 12 % and 10.8 %.
 */
export function toolGroup(toolchain: Toolchain | undefined): ToolGroup {
  if (toolchain?.hlsTool === 'vivado_hls') return 'vivado_hls';
  const year = Number(toolYear(toolchain));
  if (toolchain?.hlsTool === 'vitis_hls' || (toolchain?.hlsTool === undefined && Number.isFinite(year))) {
    if (Number.isFinite(year) && year < 2020) return 'vivado_hls';
    if (Number.isFinite(year) && year < 2023) return 'vitis_hls_2020';
    if (Number.isFinite(year) && year >= 2024) return 'vitis_hls_2024';
  }
  return 'vitis_hls_2023';
}

/** The release year of a toolchain's HLS tool (`2023` for Vitis HLS 2023.2), if it says. */
export function toolYear(toolchain: Toolchain | undefined): string | undefined {
  const year = Number.parseInt(toolchain?.hlsToolVersion ?? toolchain?.vivadoVersion ?? '', 10);
  return Number.isFinite(year) ? String(year) : undefined;
}

/** Post-synthesis over C-synthesis for a toolchain: its year's ratios where fitted, else its group's. */
export function synthTransferOf(profile: ToolProfile, toolchain: Toolchain | undefined): ToolConstants['synthTransfer'] {
  const year = toolYear(toolchain);
  const own = year === undefined ? undefined : profile.synthTransferByYear[year];
  return own ? { ...profile.synthTransfer, ...own } : profile.synthTransfer;
}

export function toolProfile(toolchain: Toolchain | undefined): ToolProfile {
  return PROFILES[toolGroup(toolchain)];
}

export function profileOf(group: ToolGroup): ToolProfile {
  return PROFILES[group];
}

/** The quantity of each priced feature in an inventory (`perLayer` is 1). */
export function operatorFeatures(operators: Operators): Record<OperatorFeature, number> {
  return {
    perLayer: 1,
    lutProductBits: operators.lutProductBits,
    productBits: operators.productBits,
    adderBits: operators.adderBits,
    accumulatorBits: operators.accumulatorBits,
    inputBits: operators.inputBits,
    muxBits: operators.muxBits,
    pipelineBits: operators.pipelineBits,
    saturatingBits: operators.saturatingBits,
    lutramBits: operators.lutramBits,
    portBits: operators.portBits,
  };
}

/** The HLS estimate of one layer: its operators priced by the tool profile. */
export function priceOperators(operators: Operators, profile: ToolProfile, strategyClass: StrategyClass): HlsResources {
  const divider = profile.poolingDivision.kind === 'divider' ? profile.poolingDivision : { ff: 0, lut: 0 };
  return {
    bram18k: operators.bram18k,
    dsp: operators.dsp,
    ff: Math.max(0, Math.round(price(profile.ff[strategyClass], operators) + operators.dividers * divider.ff)),
    lut: Math.max(0, Math.round(price(profile.lut[strategyClass], operators) + operators.dividers * divider.lut)),
  };
}

/** Σ cost × quantity over `OPERATOR_FEATURES`, written out: a sweep prices every layer of every configuration. */
function price(c: OperatorCosts, o: Operators): number {
  return (
    c.perLayer +
    c.lutProductBits * o.lutProductBits +
    c.productBits * o.productBits +
    c.adderBits * o.adderBits +
    c.accumulatorBits * o.accumulatorBits +
    c.inputBits * o.inputBits +
    c.muxBits * o.muxBits +
    c.pipelineBits * o.pipelineBits +
    c.saturatingBits * o.saturatingBits +
    c.lutramBits * o.lutramBits +
    c.portBits * o.portBits
  );
}

/**
 * Where a memory of `depth` words of `wordBits` lands: small ones in LUTs; larger ones in 18 Kb
 * blocks, whose 36-bit ports take the width in whole slices, a narrow remainder going to LUTRAM
 * (what C-synthesis reported for N-TORC's weight ROMs: 512-bit words took 14 blocks, 128-bit 4).
 */
export function memoryStorage(wordBits: number, depth: number, profile: ToolProfile): { bram18k: number; lutramBits: number } {
  const bits = wordBits * depth;
  if (bits <= 0) return { bram18k: 0, lutramBits: 0 };
  if (bits < profile.bramMinBits) return { bram18k: 0, lutramBits: bits };
  // Deep or narrow memories use the 1K×18 … 16K×1 shapes; shallow wide ones the 512×36 ports.
  if (depth > 512 || wordBits <= 18) return { bram18k: bram18kForRom(wordBits, depth), lutramBits: 0 };
  const whole = Math.floor(wordBits / 36);
  const remainder = wordBits - whole * 36;
  const kept = remainder >= profile.bramRemainderBits;
  return { bram18k: Math.max(1, whole + (kept ? 1 : 0)), lutramBits: kept || whole === 0 ? 0 : remainder * depth };
}

/** Cycles an element-wise layer's logic adds at a clock period: whole periods its delay spans. */
export function elementwiseCycles(profile: ToolProfile, clockNs: number): number {
  return Math.floor(profile.timing.activationNs / clockNs);
}

/**
 * Pipeline depth of an unrolled multiply–accumulate over `nIn` inputs at `clockNs`: one product
 * stage, then an adder tree of ceil(log2 n_in) levels, scheduled into clock cycles. A streamed
 * kernel (`streamReads`: the stream elements it reads beyond the first) also waits for its
 * inputs, at least `cyclesPerInput` a value; an io_parallel one has them all at once.
 */
export function unrolledDepth(profile: ToolProfile, nIn: number, clockNs: number, streamReads?: number): number {
  const levels = Math.ceil(Math.log2(Math.max(2, nIn)));
  const t = profile.timing;
  const ns = t.productNs + levels * t.adderLevelNs;
  const wait = streamReads === undefined ? 0 : Math.max(streamReads, Math.round(t.cyclesPerInput * nIn));
  return Math.max(1, Math.ceil(ns / clockNs) + t.overheadCycles + wait);
}
