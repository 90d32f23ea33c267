import type { Strategy } from '../schema.js';
import type { LayerKind } from '../layer-kinds/index.js';
import type { MultSize } from './mult-size.js';
import type { Confidence, ProductKind } from './operand-widths.js';
import type { ReuseFactorResolution } from './reuse-factor.js';
import type { Fifo } from './stream.js';
import type { StrategyClass } from './tool-profiles.js';

/**
 * What one layer instantiates, counted the way C-synthesis binds operators: multipliers by where
 * their products land, adders, accumulators and input buffers by bits, memories by shape. A tool
 * profile prices the inventory into an HLS estimate (`tool-profiles.ts`); the categories are the
 * ones its fitted costs need to explain the per-layer reports in ../shared/hls4ml-data.
 */
export interface Operators {
  /** DSP slices of multipliers kept on DSPs. */
  readonly dsp: number;
  /** Σ operand-width products of multipliers built from LUTs (a w×a product costs ≈ w·a LUTs). */
  readonly lutProductBits: number;
  /** Σ (weight + input width) over hardware multipliers: the operands and products a pipeline carries. */
  readonly productBits: number;
  /** Σ widths of adders (adder trees, per-multiplier accumulation, comparisons). */
  readonly adderBits: number;
  /** Output accumulators or result registers: outputs × width. */
  readonly accumulatorBits: number;
  /** Input buffering and fan-out: inputs × width, from another layer's output. */
  readonly inputBits: number;
  /**
   * The same for inputs read straight from the top function's port (an io_parallel layer fed by
   * the design input): no channel or register stage of another layer's between them.
   */
  readonly portBits: number;
  /** Bits of multiplexers and comparisons: an operator shared over several steps, a clamp, a select. */
  readonly muxBits: number;
  /** Bits a pipeline holds between its stages: values in flight × width × stages (softmax, table lookups). */
  readonly pipelineBits: number;
  /**
   * Σ widths of the casts and additions into an accumulator type that rounds (not TRN) or
   * saturates (not WRAP): each needs its own rounding adder and overflow select, and the adder
   * tree can no longer be merged across products. Zero for the default `ap_fixed<W,I>`.
   */
  readonly saturatingBits: number;
  /** 18 Kb blocks of memories bound to BRAM (weight ROMs, tables, line buffers). */
  readonly bram18k: number;
  /** Bits of small memories HLS builds from LUTs (LUTRAM, shift registers). */
  readonly lutramBits: number;
  /** Dividers by a value C-synthesis does not fold into a constant: each a pipelined divider core, priced whole by the tool profile. */
  readonly dividers: number;
}

export const NO_OPERATORS: Operators = Object.freeze({ dsp: 0, lutProductBits: 0, productBits: 0, adderBits: 0, accumulatorBits: 0, inputBits: 0, portBits: 0, muxBits: 0, pipelineBits: 0, saturatingBits: 0, bram18k: 0, lutramBits: 0, dividers: 0 });

/** An HLS-estimate resource count (C-synthesis units: BRAM in 18 Kb blocks). */
export interface HlsResources {
  readonly bram18k: number;
  readonly dsp: number;
  readonly ff: number;
  readonly lut: number;
}

/** What hls4ml (and the HLS tool, by its profile) builds for one node of hls4ml's graph. */
export interface LayerBuild {
  /** The hls4ml node name (`fc1`, `fc1_relu` for a split activation, `sep_depthwise`). */
  readonly name: string;
  /** The Keras layer it comes from. */
  readonly source: string;
  /** Its output tensor (without the batch dimension). */
  readonly outputShape: readonly number[];
  /** Which of the tool profile's costs price its operators. */
  readonly priceClass: StrategyClass;
  readonly kind: LayerKind;
  readonly className: string;
  readonly strategy: Strategy;
  readonly mult?: MultSize;
  readonly reuse?: ReuseFactorResolution;
  /** io_parallel convolutions: output pixels computed per step and the steps taken. */
  readonly parallelization?: { readonly requested: number; readonly applied: number; readonly partitions: number };
  /** Multiplications per clock of one matrix product: ceil(n_in·n_out / RF). */
  readonly blockFactor: number;
  /** Multiplications the layer performs for one inference. */
  readonly totalMults: number;
  /** Hardware multipliers instantiated, after zero weights where hls4ml drops them. */
  readonly multipliers: number;
  /** The same count if no weight were zero: pruning's saving is the difference. */
  readonly multipliersDense: number;
  readonly product: ProductKind | 'none';
  readonly expectedDsp: number;
  readonly dspConfidence: Confidence;
  readonly weightWidth: number;
  readonly inputWidth: number;
  readonly resultWidth: number;
  readonly accumWidth: number;
  /** Bits of weights and biases the layer stores. */
  readonly weightBits: number;
  /**
   * Resource-strategy weight ROM: word width × depth and its 18 Kb blocks; `copies` where the tool
   * stores the weights as copies of the whole array (`WeightCopies`), and whether synthesis keeps
   * those in BRAM whatever its BRAM transfer does to the other ROMs.
   */
  readonly weightRom?: { readonly wordBits: number; readonly depth: number; readonly bram18k: number; readonly copies?: number; readonly keptBySynthesis?: boolean };
  /**
   * Resource kernel at RF > n_in: the accumulator index it tabulates for every step, `outidx[RF]`
   * (`dense_resource_rf_gt_nin_rem0`), as wide as its largest value needs; in `operators` too.
   */
  readonly indexRam?: { readonly wordBits: number; readonly depth: number; readonly bram18k: number };
  /** io_stream: bits buffered in the layer's output FIFO at hls4ml's default depth. */
  readonly fifoBits: number;
  /** io_stream: the output FIFO itself (priced at the design level: C-synthesis lists FIFOs apart from the layers). */
  readonly fifo?: Fifo;
  /** io_stream convolution or pooling: line-buffer bits ((k_h−1) rows of the input). */
  readonly lineBufferBits: number;
  /**
   * io_stream convolution or 2-D pooling: its line buffer (priced in `operators`) as shift chains
   * `depth` words deep. 2-D: `ap_shift_reg` rows as wide as the input (`conv_2d_buffer_*_cl`,
   * `compute_pool_buffer_2d`), read only at their ends, which synthesis packs into SRLs; 1-D: the
   * kernel window's registers (`kernel_shift_1d`), depth 1.
   */
  readonly shiftRegister?: { readonly bits: number; readonly depth: number };
  /** Activation lookup tables (sigmoid, tanh, softmax exp/inv). */
  readonly tableBits: number;
  readonly operators: Operators;
  /** The layer's own C-synthesis estimate, from its operators and the tool profile. */
  readonly hls: HlsResources;
  readonly cycles: number;
  readonly interval: number;
  readonly notes: readonly string[];
  /** io_parallel: the layer reads the design input from the top function's port (set by `buildDesign`). */
  readonly readsPort?: true;
  /** io_parallel: the layer's output is the design's, written to the top function's port (set by `buildDesign`). */
  readonly writesPort?: true;
}
