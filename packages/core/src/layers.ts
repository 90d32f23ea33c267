import { BoundedCache } from './bounded-cache.js';

/**
 * The layer vocabulary hlsest reasons about. Keras spells a layer many ways (QDense, Dense,
 * MaxPool2D, MaxPooling2D…); everything downstream sees one `LayerKind`.
 */
export const LAYER_KINDS = [
  'input',
  'dense',
  'conv1d',
  'conv2d',
  'depthwise_conv1d',
  'depthwise_conv2d',
  'separable_conv1d',
  'separable_conv2d',
  'pooling1d',
  'pooling2d',
  'global_pooling1d',
  'global_pooling2d',
  'flatten',
  'reshape',
  'batchnorm',
  'activation',
  'merge',
  'dropout',
  'recurrent',
  'upsampling',
  'zeropadding',
  'other',
] as const;
export type LayerKind = (typeof LAYER_KINDS)[number];

/** Coarser groups used for feature blocks and per-subset evaluation. */
export type LayerFamily = 'dense' | 'conv1d' | 'conv2d' | 'pooling' | 'batchnorm' | 'activation' | 'merge' | 'recurrent' | 'shape' | 'other';

export interface KerasClassInfo {
  readonly kind: LayerKind;
  /** QKeras layer: its quantizers set precisions. */
  readonly quantized: boolean;
  /** For pooling: max or average; for merges: the operation. */
  readonly op?: string;
  /** For layers that are activations by class (ReLU, Softmax…): the function. */
  readonly activation?: string;
  /** Layers whose class fixes binary (±1) or ternary (0/±1) weights, as hls4ml's converter reads them. */
  readonly weights?: 'binary' | 'ternary';
}

const k = (kind: LayerKind, extra: Partial<Omit<KerasClassInfo, 'kind'>> = {}): KerasClassInfo => ({
  kind,
  quantized: false,
  ...extra,
});
const q = (kind: LayerKind, extra: Partial<Omit<KerasClassInfo, 'kind'>> = {}): KerasClassInfo => ({
  kind,
  ...extra,
  quantized: true,
});

export const KERAS_CLASSES: Readonly<Record<string, KerasClassInfo>> = {
  InputLayer: k('input'),
  Dense: k('dense'),
  QDense: q('dense'),
  BinaryDense: k('dense', { weights: 'binary' }),
  TernaryDense: k('dense', { weights: 'ternary' }),
  Conv1D: k('conv1d'),
  QConv1D: q('conv1d'),
  Conv2D: k('conv2d'),
  QConv2D: q('conv2d'),
  DepthwiseConv1D: k('depthwise_conv1d'),
  QDepthwiseConv1D: q('depthwise_conv1d'),
  DepthwiseConv2D: k('depthwise_conv2d'),
  QDepthwiseConv2D: q('depthwise_conv2d'),
  SeparableConv1D: k('separable_conv1d'),
  QSeparableConv1D: q('separable_conv1d'),
  SeparableConv2D: k('separable_conv2d'),
  QSeparableConv2D: q('separable_conv2d'),
  MaxPooling1D: k('pooling1d', { op: 'max' }),
  MaxPool1D: k('pooling1d', { op: 'max' }),
  AveragePooling1D: k('pooling1d', { op: 'average' }),
  AvgPool1D: k('pooling1d', { op: 'average' }),
  QAveragePooling1D: q('pooling1d', { op: 'average' }),
  MaxPooling2D: k('pooling2d', { op: 'max' }),
  MaxPool2D: k('pooling2d', { op: 'max' }),
  AveragePooling2D: k('pooling2d', { op: 'average' }),
  AvgPool2D: k('pooling2d', { op: 'average' }),
  QAveragePooling2D: q('pooling2d', { op: 'average' }),
  GlobalMaxPooling1D: k('global_pooling1d', { op: 'max' }),
  GlobalAveragePooling1D: k('global_pooling1d', { op: 'average' }),
  GlobalMaxPooling2D: k('global_pooling2d', { op: 'max' }),
  GlobalAveragePooling2D: k('global_pooling2d', { op: 'average' }),
  QGlobalAveragePooling2D: q('global_pooling2d', { op: 'average' }),
  Flatten: k('flatten'),
  Reshape: k('reshape'),
  Permute: k('reshape'),
  BatchNormalization: k('batchnorm'),
  QBatchNormalization: q('batchnorm'),
  Activation: k('activation'),
  QActivation: q('activation'),
  ReLU: k('activation', { activation: 'relu' }),
  LeakyReLU: k('activation', { activation: 'leaky_relu' }),
  PReLU: k('activation', { activation: 'prelu' }),
  ELU: k('activation', { activation: 'elu' }),
  ThresholdedReLU: k('activation', { activation: 'thresholded_relu' }),
  Softmax: k('activation', { activation: 'softmax' }),
  Add: k('merge', { op: 'add' }),
  Subtract: k('merge', { op: 'subtract' }),
  Multiply: k('merge', { op: 'multiply' }),
  Average: k('merge', { op: 'average' }),
  Maximum: k('merge', { op: 'maximum' }),
  Minimum: k('merge', { op: 'minimum' }),
  Concatenate: k('merge', { op: 'concatenate' }),
  Dot: k('merge', { op: 'dot' }),
  Dropout: k('dropout'),
  SpatialDropout1D: k('dropout'),
  SpatialDropout2D: k('dropout'),
  GaussianNoise: k('dropout'),
  LSTM: k('recurrent', { op: 'lstm' }),
  QLSTM: q('recurrent', { op: 'lstm' }),
  GRU: k('recurrent', { op: 'gru' }),
  QGRU: q('recurrent', { op: 'gru' }),
  SimpleRNN: k('recurrent', { op: 'simple_rnn' }),
  QSimpleRNN: q('recurrent', { op: 'simple_rnn' }),
  UpSampling1D: k('upsampling'),
  UpSampling2D: k('upsampling'),
  ZeroPadding1D: k('zeropadding'),
  ZeroPadding2D: k('zeropadding'),
};

export function kerasClassInfo(className: string): KerasClassInfo | undefined {
  return Object.hasOwn(KERAS_CLASSES, className) ? KERAS_CLASSES[className] : undefined;
}

export function layerFamily(kind: LayerKind): LayerFamily {
  switch (kind) {
    case 'dense':
      return 'dense';
    case 'conv1d':
    case 'depthwise_conv1d':
    case 'separable_conv1d':
      return 'conv1d';
    case 'conv2d':
    case 'depthwise_conv2d':
    case 'separable_conv2d':
      return 'conv2d';
    case 'pooling1d':
    case 'pooling2d':
    case 'global_pooling1d':
    case 'global_pooling2d':
      return 'pooling';
    case 'batchnorm':
      return 'batchnorm';
    case 'activation':
      return 'activation';
    case 'merge':
      return 'merge';
    case 'recurrent':
      return 'recurrent';
    case 'input':
    case 'flatten':
    case 'reshape':
    case 'dropout':
    case 'upsampling':
    case 'zeropadding':
      return 'shape';
    case 'other':
      return 'other';
  }
}

/** Layers that multiply by trained weights: the ones whose reuse factor matters. */
export function hasWeights(kind: LayerKind): boolean {
  const family = layerFamily(kind);
  return family === 'dense' || family === 'conv1d' || family === 'conv2d' || family === 'recurrent';
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
