export * from './errors.js';
export * from './precision.js';
export * from './units.js';
export * from './boards.js';
export * from './layers.js';
export * from './schema.js';
export * from './qkeras.js';
export * from './hls4ml-config.js';
export type { KerasModelJson, KerasLayerJson, KerasLayerConfig } from './keras/keras-format.js';
export { parseKerasModel, type Network } from './keras/parse-keras-model.js';
export { multSize, type MultSize } from './build-model/mult-size.js';
export { estimateProduct, bram18kForRom, type ProductEstimate, type ProductKind, type Confidence } from './build-model/operand-widths.js';
export {
  validReuseFactors,
  isValidReuseFactorBruteForce,
  closestReuseFactor,
  resolveReuseFactor,
  divisors,
  type ReuseFactorResolution,
} from './build-model/reuse-factor.js';
export { buildDesign, type BuildOptions, type DesignBuild, type LayerBuild } from './build-model/build-design.js';
export { extractFeatures, networkFeatures, writeFeatures, FEATURE_NAMES, FEATURE_SPEC_VERSION, CATEGORIES, featureCount, type FeatureInput, type FeatureVector, type NetworkFeatures } from './features.js';
export { TARGETS, TARGET_INFO, targetValue, type Target } from './targets.js';
export { product } from './keras/shape-rules.js';
export { ruleEstimate } from './rule-estimate.js';
export { exactArrayBuffer } from './bytes.js';
