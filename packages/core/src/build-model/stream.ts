import { product } from '../keras/shape-helpers.js';
import type { Layer } from '../schema.js';
import type { BuildContext } from './build-context.js';
import { bram18kForRom } from './operand-widths.js';

/** The FIFO a layer writes its output into under io_stream, and where HLS puts it. */
export interface Fifo {
  readonly depth: number;
  readonly widthBits: number;
  readonly bits: number;
  readonly bram18k: number;
  /** Bits kept in shift registers (SRL) when the FIFO is too small for a BRAM. */
  readonly lutramBits: number;
}

const NO_FIFO: Fifo = Object.freeze({ depth: 0, widthBits: 0, bits: 0, bram18k: 0, lutramBits: 0 });

/**
 * hls4ml streams a tensor as one packed element per position, the last dimension wide, through a
 * FIFO as deep as the positions (`StreamVariableConverter` in `backends/fpga/fpga_types.py`:
 * depth = size / last dim). HLS keeps shallow FIFOs in shift registers and deep ones in BRAM.
 */
export function outputFifo(layer: Layer, ctx: BuildContext): Fifo {
  if (!ctx.stream || layer.kind === 'input') return NO_FIFO;
  const shape = layer.outputShape;
  const lastDim = shape[shape.length - 1] ?? 1;
  const depth = Math.max(1, product(shape) / Math.max(1, lastDim));
  const widthBits = lastDim * ctx.result.width;
  const bits = depth * widthBits;
  if (depth <= SRL_DEPTH) return { depth, widthBits, bits, bram18k: 0, lutramBits: bits };
  // One FIFO per element: each built from 18-bit-wide, 1K-deep blocks (the FIFO primitive's shape).
  const bram18k = ctx.tool.streamFifoPerElement ? lastDim * Math.ceil(ctx.result.width / 18) * Math.ceil(depth / 1024) : bram18kForRom(widthBits, depth);
  return { depth, widthBits, bits, bram18k, lutramBits: 0 };
}

/** The FIFO fields of a layer build: its bits, and the FIFO itself when there is one. */
export function fifoOf(layer: Layer, ctx: BuildContext): { fifoBits: number; fifo?: Fifo } {
  const fifo = outputFifo(layer, ctx);
  return fifo.bits > 0 ? { fifoBits: fifo.bits, fifo } : { fifoBits: 0 };
}

/** FIFOs this shallow become shift registers (Vivado/Vitis HLS default FIFO implementation). */
const SRL_DEPTH = 16;
