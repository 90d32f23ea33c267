import { z } from 'zod';
import { formatPrecision, parsePrecision, type Precision } from './precision.js';
import { LAYER_KINDS } from './layer-kinds/index.js';
import { HlsestError } from './errors.js';

/**
 * The on-disk record of one synthesized design. Precisions travel as hls4ml strings on disk and
 * as parsed `Precision` values in memory: the codec below is the only place that converts.
 */
export const RECORD_SCHEMA_VERSION = 1;

const count = z.number().int().nonnegative();
const positiveInt = z.number().int().positive();
const amount = z.number().nonnegative().refine(Number.isFinite, 'must be finite');

export const PrecisionCodec = z.codec(z.string(), z.custom<Precision>((v) => typeof v === 'object' && v !== null && 'kind' in v), {
  decode: (text, ctx) => {
    try {
      return parsePrecision(text);
    } catch (error) {
      ctx.issues.push({ code: 'custom', message: (error as Error).message, input: text });
      return z.NEVER;
    }
  },
  encode: (precision) => formatPrecision(precision),
});

/** The types hls4ml's precision inference fills in; an `auto` weight or bias is simply the default. */
export const AUTO_PRECISION_VARIABLES = ['result', 'accum'] as const;
export type AutoPrecisionVariable = (typeof AUTO_PRECISION_VARIABLES)[number];

export const LayerPrecisionSchema = z.object({
  weight: PrecisionCodec.optional(),
  bias: PrecisionCodec.optional(),
  result: PrecisionCodec.optional(),
  accum: PrecisionCodec.optional(),
  /** Lookup-table entries of activations (hls4ml `table_t`). */
  table: PrecisionCodec.optional(),
});

/** What the trained weights of a layer hold, as far as the hardware cares (from a Keras `.h5`, or planned). */
export const WeightStatsSchema = z.object({
  /** Kernel weights (biases not counted). */
  count: count,
  /** Weights that are exactly zero (pruned): Latency kernels drop their products. */
  zeros: count,
  /** Non-zero weights that are ± a power of two: a constant multiplication HLS turns into a shift. */
  powersOfTwo: count.optional(),
  /**
   * Non-zero weights whose value, cast to the weight type, has three or more nonzero signed
   * digits: the constant products C-synthesis keeps as multiplications (`constant-products.ts`).
   */
  multiplications: count.optional(),
  /** The largest |weight| after the cast: how many of the type's bits a memory of them keeps. */
  largest: z.number().nonnegative().optional(),
});

const shape = z.array(positiveInt.or(z.literal(0)));

/**
 * How Keras draws a kernel before training (its `kernel_initializer`): a variance `scale / n`
 * over the kernel's fans (Glorot, LeCun, He and `VarianceScaling` alike), or values within
 * ±`limit` whatever the fans (`RandomUniform`, `RandomNormal`, `Constant`). The spread decides how
 * many of a constant kernel's products stay multiplications.
 */
export const KernelInitSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('variance'), scale: z.number().positive(), mode: z.enum(['fan_in', 'fan_out', 'fan_avg']) }),
  z.object({ kind: z.literal('limit'), limit: z.number().nonnegative() }),
]);

export const LayerSchema = z.object({
  name: z.string().min(1),
  className: z.string().min(1),
  kind: z.enum(LAYER_KINDS),
  /** Shape of the (first) input, without the batch dimension. */
  inputShape: shape,
  outputShape: shape,
  params: count,
  units: positiveInt.optional(),
  filters: positiveInt.optional(),
  kernelSize: z.array(positiveInt).optional(),
  strides: z.array(positiveInt).optional(),
  padding: z.enum(['valid', 'same', 'causal']).optional(),
  depthMultiplier: positiveInt.optional(),
  poolSize: z.array(positiveInt).optional(),
  useBias: z.boolean().optional(),
  /** Activation function name (`relu`, `softmax`, `quantized_relu(8,1)` keeps its arguments). */
  activation: z.string().optional(),
  /** hls4ml's `activ_param`: LeakyReLU's negative slope, ELU's alpha, ThresholdedReLU's theta. */
  activationParameter: z.number().finite().optional(),
  /**
   * A QKeras kernel or bias quantizer's `alpha` where it is neither 1 nor unset: hls4ml scales the
   * weights back out of it and re-applies the scale in an ApplyAlpha node after the layer
   * (`qkeras_factorize_alpha`).
   */
  quantizerAlpha: z.union([z.number().finite(), z.enum(['auto', 'auto_po2'])]).optional(),
  /** A Clone node (io_stream): how many copies of its input stream it writes (`clone_output`). */
  copies: positiveInt.optional(),
  /** Reuse factor: the one hls4ml applied when the source records it, else the requested one. */
  reuseFactor: positiveInt.optional(),
  reuseFactorKind: z.enum(['applied', 'requested']).optional(),
  strategy: z.enum(['latency', 'resource', 'resource_unrolled', 'distributed_arithmetic']).optional(),
  precision: LayerPrecisionSchema.optional(),
  /**
   * Types the hls4ml config set to `auto` (hls4ml ≥ 1.0, `config_from_keras_model(granularity='name')`
   * writes it for every result and accumulator): hls4ml infers them from the layer's inputs
   * (`infer_precision.py`), so `precision` leaves them out.
   */
  autoPrecision: z.array(z.enum(AUTO_PRECISION_VARIABLES)).optional(),
  /** hls4ml `Implementation` (softmax: stable, latency, argmax, legacy) or `ConvImplementation` (LineBuffer, Encoded). */
  implementation: z.string().optional(),
  /** Entries of an activation's lookup tables (hls4ml `TableSize`, default 1024). */
  tableSize: positiveInt.optional(),
  /** io_parallel convolutions: output pixels computed per step (hls4ml `ParallelizationFactor`). */
  parallelizationFactor: positiveInt.optional(),
  weights: WeightStatsSchema.optional(),
  kernelInit: KernelInitSchema.optional(),
  inbound: z.array(z.string()).default([]),
});

