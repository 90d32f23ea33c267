import { HlsestError } from '../errors.js';
import { activationFunction as activationFunctionOf, activationRule } from './activation.js';
import { batchnormRule } from './batchnorm.js';
import { conv1dRule, conv2dRule } from './convolution.js';
import { customRule } from './custom.js';
import { denseRule } from './dense.js';
import { depthwiseConv1dRule, depthwiseConv2dRule } from './depthwise.js';
import { embeddingRule } from './embedding.js';
import type { KerasClass, LayerKindRule } from './layer-kind.js';
import { mergeRule } from './merge.js';
import { globalPooling1dRule, globalPooling2dRule, pooling1dRule, pooling2dRule } from './pooling.js';
import { recurrentRule } from './recurrent.js';
import { croppingRule, upsamplingRule, zeroPaddingRule } from './resize.js';
import { separableConv1dRule, separableConv2dRule } from './separable.js';
import { cloneRule, dropoutRule, flattenRule, inputRule, reshapeRule } from './shape-only.js';

/**
 * Every layer kind hlsest knows, each with its one rule entry. A new kind is a new file
 * implementing `LayerKindRule` plus one line here; the compiler then asks for everything else.
 */
export const LAYER_RULES = {
  input: inputRule,
  dense: denseRule,
  conv1d: conv1dRule,
  conv2d: conv2dRule,
  depthwise_conv1d: depthwiseConv1dRule,
  depthwise_conv2d: depthwiseConv2dRule,
  separable_conv1d: separableConv1dRule,
  separable_conv2d: separableConv2dRule,
  pooling1d: pooling1dRule,
  pooling2d: pooling2dRule,
  global_pooling1d: globalPooling1dRule,
  global_pooling2d: globalPooling2dRule,
  flatten: flattenRule,
  reshape: reshapeRule,
  batchnorm: batchnormRule,
  activation: activationRule,
  merge: mergeRule,
  dropout: dropoutRule,
  recurrent: recurrentRule,
  upsampling: upsamplingRule,
  zeropadding: zeroPaddingRule,
  cropping: croppingRule,
  embedding: embeddingRule,
  clone: cloneRule,
  other: customRule,
} as const satisfies Readonly<Record<string, LayerKindRule>>;

export type LayerKind = keyof typeof LAYER_RULES;
export const LAYER_KINDS = Object.keys(LAYER_RULES) as [LayerKind, ...LayerKind[]];

export function layerRule(kind: LayerKind): LayerKindRule {
  return LAYER_RULES[kind];
}

export interface KerasClassInfo extends KerasClass {
  readonly kind: LayerKind;
}

/**
 * Keras/QKeras class name → kind, built from the rules. Like hls4ml's `register_keras_layer_handler`,
 * a class claimed by two kinds is an error, raised when this module loads.
 */
export const KERAS_CLASSES: Readonly<Record<string, KerasClassInfo>> = (() => {
  const table: Record<string, KerasClassInfo> = {};
  for (const [kind, rule] of Object.entries(LAYER_RULES) as [LayerKind, LayerKindRule][]) {
    for (const [className, info] of Object.entries(rule.keras)) {
      if (Object.hasOwn(table, className)) {
        throw new HlsestError('HLSEST_UNKNOWN_LAYER', `Keras class ${className} is registered by both ${table[className]!.kind} and ${kind}`, { className });
      }
      table[className] = { kind, ...info };
    }
  }
  return Object.freeze(table);
})();

export function kerasClassInfo(className: string): KerasClassInfo | undefined {
  return Object.hasOwn(KERAS_CLASSES, className) ? KERAS_CLASSES[className] : undefined;
}

export type { KerasClass, LayerFamily, LayerKindRule } from './layer-kind.js';

/**
 * hls4ml's class name for a layer (`layer_map` in `model/layers.py`): what `LayerType` keys of
 * an hls4ml config match. Split activation nodes follow their function (`Softmax`, `HardActivation`…).
 */
export function hls4mlClassName(layer: { readonly className: string; readonly activation?: string; readonly kind: LayerKind }): string {
  if (layer.kind === 'activation') {
    const fn = activationFunctionOf(layer.activation);
    if (fn === 'softmax') return 'Softmax';
    if (fn === 'leaky_relu' || fn === 'elu' || fn === 'thresholded_relu') return 'ParametrizedActivation';
    if (fn === 'hard_tanh' || fn === 'hard_sigmoid') return 'HardActivation';
    if (fn === 'ternary_tanh') return 'TernaryTanh';
    if (layer.className === 'PReLU') return 'PReLU';
    return 'Activation';
  }
  return kerasClassInfo(layer.className)?.hls4ml ?? layer.className;
}

/**
 * Classes hls4ml's Keras converter handles that hlsest does not model yet, with what to do
 * instead. A model using one is refused with this reason rather than estimated wrongly.
 */
export const NOT_MODELLED: Readonly<Record<string, string>> = {
  FixedPointQuantizer: 'an HGQ quantizer layer; hls4ml converts it, hlsest does not model it yet',
  UnaryLUT: 'an HGQ lookup-table layer; hls4ml converts it, hlsest does not model it yet',
  Bidirectional: 'hls4ml converts it from v1.2; hlsest does not model it yet',
  LayerNormalization: 'hls4ml converts it from v1.2; hlsest does not model it yet',
  TimeDistributed: 'hls4ml converts it from v1.2; hlsest does not model it yet',
};
