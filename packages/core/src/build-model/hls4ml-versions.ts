import { BoundedCache } from '../bounded-cache.js';
/**
 * Where hls4ml's behaviour changed between releases, one row per minor version. Each flag cites
 * the code it follows (repository fastmachinelearning/hls4ml at the named tags). A toolchain
 * that names no version, or one newer than the table, gets the newest row.
 */
export interface Hls4mlRules {
  readonly version: Hls4mlVersion;
  /**
   * Resource-strategy weights bound to `ROM_nP_BRAM` when RF > 1 (commit 22e815b1b, "Fix
   * incorrect BRAM reporting (#798)", first in v1.0.0); before, HLS chose the storage.
   */
  readonly weightsBoundToBram: boolean;
  /** The `resource_unrolled` strategy (PR #809, v1.0.0): RF 1 falls back to Resource. */
  readonly resourceUnrolled: boolean;
  /** `distributed_arithmetic` / `da` strategy for Dense and Conv at RF 1 (v1.2.0 `init_dense`). */
  readonly distributedArithmetic: boolean;
  /** SeparableConv split into a depthwise and a pointwise node (`separable_to_depthwise_and_conv`, v1.0.0). */
  readonly splitSeparable: boolean;
  /**
   * When a BatchNormalization after a Dense/Conv is folded into it (`fuse_batch_normalization`):
   * v0.7–0.8 when the layer has no QKeras weight/bias quantizer; v1.x only when the layer's
   * result type is `auto` (UnspecifiedPrecisionType in `bn_fuse.py`).
   */
  readonly batchnormFusion: 'unquantized' | 'auto-result';
  /** `quantized_relu` with a negative slope gives a signed type (`_get_precision_from_quantizer`, v1.0.0). */
  readonly signedLeakyQuantizedRelu: boolean;
  /** Layer precisions left unset become `auto` and are inferred (`infer_precision.py`, v1.0.0). */
  readonly autoPrecision: boolean;
  /** Cropping1D/2D, LayerNormalization and friends in the Keras converter (v1.2.0). */
  readonly croppingLayers: boolean;
  /**
   * The softmax a config that names none gets: v0.6 takes it from the strategy (`Softmax.initialize`
   * in `hls_layers.py`: Latency and Resource both give `latency`, no max subtracted); from v0.7
   * `stable` (`fpga_backend.py`, the `implementation` ChoiceAttribute's default).
   */
  readonly softmaxImplementation: 'latency' | 'stable';
  /**
   * How an io_parallel top function is scheduled (`#pragma HLS DATAFLOW` or `PIPELINE`):
   * - `model-strategy` (v0.6–0.7 `vivado_writer.py`): DATAFLOW when the model's strategy is Resource;
   * - `dataflow-on-request` (v0.8 `ModelGraph._validate_hls_config`, `_validate_conv_strategy`):
   *   `PipelineStyle` (default `pipeline`), turned into DATAFLOW by any Resource layer or convolution;
   * - `auto` (v1.0+ `SetPipelineStyle`): a `PipelineStyle` the config names wins (hls4ml only
   *   warns); `auto` gives DATAFLOW for convolutions or any Resource layer, else PIPELINE
   *   (`resource_unrolled` included).
   */
  readonly pipelineStyle: 'model-strategy' | 'dataflow-on-request' | 'auto';
  /**
   * Which node `fuse_consecutive_batch_normalization` keeps of an ApplyAlpha followed by a
   * BatchNormalization: before v1.0 the first (`qkeras.py`: the alpha node takes the product of
   * both scales and keeps its own quantizer, so a power-of-two alpha stays a shift); from v1.0 the
   * second (`batchnorm_opt.py`: the merged scale keeps no quantizer when neither scale is 1).
   */
  readonly consecutiveBatchnormKeeps: 'first' | 'second';
}

export const HLS4ML_VERSIONS = ['0.6', '0.7', '0.8', '1.0', '1.1', '1.2', '1.3'] as const;
export type Hls4mlVersion = (typeof HLS4ML_VERSIONS)[number];

const row = (version: Hls4mlVersion): Hls4mlRules => {
  const at = HLS4ML_VERSIONS.indexOf(version);
  const since = (first: Hls4mlVersion) => at >= HLS4ML_VERSIONS.indexOf(first);
  return Object.freeze({
    version,
    weightsBoundToBram: since('1.0'),
    resourceUnrolled: since('1.0'),
    distributedArithmetic: since('1.2'),
    splitSeparable: since('1.0'),
    batchnormFusion: since('1.0') ? 'auto-result' : 'unquantized',
    signedLeakyQuantizedRelu: since('1.0'),
    autoPrecision: since('1.0'),
    croppingLayers: since('1.2'),
    softmaxImplementation: since('0.7') ? 'stable' : 'latency',
    pipelineStyle: since('1.0') ? 'auto' : since('0.8') ? 'dataflow-on-request' : 'model-strategy',
    consecutiveBatchnormKeeps: since('1.0') ? 'second' : 'first',
  });
};

const RULES: Readonly<Record<Hls4mlVersion, Hls4mlRules>> = Object.fromEntries(HLS4ML_VERSIONS.map((v) => [v, row(v)])) as Record<Hls4mlVersion, Hls4mlRules>;

export const NEWEST_HLS4ML: Hls4mlVersion = HLS4ML_VERSIONS[HLS4ML_VERSIONS.length - 1]!;

/** The rules of the minor version `version` names (`0.8.1`, `1.1.0`, `v1.0`), the newest when unknown. */
export function hls4mlRules(version: string | undefined): Hls4mlRules {
  return RULES[hls4mlMinor(version) ?? NEWEST_HLS4ML];
}

/**
 * Whether hlsest's rules describe the hls4ml that `version` names: any release from the table's
 * first row on, or no version at all (taken as the newest). Forks, development branches
 * ("fork", "dev") and releases older than the table build layers differently.
 */
export function isModelledRelease(version: string | undefined): boolean {
  if (version === undefined || version.trim() === '') return true;
  const value = versionNumber(version);
  return value !== undefined && value >= versionNumber(HLS4ML_VERSIONS[0])!;
}

/** `v1.1.0` → 101: major × 100 + minor, comparable; undefined when `version` does not start with them. */
function versionNumber(version: string): number | undefined {
  const match = /^v?(\d+)\.(\d+)/.exec(version.trim());
  return match ? Number(match[1]) * 100 + Number(match[2]) : undefined;
}

// Every build asks; a sweep asks with the same few strings millions of times.
const minors = new BoundedCache<string, Hls4mlVersion | undefined>(256);

/** `1.1.0` → `1.1`; versions older than the table map to its first row, newer ones to its last. */
export function hls4mlMinor(version: string | undefined): Hls4mlVersion | undefined {
  return version === undefined ? undefined : minors.get(version, parseMinor);
}

function parseMinor(version: string): Hls4mlVersion | undefined {
  const value = versionNumber(version);
  if (value === undefined) return undefined;
  let chosen: Hls4mlVersion = HLS4ML_VERSIONS[0];
  for (const v of HLS4ML_VERSIONS) if (versionNumber(v)! <= value) chosen = v;
  return chosen;
}
