import { z } from 'zod';
import { TARGETS } from '@hlsest/core';

/**
 * `bundle.json`, the file a trained predictor is described by. Weights sit beside it as raw
 * little-endian Float32 files (one per ensemble member) whose layout the `tensors` list gives:
 * no TensorFlow is needed to run them, they load with one `fetch` or `readFile` in a browser or
 * Node alike, and their sha256 is checked before use.
 *
 * Version 2: the learned part is a bounded correction of hls4ml's rule (log space), gated off with
 * the design's distance from the training data, and each target says where the rule is exact
 * and how wide its band must be to hold on families the bundle never saw.
 */
export const BUNDLE_FORMAT = 'hlsest-bundle';
export const BUNDLE_FORMAT_VERSION = 2;

const finite = z.number().refine(Number.isFinite, 'must be finite');
const nonNegative = finite.refine((v) => v >= 0, 'must be ≥ 0');

export const TensorSpecSchema = z.object({ name: z.string(), shape: z.array(z.number().int().positive()) });

export const TargetSpecSchema = z.object({
  name: z.enum(TARGETS),
  transform: z.literal('log1p'),
  /**
   * The learned correction, added to log1p(rule): the network's output × std + mean, clipped to
   * ±bound (the largest residual the training data justifies), times the gate. `enabled: false`
   * leaves hls4ml's number alone (the correction did not hold on held-out data).
   */
  correction: z.object({
    enabled: z.boolean(),
    mean: finite,
    std: finite,
    bound: nonNegative,
    /** Gate = 1 up to distance 1, then exp(−((d − 1)/scale)²); 0 switches the correction off beyond distance 1. */
    gateScale: nonNegative,
  }),
  /**
   * Band half-width in log1p space: `halfWidth` up to distance 1, growing by `widen` per unit of
   * distance beyond, plus `margin` everywhere (what families left out of the choice needed).
   */
  band: z.object({ halfWidth: nonNegative, widen: nonNegative, margin: nonNegative.default(0) }),
  /** Regimes (`regimeOf`) where the raw rule matched every training design: the estimate is the rule there. */
  exact: z.object({ regimes: z.array(z.string()), tolerance: nonNegative }),
  /** Mean of log1p(target) over training records: the "predict the mean" baseline. */
  logMean: finite,
  trainCount: z.number().int().nonnegative(),
});

export const BundleManifestSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.literal(BUNDLE_FORMAT_VERSION),
  name: z.string(),
  createdAt: z.string(),
  featureSpec: z.object({ version: z.number().int(), names: z.array(z.string()).min(1) }),
  scaler: z.object({ mean: z.array(finite), std: z.array(finite) }),
  targets: z.array(TargetSpecSchema),
  architecture: z.object({
    kind: z.literal('wide-deep'),
    hidden: z.array(z.number().int().positive()).min(1),
    activation: z.literal('relu'),
    /**
     * The shared layer network: one small ReLU MLP applied to every built layer's vector
     * (`LAYER_FEATURE_NAMES`, standardized by `mean`/`std`), whose outputs, weighted per target by
     * the layer's share of the rule's number, are summed into the design's correction. Absent: the
     * correction reads the design vector alone.
     */
    layers: z
      .object({
        hidden: z.array(z.number().int().positive()).min(1),
        names: z.array(z.string()).min(1),
        mean: z.array(finite),
        std: z.array(finite.refine((v) => v > 0, 'must be > 0')),
      })
      .optional(),
  }),
  members: z
    .array(z.object({ seed: z.number().int(), file: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), tensors: z.array(TensorSpecSchema) }))
    .min(1),
  /** z-score of the central band the predictor reports (1.2816 → 80 %). */
  band: z.object({ level: z.number().gt(0).lt(1), z: z.number().positive() }),
  /**
   * How far a design is from the training data, per kind of label (C-synthesis, post-synthesis,
   * post-implementation, latency: the designs labelled for a target are what its correction and
   * band learned from): its distance, in standardized feature space, to the nearest of the
   * kind's centres (k-means of those training designs), over `scale` (the median of that distance
   * for them). About 1 inside the data; far above it outside. Beyond `far` only the rule speaks.
   */
  distance: z.object({
    far: z.number().positive(),
    models: z.partialRecord(z.enum(['synth', 'hls', 'impl', 'latency']), z.object({ centers: z.array(z.array(finite)).min(1), scale: z.number().positive() })),
  }),
  /** Training-set feature ranges, for out-of-distribution warnings in user terms. */
  featureRanges: z.object({ min: z.array(finite), max: z.array(finite) }),
  /** The toolchain most training records came from: assumed when a prediction names none. */
  referenceToolchain: z
    .object({ hls4mlVersion: z.string().optional(), hlsTool: z.enum(['vivado_hls', 'vitis_hls', 'oneapi', 'catapult']).optional(), hlsToolVersion: z.string().optional() })
    .default({}),
  /** Layer kinds present in training data: a model with others is flagged. */
  layerKinds: z.array(z.string()),
  /** Families the bundle was trained on, for the report and the page. */
  families: z.array(z.string()).default([]),
  metrics: z.record(z.string(), z.unknown()).default({}),
  data: z.record(z.string(), z.unknown()).default({}),
  training: z.record(z.string(), z.unknown()).default({}),
});

export type BundleManifest = z.output<typeof BundleManifestSchema>;
export type TargetSpec = BundleManifest['targets'][number];
export type TensorSpec = z.output<typeof TensorSpecSchema>;

/**
 * The tensors of a wide-and-deep member, in file order: the deep MLP, the wide path, then (when
 * `layers` is given) the shared layer network. Kernels and biases alternate throughout.
 */
export function memberTensorSpecs(features: number, hidden: readonly number[], outputs: number, layers?: { readonly features: number; readonly hidden: readonly number[] }): TensorSpec[] {
  const specs = mlpSpecs('deep', features, hidden, outputs);
  specs.push({ name: 'wide/kernel', shape: [features, outputs] }, { name: 'wide/bias', shape: [outputs] });
  if (layers) specs.push(...mlpSpecs('layer', layers.features, layers.hidden, outputs));
  return specs;
}

function mlpSpecs(prefix: string, inputs: number, hidden: readonly number[], outputs: number): TensorSpec[] {
  const specs: TensorSpec[] = [];
  let width = inputs;
  hidden.forEach((units, i) => {
    specs.push({ name: `${prefix}_${i}/kernel`, shape: [width, units] }, { name: `${prefix}_${i}/bias`, shape: [units] });
    width = units;
  });
  specs.push({ name: `${prefix}_out/kernel`, shape: [width, outputs] }, { name: `${prefix}_out/bias`, shape: [outputs] });
  return specs;
}
