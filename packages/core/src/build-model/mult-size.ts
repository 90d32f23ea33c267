import type { Layer } from '../schema.js';
import { product } from '../keras/shape-rules.js';

/**
 * The multiplication a weight layer performs, as hls4ml sizes it (FB `get_layer_mult_size`):
 * one n_in × n_out matrix-vector product, repeated `applications` times (output pixels for a
 * convolution, timesteps for a recurrent layer, leading positions for a Dense on a sequence).
 */
export interface MultSize {
  readonly nIn: number;
  readonly nOut: number;
  readonly applications: number;
  /** Extra matrix products that share the layer's reuse factor (separable pointwise, recurrent state). */
  readonly extra: readonly { readonly nIn: number; readonly nOut: number }[];
}

export function multSize(layer: Layer): MultSize | undefined {
  const channels = layer.inputShape[layer.inputShape.length - 1] ?? 1;
  switch (layer.kind) {
    case 'dense':
      return { nIn: channels, nOut: layer.units ?? last(layer.outputShape), applications: Math.max(1, leading(layer.inputShape)), extra: NO_EXTRA };
    case 'conv1d':
    case 'conv2d':
      return { nIn: channels * window(layer), nOut: layer.filters ?? last(layer.outputShape), applications: leading(layer.outputShape), extra: NO_EXTRA };
    case 'depthwise_conv1d':
    case 'depthwise_conv2d':
      return { nIn: window(layer), nOut: channels * (layer.depthMultiplier ?? 1), applications: leading(layer.outputShape), extra: NO_EXTRA };
    case 'separable_conv1d':
    case 'separable_conv2d': {
      const depthOut = channels * (layer.depthMultiplier ?? 1);
      return {
        nIn: depthOut,
        nOut: layer.filters ?? last(layer.outputShape),
        applications: leading(layer.outputShape),
        extra: [{ nIn: window(layer), nOut: depthOut }],
      };
    }
    case 'recurrent': {
      const units = layer.units ?? last(layer.outputShape);
      const gates = gatesOf(layer.className);
      const timesteps = layer.inputShape.length > 1 ? layer.inputShape[0]! : 1;
      return { nIn: channels, nOut: gates * units, applications: timesteps, extra: [{ nIn: units, nOut: gates * units }] };
    }
    default:
      return undefined;
  }
}

function gatesOf(className: string): number {
  if (className.includes('LSTM')) return 4;
  if (className.includes('GRU')) return 3;
  return 1;
}

const last = (shape: readonly number[]): number => shape[shape.length - 1] ?? 1;

// Loops rather than slice-and-reduce: the build sizes every weight layer of every swept configuration.
function leading(shape: readonly number[]): number {
  let size = 1;
  for (let i = 0; i < shape.length - 1; i++) size *= shape[i]!;
  return size;
}

const window = (layer: Layer): number => (layer.kernelSize ? product(layer.kernelSize) : 1);

const NO_EXTRA: MultSize['extra'] = Object.freeze([]);
