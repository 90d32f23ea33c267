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
export { isZip, readKerasArchive, type KerasArchive } from './keras/keras-archive.js';
export { multSize, type MultSize } from './build-model/mult-size.js';
export { hls4mlRules, hls4mlMinor, isModelledRelease, HLS4ML_VERSIONS, NEWEST_HLS4ML, type Hls4mlRules, type Hls4mlVersion } from './build-model/hls4ml-versions.js';
export { toolProfile, toolGroup, toolYear, synthTransferOf, profileOf, realProductShare, priceOperators, operatorFeatures, memoryStorage, TOOL_GROUPS, STRATEGY_CLASSES, OPERATOR_FEATURES, type ToolGroup, type ToolProfile, type ToolConstants, type OperatorCosts, type OperatorFeature, type StrategyClass, type TimingConstants } from './build-model/tool-profiles.js';
export { converterGraph, optimizedGraph, activationNodeName } from './build-model/hls4ml-graph.js';
export type { Operators, HlsResources } from './build-model/layer-build.js';
export { hls4mlClassName } from './layer-kinds/index.js';
export { activationFunction } from './layer-kinds/activation.js';
export { estimateProduct, bram18kForRom, type ProductEstimate, type ProductKind, type Confidence } from './build-model/operand-widths.js';
export {
  validReuseFactors,
  isValidReuseFactorBruteForce,
  closestReuseFactor,
  resolveReuseFactor,
  divisors,
  type ReuseFactorResolution,
} from './build-model/reuse-factor.js';
export { buildDesign, movedRomBits, type BuildOptions, type DesignBuild, type LayerBuild } from './build-model/build-design.js';
export { holdsNoRegisters } from './build-model/passive-layer.js';
export { extractFeatures, networkFeatures, writeFeatures, describeFeature, FEATURE_NAMES, FEATURE_SPEC_VERSION, REUSE_FEATURES, CATEGORIES, featureCount, type FeatureInput, type FeatureVector, type NetworkFeatures } from './features.js';
export { layerTerms, LAYER_FEATURE_NAMES, LAYER_REUSE_FEATURES, type LayerTerms } from './layer-features.js';
export { dspFollowsWeights, regimeOf, weightProductsUseNoDsp } from './regime.js';
export { TARGETS, TARGET_INFO, DSP_TARGETS, MULTIPLIER_TARGETS, targetValue, type Target, type TargetInfo } from './targets.js';
export { product } from './keras/shape-helpers.js';
export { ruleEstimate } from './rule-estimate.js';
export { familyOf, guessedSettings, multipliersFollowConfig, labelsTarget, type GuessedSetting } from './family.js';
export { weightStatsOf, withWeightStats, withSparsity, kernelCount } from './weights.js';
export { exactArrayBuffer } from './bytes.js';
export { parseParametersH, applyGeneratedConfig, type GeneratedConfig, type GeneratedLayer } from './generated/parameters-h.js';
export { parseOnnxModel } from './onnx/parse-onnx.js';
export { ModelProto as OnnxModelProto } from './onnx/onnx-schema.js';
