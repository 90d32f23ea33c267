import type { DesignRecordJson } from '@hlsest/core';

/** One entry of `model_config` in wa-hls4ml / rule4ml records, as stored. */
export interface LayerJson {
  readonly class_name: string;
  readonly name?: string;
  readonly input_shape?: unknown;
  readonly output_shape?: unknown;
  readonly inbound_layers?: unknown[];
  readonly parameters?: number | string;
  readonly neurons?: number | string;
  readonly filters?: number | string;
  readonly channels?: number | string;
  readonly kernel_size?: number | number[];
  readonly strides?: number | number[];
  readonly padding?: string;
  readonly use_bias?: boolean;
  readonly activation?: string;
  readonly reuse_factor?: number | string;
}

export type ResourcesJson = NonNullable<DesignRecordJson['results']['synth']>;
export type LatencyJson = { -readonly [K in keyof NonNullable<DesignRecordJson['results']['latency']>]: number };
