import { HlsestError } from '../errors.js';
import type { KerasLayerConfig } from './keras-format.js';

/** What shape inference knows of one layer: its output and trainable parameter count. */
export interface InferredShape {
  readonly outputShape: number[];
  readonly params: number;
  readonly kernelSize?: number[];
  readonly strides?: number[];
  readonly poolSize?: number[];
}

/** One Keras layer as its shape rule sees it. */
export interface ShapeContext {
  readonly layerName: string;
  readonly className: string;
  readonly op: string | undefined;
  readonly config: KerasLayerConfig;
  readonly inputs: readonly (readonly number[])[];
}

export const product = (values: readonly number[]): number => values.reduce((a, b) => a * b, 1);
export const last = (values: readonly number[]): number => values[values.length - 1] ?? 1;

export function firstInput(ctx: ShapeContext): readonly number[] {
  const input = ctx.inputs[0];
  if (!input) throw mismatch(ctx, 'has no input');
  return input;
}

export function paddingMode(padding: unknown): 'valid' | 'same' | 'causal' {
  return padding === 'same' || padding === 'causal' ? padding : 'valid';
}

/** A Keras size argument (`3`, `[3, 3]`) as one number per spatial axis; `fallback` when absent. */
export function tuple(ctx: ShapeContext, value: unknown, rank: number, fallback: number | undefined, field: string): number[] {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return Array.from({ length: rank }, () => value);
  if (Array.isArray(value) && value.length === rank && value.every((v) => typeof v === 'number' && Number.isInteger(v) && v > 0)) return [...(value as number[])];
  if (fallback !== undefined && (value === undefined || value === null)) return Array.from({ length: rank }, () => fallback);
  throw mismatch(ctx, `has an invalid ${field}: ${JSON.stringify(value)} (expected ${rank} positive integer${rank > 1 ? 's' : ''})`);
}

/** Keras padding/cropping amounts (`1`, `[1, 2]`, `[[1, 1], [2, 2]]`) as the total per spatial axis. */
export function amountsPerAxis(ctx: ShapeContext, value: unknown, rank: number, fallback: number, field: string): number[] {
  const pair = (entry: unknown): number | undefined => {
    if (typeof entry === 'number' && Number.isInteger(entry) && entry >= 0) return 2 * entry;
    if (Array.isArray(entry) && entry.length === 2 && entry.every((v) => typeof v === 'number' && Number.isInteger(v) && v >= 0)) return (entry[0] as number) + (entry[1] as number);
    return undefined;
  };
  if (value === undefined || value === null) return Array.from({ length: rank }, () => 2 * fallback);
  if (typeof value === 'number') {
    const amount = pair(value);
    if (amount !== undefined) return Array.from({ length: rank }, () => amount);
  }
  if (Array.isArray(value)) {
    // 1-d layers take a single (before, after) pair; 2-d layers one entry per axis.
    if (rank === 1 && value.length === 2 && value.every((v) => typeof v === 'number')) {
      const total = pair(value);
      if (total !== undefined) return [total];
    }
    if (value.length === rank) {
      const amounts = value.map(pair);
      if (amounts.every((a) => a !== undefined)) return amounts as number[];
    }
  }
  throw mismatch(ctx, `has an invalid ${field}: ${JSON.stringify(value)}`);
}

export function positive(ctx: ShapeContext, field: string, value: unknown): number {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
  throw new HlsestError('HLSEST_BAD_MODEL', `Layer "${ctx.layerName}" (${ctx.className}) has no valid "${field}": ${JSON.stringify(value)}`, {
    layer: ctx.layerName,
    field,
  });
}

export function mismatch(ctx: ShapeContext, reason: string): HlsestError {
  return new HlsestError('HLSEST_SHAPE_MISMATCH', `Layer "${ctx.layerName}" (${ctx.className}) ${reason}`, {
    layer: ctx.layerName,
    className: ctx.className,
  });
}

/** A layer hls4ml's converter refuses, with the converter's own reason. */
export function unsupported(ctx: ShapeContext, reason: string): HlsestError {
  return new HlsestError('HLSEST_UNKNOWN_LAYER', `Layer "${ctx.layerName}" (${ctx.className}): ${reason}`, { layer: ctx.layerName, className: ctx.className });
}
