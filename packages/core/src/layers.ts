import { BoundedCache } from './bounded-cache.js';
import { LAYER_RULES, type LayerFamily, type LayerKind } from './layer-kinds/index.js';

export { LAYER_KINDS, KERAS_CLASSES, kerasClassInfo, layerRule, type KerasClassInfo, type LayerKind, type LayerFamily, type LayerKindRule } from './layer-kinds/index.js';

/** The kind's feature family (its rule's). */
export function layerFamily(kind: LayerKind): LayerFamily {
  return LAYER_RULES[kind].family;
}

/** Layers that multiply by trained weights: the ones whose reuse factor matters. */
export function hasWeights(kind: LayerKind): boolean {
  return LAYER_RULES[kind].weighted;
}

/** Activation functions grouped as the feature extractor and build model see them. */
export const ACTIVATION_GROUPS = ['linear', 'relu', 'leaky_relu', 'sigmoid', 'tanh', 'softmax', 'elu', 'other'] as const;
export type ActivationGroup = (typeof ACTIVATION_GROUPS)[number];

// Sweeps ask for the same few names millions of times; the set of names seen stays small.
const groupByName = new BoundedCache<string, ActivationGroup>(1024);

export function activationGroup(name: string | undefined): ActivationGroup {
  return groupByName.get(name ?? 'linear', groupOf);
}

function groupOf(name: string): ActivationGroup {
  const fn = name.toLowerCase().replace(/\(.*$/, '');
  if (fn === 'linear' || fn === 'quantized_bits' || fn === '') return 'linear';
  if (fn === 'relu' || fn === 'quantized_relu' || fn === 'relu6' || fn === 'thresholded_relu' || fn === 'quantized_relu_po2') return 'relu';
  if (fn === 'leaky_relu' || fn === 'leakyrelu' || fn === 'prelu') return 'leaky_relu';
  if (fn === 'sigmoid' || fn === 'hard_sigmoid' || fn === 'quantized_sigmoid') return 'sigmoid';
  if (fn === 'tanh' || fn === 'hard_tanh' || fn === 'quantized_tanh' || fn === 'binary_tanh' || fn === 'ternary_tanh') return 'tanh';
  if (fn === 'softmax') return 'softmax';
  if (fn === 'elu' || fn === 'selu') return 'elu';
  return 'other';
}
