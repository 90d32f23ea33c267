import type { InferredShape, ShapeContext } from '../keras/shape-helpers.js';
import type { Layer } from '../schema.js';
import type { LayerBuild } from '../build-model/layer-build.js';
import type { BuildContext } from '../build-model/build-context.js';
import type { MultSize } from '../build-model/mult-size.js';

/** Coarser groups used for feature blocks and per-subset evaluation. */
export type LayerFamily = 'dense' | 'conv1d' | 'conv2d' | 'pooling' | 'batchnorm' | 'activation' | 'merge' | 'recurrent' | 'shape' | 'other';

/** What a Keras or QKeras class name tells about a layer beyond its kind. */
export interface KerasClass {
  /** QKeras layer: its quantizers set precisions. */
  readonly quantized: boolean;
  /** For pooling: max or average; for merges: the operation; for recurrent layers: lstm/gru/simple_rnn. */
  readonly op?: string;
  /** For layers that are activations by class (ReLU, Softmax…): the function. */
  readonly activation?: string;
  /** Layers whose class fixes binary (±1) or ternary (0/±1) weights, as hls4ml's converter reads them. */
  readonly weights?: 'binary' | 'ternary';
  /** A convolution with a batch normalization folded into it (QKeras `QConv2DBatchnorm`). */
  readonly foldedBatchnorm?: boolean;
  /** hls4ml's class for it (`layer_map` in `model/layers.py`), when not the Keras name: `LayerType` config keys use it. */
  readonly hls4ml?: string;
}

/**
 * Everything hlsest knows about one kind of layer, in one place, the way hls4ml keeps one
 * converter handler and one backend initializer per layer family. The compiler lists what a new
 * kind must provide; `layer-kinds/index.ts` registers it.
 */
export interface LayerKindRule {
  /** Feature family (counts, per-family evaluation). */
  readonly family: LayerFamily;
  /** The Keras and QKeras class names hls4ml's Keras converter maps onto this kind. */
  readonly keras: Readonly<Record<string, KerasClass>>;
  /** Whether it multiplies by trained weights (its reuse factor matters). */
  readonly weighted: boolean;
  /** Output shape and parameter count from the Keras config, checked the way the converter checks. */
  inferShape(ctx: ShapeContext): InferredShape;
  /** hls4ml's `get_layer_mult_size` (`backends/fpga/fpga_backend.py`); undefined without a matrix product. */
  multSize(layer: Layer): MultSize | undefined;
  /** What hls4ml and the HLS tool build for the layer (one hls4ml node). */
  build(layer: Layer, ctx: BuildContext): LayerBuild;
}
