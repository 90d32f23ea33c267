import type { Layer } from '../schema.js';
import { layerRule } from '../layer-kinds/index.js';

/**
 * The multiplication a weight layer performs, as hls4ml sizes it (FB `get_layer_mult_size`):
 * one n_in × n_out matrix-vector product, repeated `applications` times (output pixels for a
 * convolution, timesteps for a recurrent layer, leading positions for a Dense on a sequence).
 */
export interface MultSize {
  readonly nIn: number;
  readonly nOut: number;
  readonly applications: number;
  /**
   * Products of one application when they are not n_in·n_out: a depthwise convolution is sized
   * n_chan·window × n_chan for hls4ml's reuse-factor check but multiplies each channel by its
   * own window only.
   */
  readonly products?: number;
  /**
   * Extra matrix products of the layer: a separable convolution's depthwise part shares the
   * layer's reuse factor; a recurrent layer's state product gets its own, validated on its own
   * size (`recurrent_reuse_factor` in `init_lstm`/`init_gru`).
   */
  readonly extra: readonly { readonly nIn: number; readonly nOut: number; readonly ownReuseFactor?: boolean }[];
}

export const NO_EXTRA: MultSize['extra'] = Object.freeze([]);

/** The layer's matrix product, from its kind's rule; undefined for layers without weights. */
export function multSize(layer: Layer): MultSize | undefined {
  return layerRule(layer.kind).multSize(layer);
}

// Loops rather than slice-and-reduce: the build sizes every weight layer of every swept configuration.
export function leadingSize(shape: readonly number[]): number {
  let size = 1;
  for (let i = 0; i < shape.length - 1; i++) size *= shape[i]!;
  return size;
}
