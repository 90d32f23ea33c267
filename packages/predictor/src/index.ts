export { Predictor, BandTable, urlBundleSource, sha256Hex, type EstimateContext, type BundleSource, type Band, type Estimate, type DesignInput, type ResourceKey } from './predictor.js';
export { BundleManifestSchema, BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, memberTensorSpecs, type BundleManifest, type TargetSpec, type TensorSpec } from './bundle-format.js';
export { forwardBatch, forwardBatchPlain, unpackMember, type MemberWeights } from './forward.js';
export { forwardBatchSimd, simdAvailable } from './simd-forward.js';
export { sweep, markPareto, type SweepEstimate, type SweepGrid, type SweepRow } from './sweep.js';
