/**
 * The Keras model JSON as `model.to_json()` writes it, Keras 2 and Keras 3 alike. These are
 * on-disk shapes, kept apart from the runtime `Layer` (as tfjs-layers' keras_format does).
 */
export interface KerasLayerJson {
  readonly class_name: string;
  readonly name?: string;
  readonly config: KerasLayerConfig;
  /** Keras 2: `[[[name, nodeIndex, tensorIndex, kwargs], …]]`; Keras 3: `[{args, kwargs}]`. */
  readonly inbound_nodes?: unknown;
  readonly module?: string;
  readonly registered_name?: string;
}

export interface KerasLayerConfig {
  readonly name?: string;
  readonly batch_input_shape?: readonly (number | null)[];
  readonly batch_shape?: readonly (number | null)[];
  readonly input_shape?: readonly (number | null)[];
  readonly units?: number;
  readonly filters?: number;
  readonly kernel_size?: number | readonly number[];
  readonly strides?: number | readonly number[];
  readonly dilation_rate?: number | readonly number[];
  readonly padding?: string | number | readonly unknown[];
  readonly data_format?: string;
  readonly pool_size?: number | readonly number[];
  readonly depth_multiplier?: number;
  readonly use_bias?: boolean;
  readonly activation?: unknown;
  readonly target_shape?: readonly number[];
  readonly dims?: readonly number[];
  readonly axis?: number | readonly number[];
  readonly center?: boolean;
  readonly scale?: boolean;
  readonly return_sequences?: boolean;
  readonly reset_after?: boolean;
  readonly size?: number | readonly number[];
  readonly kernel_quantizer?: unknown;
  readonly bias_quantizer?: unknown;
  readonly depthwise_quantizer?: unknown;
  readonly pointwise_quantizer?: unknown;
  readonly [key: string]: unknown;
}

export interface KerasModelJson {
  readonly class_name: string;
  readonly config: { readonly name?: string; readonly layers: readonly KerasLayerJson[]; readonly build_input_shape?: unknown } | readonly KerasLayerJson[];
  readonly keras_version?: string;
  readonly backend?: string;
}
