import { product } from '../keras/shape-helpers.js';
import type { Layer } from '../schema.js';
import type { BuildContext } from './build-context.js';
import { NO_OPERATORS, type HlsResources, type LayerBuild, type Operators } from './layer-build.js';
import { fifoOf } from './stream.js';
import { priceOperators } from './tool-profiles.js';

/** What a layer without weights declares about itself; everything else is derived here. */
export interface PassiveSpec {
  readonly operators?: Partial<Operators>;
  /** Latency of one pass over the data in io_parallel (pipelined), in cycles. */
  readonly depth: number;
  /** io_stream: stream elements the layer reads (default: its input positions). */
  readonly beats?: number;
  /** io_stream: cycles between beats, where the layer shares its logic over several (default 1). */
  readonly beatInterval?: number;
  /** The layer costs nothing: hls4ml removes it or makes it a wire (Flatten, Dropout, Reshape in io_parallel). */
  readonly free?: boolean;
  readonly tableBits?: number;
  /** A line buffer the layer holds but C-synthesis lists apart (not in `operators`). */
  readonly lineBufferBits?: number;
  /** A line buffer of shift chains, priced in `operators.lutramBits` (`LayerBuild.shiftRegister`). */
  readonly shiftRegister?: { readonly bits: number; readonly depth: number };
  readonly notes?: readonly string[];
}

/** One build for a layer without trained weights (activations, pooling, merges, reshapes…). */
export function buildPassiveLayer(layer: Layer, ctx: BuildContext, spec: PassiveSpec): LayerBuild {
  const operators: Operators = { ...NO_OPERATORS, ...spec.operators };
  const priceClass = ctx.stream ? 'streamed' : 'passive';
  const beats = spec.beats ?? streamBeats(layer.inputShape);
  const beatCycles = beats * (spec.beatInterval ?? 1);
  const timing = spec.free
    ? { cycles: 0, interval: 1 }
    : ctx.stream
      ? { cycles: beatCycles + spec.depth, interval: Math.max(1, beatCycles) }
      : { cycles: spec.depth, interval: 1 };
  return {
    name: layer.name,
    source: layer.name,
    outputShape: layer.outputShape,
    priceClass,
    kind: layer.kind,
    className: layer.className,
    strategy: 'latency',
    blockFactor: 0,
    totalMults: 0,
    multipliers: 0,
    multipliersDense: 0,
    product: 'none',
    expectedDsp: operators.dsp,
    dspConfidence: 'uncertain',
    weightWidth: ctx.weight.width,
    inputWidth: ctx.input.width,
    resultWidth: ctx.result.width,
    accumWidth: ctx.accum.width,
    weightBits: layer.params * ctx.weight.width,
    ...(spec.free ? { fifoBits: 0 } : fifoOf(layer, ctx)),
    lineBufferBits: spec.shiftRegister?.bits ?? spec.lineBufferBits ?? 0,
    ...(spec.shiftRegister && spec.shiftRegister.bits > 0 && { shiftRegister: spec.shiftRegister }),
    tableBits: spec.tableBits ?? 0,
    operators,
    hls: spec.free ? { bram18k: 0, dsp: 0, ff: 0, lut: 0 } : registered(priceOperators(operators, ctx.tool, priceClass), { priceClass, cycles: timing.cycles, operators }),
    cycles: timing.cycles,
    interval: timing.interval,
    notes: spec.notes ?? [],
  };
}

/**
 * Whether a layer is logic C-synthesis schedules within the cycle of its neighbours, holding no
 * register of its own: an io_parallel layer without weights of 0 cycles and no memory (ArgyKokk's
 * ReLU instances at 5 ns report 0 FFs; at 3.33 ns, where they take a cycle, 16–33 per element).
 * A streamed layer reads and writes its FIFOs; a table in BRAM is read on a clock edge.
 */
export function holdsNoRegisters(b: Pick<LayerBuild, 'priceClass' | 'cycles' | 'operators'>): boolean {
  return b.priceClass === 'passive' && b.cycles === 0 && b.operators.bram18k === 0;
}

function registered(hls: HlsResources, b: Pick<LayerBuild, 'priceClass' | 'cycles' | 'operators'>): HlsResources {
  return holdsNoRegisters(b) ? { ...hls, ff: 0 } : hls;
}

/** Stream elements of a tensor: its positions, the last dimension travelling packed in one element. */
export function streamBeats(shape: readonly number[]): number {
  const last = shape[shape.length - 1] ?? 1;
  return Math.max(1, product(shape) / Math.max(1, last));
}
