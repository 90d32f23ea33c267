export { Predictor, BandTable, BatchContext, urlBundleSource, sha256Hex, type EstimateContext, type BundleSource, type Band, type TargetEstimate, type EstimateSource, type Estimate, type DesignInput, type FeatureRow, type RuleFacts, ruleFacts, type ResourceKey, type OutOfRange, type Decomposition } from './predictor.js';
export { BundleManifestSchema, BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, memberTensorSpecs, type BundleManifest, type TargetSpec, type TensorSpec } from './bundle-format.js';
export { addLayerTerms, forwardBatch, forwardBatchPlain, forwardMlp, layerBatch, unpackMember, type DenseWeights, type LayerBatch, type MemberWeights } from './forward.js';
export { forwardBatchSimd, simdAvailable } from './simd-forward.js';
export { checkDesign } from './design-limits.js';
export { sweep, markPareto, type SweepEstimate, type SweepGrid, type SweepRow } from './sweep.js';
export { gateOf, beyond, bandHalfWidth, bandSigma, MAX_BAND_HALF_WIDTH, type Reach } from './reach.js';
