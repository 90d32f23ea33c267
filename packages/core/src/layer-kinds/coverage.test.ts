import { describe, expect, it } from 'vitest';
import { KERAS_CLASSES, LAYER_KINDS, LAYER_RULES, hls4mlClassName, kerasClassInfo } from './index.js';
import { parseKerasModel } from '../keras/parse-keras-model.js';
import { isHlsestError } from '../errors.js';

/**
 * The Keras classes hls4ml's Keras converter registers (`@keras_handler` in
 * hls4ml/converters/keras/*.py at v1.1.0, plus `skip_layers = ['Dropout']` in keras_to_hls.py),
 * read from the repository with the search tool. Keep in step with new hls4ml releases.
 */
const HLS4ML_1_1_KERAS_CLASSES = [
  'InputLayer',
  'Dense', 'BinaryDense', 'TernaryDense',
  'Conv1D', 'SeparableConv1D', 'DepthwiseConv1D', 'Conv2D', 'SeparableConv2D', 'DepthwiseConv2D',
  'Activation', 'LeakyReLU', 'ThresholdedReLU', 'ELU', 'PReLU', 'Softmax', 'ReLU',
  'BatchNormalization', 'Embedding', 'GarNet', 'GarNetStack',
  'Add', 'Subtract', 'Multiply', 'Average', 'Maximum', 'Minimum', 'Concatenate', 'Dot',
  'MaxPooling1D', 'MaxPooling2D', 'AveragePooling1D', 'AveragePooling2D',
  'GlobalMaxPooling1D', 'GlobalMaxPooling2D', 'GlobalAveragePooling1D', 'GlobalAveragePooling2D',
  'QDense', 'QConv1D', 'QConv2D', 'QDepthwiseConv2D', 'QSeparableConv1D', 'QSeparableConv2D',
  'QSimpleRNN', 'QLSTM', 'QGRU', 'QActivation', 'QBatchNormalization', 'QConv2DBatchnorm',
  'SimpleRNN', 'LSTM', 'GRU',
  'Flatten', 'Reshape', 'UpSampling1D', 'UpSampling2D', 'Permute', 'ZeroPadding1D', 'ZeroPadding2D',
  'Dropout',
];

/** Added by hls4ml v1.2.0's Keras converter. */
const HLS4ML_1_2_ADDITIONS = ['Cropping1D', 'Cropping2D', 'Bidirectional', 'LayerNormalization', 'TimeDistributed'];

/** Converter classes hlsest knowingly does not model, with what it answers instead. */
const NOT_MODELLED: Readonly<Record<string, RegExp>> = {
  // HGQ's quantizer and lookup layers, nested models and the v1.2 wrappers: refused with the reason.
  FixedPointQuantizer: /not modelled/,
  UnaryLUT: /not modelled/,
  Sequential: /not modelled/,
  Functional: /not modelled/,
  Bidirectional: /not modelled/,
  LayerNormalization: /not modelled/,
  TimeDistributed: /not modelled/,
};

describe('layer kinds cover hls4ml\'s Keras converter', () => {
  it.each([...HLS4ML_1_1_KERAS_CLASSES, ...HLS4ML_1_2_ADDITIONS])('%s has a rule entry or a stated answer', (className) => {
    const info = kerasClassInfo(className);
    if (info) {
      expect(LAYER_KINDS).toContain(info.kind);
      return;
    }
    const reason = NOT_MODELLED[className];
    expect(reason, `${className} is neither modelled nor listed as not modelled`).toBeDefined();
    try {
      parseKerasModel({ class_name: 'Sequential', config: { layers: [{ class_name: 'InputLayer', config: { name: 'i', batch_input_shape: [null, 4] } }, { class_name: className, config: { name: 'x' } }] } });
      expect.unreachable();
    } catch (error) {
      expect(isHlsestError(error, 'HLSEST_UNKNOWN_LAYER')).toBe(true);
      expect((error as Error).message).toMatch(reason!);
    }
  });

  it('answers a class hls4ml cannot convert as hls4ml does', () => {
    expect(() => parseKerasModel({ class_name: 'Sequential', config: { layers: [{ class_name: 'Lambda', config: { name: 'l', batch_input_shape: [null, 4] } }] } })).toThrow(
      /ERROR: Unsupported layer type: Lambda/,
    );
  });

  it('registers every class once, and every kind has a rule with the members the interface asks for', () => {
    expect(Object.keys(KERAS_CLASSES).length).toBeGreaterThan(70);
    for (const kind of LAYER_KINDS) {
      const rule = LAYER_RULES[kind];
      expect([typeof rule.inferShape, typeof rule.multSize, typeof rule.build, typeof rule.family]).toEqual(['function', 'function', 'function', 'string']);
    }
  });

  it('names classes as hls4ml does for LayerType lookups (layer_map in model/layers.py)', () => {
    expect(hls4mlClassName({ className: 'QDense', kind: 'dense' })).toBe('Dense');
    expect(hls4mlClassName({ className: 'MaxPooling2D', kind: 'pooling2d' })).toBe('Pooling2D');
    expect(hls4mlClassName({ className: 'Add', kind: 'merge' })).toBe('Merge');
    expect(hls4mlClassName({ className: 'Activation', kind: 'activation', activation: 'softmax' })).toBe('Softmax');
    expect(hls4mlClassName({ className: 'QActivation', kind: 'activation', activation: 'quantized_tanh' })).toBe('HardActivation');
  });
});