export const STRATEGIES = ['latency', 'resource', 'resource_unrolled', 'distributed_arithmetic'] as const;
export const IO_TYPES = ['io_parallel', 'io_stream'] as const;
export const BACKENDS = ['vivado', 'vitis', 'vivado_accelerator', 'vitis_accelerator', 'oneapi', 'quartus', 'catapult'] as const;

export const HlsConfigSchema = z.object({
  strategy: z.enum(STRATEGIES),
  ioType: z.enum(IO_TYPES),
  /** Model-level default precision. */
  precision: PrecisionCodec,
  /** Model-level requested reuse factor. */
  reuseFactor: positiveInt,
  clockPeriodNs: z.number().positive(),
  part: z.string().min(1),
  board: z.string().optional(),
  backend: z.enum(BACKENDS).optional(),
  /**
   * `Model.BramFactor`: a layer with more weights than this reads them from a top-level BRAM port
   * (`register_bram_weights`), outside the design; unset (hls4ml's default 10⁹) means none does.
   */
  bramFactor: z.number().positive().optional(),
  /** The top function's schedule the config asks for (`Model.PipelineStyle`); unset means hls4ml's own choice. */
  pipelineStyle: z.enum(['pipeline', 'dataflow']).optional(),
});

export const ToolchainSchema = z.object({
  hls4mlVersion: z.string().optional(),
  hlsTool: z.enum(['vivado_hls', 'vitis_hls', 'oneapi', 'catapult']).optional(),
  hlsToolVersion: z.string().optional(),
  vivadoVersion: z.string().optional(),
});

/** Resource counts in hlsest units: BRAM in 18 Kb blocks whatever the report said. */
export const ResourcesSchema = z.object({
  bram18k: amount,
  dsp: amount,
  ff: amount,
  lut: amount,
  uram: amount.optional(),
});

export const LatencySchema = z.object({
  cyclesMin: amount.optional(),
  cyclesMax: amount.optional(),
  /** Average case (some reports give only this; it is not the worst case the `cycles` target means). */
  cyclesAvg: amount.optional(),
  intervalMin: amount.optional(),
  intervalMax: amount.optional(),
  targetClockNs: z.number().positive().optional(),
  estimatedClockNs: z.number().positive().optional(),
});

/** One hls4ml node's own lines of a C-synthesis report (its instance in the top function). */
export const LayerResultSchema = z.object({
  /** The hls4ml node (`fc1`, `fc1_relu`, `conv`), as `buildDesign` names its layer builds. */
  node: z.string().min(1),
  /** The C-synthesis module, for traceability (`dense_latency_…_config2_s`). */
  module: z.string().optional(),
  hls: ResourcesSchema.optional(),
  latency: LatencySchema.optional(),
});

/** Placed-and-routed utilization: a third kind of number, neither post-synthesis nor HLS estimate. */
export const ImplementationSchema = ResourcesSchema.extend({
  /** What the numbers cover: the hls4ml IP alone, or a whole block design (processor system, DMA, interconnect). */
  scope: z.enum(['ip', 'block-design']),
  /** Resolution of the source in % of the device when it gave rounded percentages (1 for integers). */
  percentResolution: z.number().positive().optional(),
});

export const INPUT_FORMATS = ['hls4ml-project', 'wa-hls4ml-json', 'rule4ml-json', 'csv', 'hls4ml-baseline-json', 'n-torc-csv', 'enet-csv', 'nas-lenet-csv', 'sepconv-csv'] as const;

