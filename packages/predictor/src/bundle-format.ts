import { z } from 'zod';
import { TARGETS } from '@hlsest/core';

/**
 * `bundle.json`, the file a trained predictor is described by. Weights sit beside it as raw
 * little-endian Float32 files (one per ensemble member) whose layout the `tensors` list gives:
 * no TensorFlow is needed to run them, they load with one `fetch` or `readFile` in a browser or
 * Node alike, and their sha256 is checked before use.
 */
export const BUNDLE_FORMAT = 'hlsest-bundle';
export const BUNDLE_FORMAT_VERSION = 1;

const finite = z.number().refine(Number.isFinite, 'must be finite');

export const TensorSpecSchema = z.object({ name: z.string(), shape: z.array(z.number().int().positive()) });

export const BundleManifestSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.literal(BUNDLE_FORMAT_VERSION),
  name: z.string(),
  createdAt: z.string(),
  featureSpec: z.object({ version: z.number().int(), names: z.array(z.string()).min(1) }),
  scaler: z.object({ mean: z.array(finite), std: z.array(finite) }),
  /**
   * Per target, in log1p space: prediction = offset.a + offset.b·log1p(rule estimate) +
   * std·(network output) + mean. The network learns what the calibrated build-model rule misses.
   */
  targets: z.array(
    z.object({
      name: z.enum(TARGETS),
      transform: z.literal('log1p'),
      offset: z.object({ a: finite, b: finite }),
      /**
       * 1 when the network's correction beat the calibrated rule alone on the validation designs,
       * else 0: the target then falls back to the rule (too few labels to learn from).
       */
      correction: z.union([z.literal(0), z.literal(1)]),
      /** Mean of log1p(target) over training records: the "predict the mean" baseline. */
      logMean: finite,
      mean: finite,
      std: finite,
      /** Std of validation residuals in log1p space: the noise the ensemble spread does not show. */
      residualStd: finite,
      trainCount: z.number().int().nonnegative(),
    }),
  ),
  architecture: z.object({
    kind: z.literal('wide-deep'),
    hidden: z.array(z.number().int().positive()).min(1),
    activation: z.literal('relu'),
  }),
  members: z
    .array(z.object({ seed: z.number().int(), file: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), tensors: z.array(TensorSpecSchema) }))
    .min(1),
  /** z-score of the central band the predictor reports (1.2816 → 80 %). */
  band: z.object({ level: z.number().gt(0).lt(1), z: z.number().positive() }),
  /** Training-set feature ranges, for out-of-distribution warnings. */
  featureRanges: z.object({ min: z.array(finite), max: z.array(finite) }),
  /** The toolchain most training records came from: assumed when a prediction names none. */
  referenceToolchain: z
    .object({ hls4mlVersion: z.string().optional(), hlsTool: z.enum(['vivado_hls', 'vitis_hls', 'oneapi', 'catapult']).optional(), hlsToolVersion: z.string().optional() })
    .default({}),
  /** Layer kinds present in training data: a model with others is flagged. */
  layerKinds: z.array(z.string()),
  metrics: z.record(z.string(), z.unknown()).default({}),
  data: z.record(z.string(), z.unknown()).default({}),
  training: z.record(z.string(), z.unknown()).default({}),
});

export type BundleManifest = z.output<typeof BundleManifestSchema>;
export type TargetSpec = BundleManifest['targets'][number];
export type TensorSpec = z.output<typeof TensorSpecSchema>;

/** The tensors of a wide-and-deep member, in file order. */
export function memberTensorSpecs(features: number, hidden: readonly number[], outputs: number): TensorSpec[] {
  const specs: TensorSpec[] = [];
  let width = features;
  hidden.forEach((units, i) => {
    specs.push({ name: `deep_${i}/kernel`, shape: [width, units] }, { name: `deep_${i}/bias`, shape: [units] });
    width = units;
  });
  specs.push({ name: 'deep_out/kernel', shape: [width, outputs] }, { name: 'deep_out/bias', shape: [outputs] });
  specs.push({ name: 'wide/kernel', shape: [features, outputs] }, { name: 'wide/bias', shape: [outputs] });
  return specs;
}