export const ProvenanceSchema = z.object({
  /** Which collection the design came from (`wa-hls4ml`, `rule4ml`, a folder name…). */
  source: z.string().min(1),
  format: z.enum(INPUT_FORMATS),
  file: z.string().min(1),
  /** Where in the file: array index, CSV row, archive member. */
  position: z.string().optional(),
  /** The id the source gave the design (wa-hls4ml uuid, rule4ml model_id, project path, CSV row key). */
  sourceId: z.string().optional(),
  /** A finer grouping inside the source (a file's family of networks), for leave-one-subset-out. */
  subset: z.string().optional(),
  /**
   * Settings that neither a config, the reports nor the names gave, taken from defaults. A record
   * whose reuse factor or strategy is a guess labels no configuration: training and evaluation
   * skip it. `inputStream`: a layer cut from a larger design, whose input stream (how many
   * elements its input arrives in) the source does not record; its latency hangs on it.
   */
  assumed: z.array(z.enum(['reuseFactor', 'strategy', 'ioType', 'precision', 'inputStream'])).optional(),
});

export const DesignRecordSchema = z.object({
  schemaVersion: z.literal(RECORD_SCHEMA_VERSION),
  /** Content id: equal designs with equal results get equal ids, whatever file they came from. */
  id: z.string().regex(/^[0-9a-f]{16,64}$/),
  network: z.object({ layers: z.array(LayerSchema).min(1) }),
  config: HlsConfigSchema,
  toolchain: ToolchainSchema,
  results: z
    .object({
      hls: ResourcesSchema.optional(),
      synth: ResourcesSchema.optional(),
      impl: ImplementationSchema.optional(),
      latency: LatencySchema.optional(),
      /** Latency measured by C/RTL co-simulation on test vectors (not the C-synthesis estimate). */
      cosim: z.object({ cyclesMin: amount.optional(), cyclesMax: amount.optional() }).optional(),
      /** Per-node HLS estimates and latencies, where the report or the source gives them. */
      layers: z.array(LayerResultSchema).optional(),
    })
    .refine(
      (r) => r.hls !== undefined || r.synth !== undefined || r.impl !== undefined || r.latency !== undefined || r.cosim !== undefined || (r.layers?.length ?? 0) > 0,
      'a record needs at least one result',
    ),
  provenance: ProvenanceSchema,
  warnings: z.array(z.string()).default([]),
});

export type Layer = z.output<typeof LayerSchema>;
export type LayerPrecision = z.output<typeof LayerPrecisionSchema>;
export type WeightStats = z.output<typeof WeightStatsSchema>;
export type KernelInit = z.output<typeof KernelInitSchema>;
export type HlsConfig = z.output<typeof HlsConfigSchema>;
export type Strategy = HlsConfig['strategy'];
export type IoType = HlsConfig['ioType'];
export type Backend = NonNullable<HlsConfig['backend']>;
export type Toolchain = z.output<typeof ToolchainSchema>;
export type Resources = z.output<typeof ResourcesSchema>;
export type Latency = z.output<typeof LatencySchema>;
export type LayerResult = z.output<typeof LayerResultSchema>;
export type Implementation = z.output<typeof ImplementationSchema>;
export type Provenance = z.output<typeof ProvenanceSchema>;
export type InputFormat = Provenance['format'];
export type DesignRecord = z.output<typeof DesignRecordSchema>;
/** A record as stored in JSON: precisions as strings. */
export type DesignRecordJson = z.input<typeof DesignRecordSchema>;

export interface ValidationIssue {
  /** JSON path of the offending field, e.g. `network.layers.2.kernelSize`. */
  readonly path: string;
  readonly message: string;
}

export type DecodeResult = { ok: true; record: DesignRecord } | { ok: false; issues: ValidationIssue[] };

/** Validates a stored record and parses its precisions; never throws. */
export function decodeRecord(json: unknown): DecodeResult {
  const parsed = DesignRecordSchema.safeDecode(json as DesignRecordJson);
  if (parsed.success) return { ok: true, record: parsed.data };
  return { ok: false, issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.') || '(root)', message: issue.message })) };
}

/** Like `decodeRecord` but throws `HLSEST_INVALID_RECORD` with every issue in the message. */
export function decodeRecordOrThrow(json: unknown, where: string): DesignRecord {
  const result = decodeRecord(json);
  if (result.ok) return result.record;
  throw new HlsestError('HLSEST_INVALID_RECORD', `Invalid record in ${where}: ${formatIssues(result.issues)}`, { where, issues: result.issues });
}

export function encodeRecord(record: DesignRecord): DesignRecordJson {
  return DesignRecordSchema.encode(record);
}

export function formatIssues(issues: readonly ValidationIssue[]): string {
  return issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
}
