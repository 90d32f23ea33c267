import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataPath } from '../../../../test/data-root.js';
import { parseKerasModel } from './parse-keras-model.js';
import { isHlsestError } from '../errors.js';
import { formatPrecision } from '../precision.js';

const exampleDir = () => dataPath('example-models', 'keras');
const load = (file: string) => parseKerasModel(readFileSync(`${exampleDir()}/${file}`, 'utf8'), file);

/**
 * Node counts of hls4ml's converter list (Keras layers, an implicit input for Sequential files
 * without one, every `activation` argument split into a node of its own, Dropout skipped),
 * output shapes and parameter totals, read off each file by hand.
 */
const EXPECTED: Record<string, { layers: number; output: number[]; params?: number }> = {
  // input, fc1 + fc1_relu, fc2 + fc2_relu, fc3 + fc3_relu, output + output_softmax
  'KERAS_3layer.json': { layers: 9, output: [5], params: 16 * 64 + 64 + 64 * 32 + 32 + 32 * 32 + 32 + 32 * 5 + 5 },
  'KERAS_1layer.json': { layers: 5, output: [1], params: 10 * 32 + 32 + 32 + 1 },
  'KERAS_conv2d_model.json': { layers: 6, output: [10] },
  'qkeras_mnist_cnn.json': { layers: 13, output: [10] },
};

describe('parseKerasModel on the example models', () => {
  const files = readdirSync(exampleDir()).filter((f) => f.endsWith('.json'));

  it('finds the 20 example models', () => {
    expect(files).toHaveLength(20);
  });

  it.each(readdirSync(dataPath('example-models', 'keras')).filter((f) => f.endsWith('.json')))('parses %s with consistent shapes', (file) => {
    const json = JSON.parse(readFileSync(`${exampleDir()}/${file}`, 'utf8'));
    const network = load(file);
    const raw: { class_name: string; config: { activation?: unknown } }[] = Array.isArray(json.config) ? json.config : json.config.layers;
    // Every layer of the file is there (Sequential files without an InputLayer gain one), its
    // activation argument as a node of its own, Dropout skipped (hls4ml's `parse_keras_model`).
    const implicitInput = raw[0]!.class_name !== 'InputLayer' ? 1 : 0;
    const split = raw.filter((l) => l.config.activation !== undefined && !['Activation', 'QActivation', 'LSTM', 'GRU', 'SimpleRNN', 'QLSTM', 'QGRU', 'QSimpleRNN'].includes(l.class_name)).length;
    const skipped = raw.filter((l) => /Dropout/.test(l.class_name)).length;
    expect(network.layers).toHaveLength(raw.length + implicitInput + split - skipped);
    for (const layer of network.layers) {
      for (const parent of layer.inbound) expect(network.layers.map((l) => l.name)).toContain(parent);
      expect(layer.outputShape.every((d) => d >= 0)).toBe(true);
    }
    const expected = EXPECTED[file];
    if (expected) {
      expect(network.layers).toHaveLength(expected.layers);
      expect(network.layers.at(-1)!.outputShape).toEqual(expected.output);
      if (expected.params) expect(network.layers.reduce((s, l) => s + l.params, 0)).toBe(expected.params);
    }
  });

  it('infers conv and pooling shapes of the QKeras MNIST CNN', () => {
    const net = load('qkeras_mnist_cnn.json');
    const shapes = Object.fromEntries(net.layers.map((l) => [l.name, l.outputShape]));
    expect(shapes['input_1']).toEqual([28, 28, 1]);
    expect(shapes['q_conv2d']).toEqual([26, 26, 16]);
    expect(shapes['max_pooling2d']).toEqual([13, 13, 16]);
    const conv = net.layers.find((l) => l.name === 'q_conv2d')!;
    expect(conv.params).toBe(3 * 3 * 1 * 16 + 16);
    expect(formatPrecision(conv.precision!.weight!)).toBe('fixed<6,1>');
  });

  it('gives BinaryDense and TernaryDense their multiplier-free weights', () => {
    const binary = load('KERAS_3layer_binary_smaller.json').layers.find((l) => l.className === 'BinaryDense')!;
    // hls4ml's BinaryQuantizer(bits=2) for BinaryDense: ±1 in ap_int<2>, like ternary weights.
    expect(binary.precision?.weight).toEqual({ kind: 'int', signed: true, width: 2 });
    const ternary = load('KERAS_3layer_ternary_small.json').layers.find((l) => l.className === 'TernaryDense')!;
    expect(ternary.precision?.weight).toEqual({ kind: 'int', signed: true, width: 2 });
  });

  it('maps QKeras activations to result precisions', () => {
    const net = load('qkeras_3layer.json');
    const act = net.layers.find((l) => l.className === 'QActivation')!;
    expect(act.precision?.result).toBeDefined();
  });

  it('splits a QDense activation argument into a node named after its quantizer, carrying its type', () => {
    const net = parseKerasModel({ class_name: 'Sequential', config: { layers: [
      { class_name: 'QDense', config: { name: 'fc1', units: 4, batch_input_shape: [null, 8], kernel_quantizer: 'quantized_bits(6,0)', activation: { class_name: 'quantized_relu', config: { bits: 5, integer: 1 } } } },
      { class_name: 'Dense', config: { name: 'fc2', units: 2, activation: 'softmax' } },
    ] } });
    expect(net.layers.map((l) => [l.name, l.kind, l.inbound])).toEqual([
      ['fc1_input', 'input', []],
      ['fc1', 'dense', ['fc1_input']],
      ['fc1_quantized_relu', 'activation', ['fc1']],
      ['fc2', 'dense', ['fc1_quantized_relu']],
      ['fc2_softmax', 'activation', ['fc2']],
    ]);
    const [, fc1, relu] = net.layers;
    expect(fc1!.precision?.result).toBeUndefined();
    expect(formatPrecision(fc1!.precision!.weight!)).toBe('fixed<6,1>');
    expect(formatPrecision(relu!.precision!.result!)).toBe('ufixed<5,1,RND_CONV,SAT>');
  });

  it('skips Dropout and rewires its consumers, as the converter does', () => {
    const net = parseKerasModel({ class_name: 'Sequential', config: { layers: [
      { class_name: 'Dense', config: { name: 'a', units: 4, batch_input_shape: [null, 8] } },
      { class_name: 'Dropout', config: { name: 'drop', rate: 0.5 } },
      { class_name: 'Dense', config: { name: 'b', units: 2 } },
    ] } });
    expect(net.layers.map((l) => l.name)).toEqual(['a_input', 'a', 'b']);
    expect(net.layers[2]!.inbound).toEqual(['a']);
  });

  it('expands a nested model in place, its input reading what feeds it (parse_model_layer, expand_layer_group)', () => {
    const backbone = { class_name: 'Sequential', name: 'backbone', config: { name: 'backbone', layers: [
      { class_name: 'InputLayer', config: { name: 'inner_in', batch_input_shape: [null, 8] } },
      { class_name: 'Dense', config: { name: 'h1', units: 6, activation: 'relu' } },
      { class_name: 'Dense', config: { name: 'h2', units: 4 } },
    ] }, inbound_nodes: [[['x', 0, 0, {}]]] };
    const net = parseKerasModel({ class_name: 'Functional', config: { name: 'outer', layers: [
      { class_name: 'InputLayer', name: 'x', config: { name: 'x', batch_input_shape: [null, 8] }, inbound_nodes: [] },
      backbone,
      { class_name: 'Dense', name: 'head', config: { name: 'head', units: 2 }, inbound_nodes: [[['backbone', 0, 0, {}]]] },
    ], input_layers: [['x', 0, 0]], output_layers: [['head', 0, 0]] } });
    expect(net.layers.map((l) => [l.name, l.inbound])).toEqual([['x', []], ['h1', ['x']], ['h1_relu', ['h1']], ['h2', ['h1_relu']], ['head', ['h2']]]);
    expect(net.layers.at(-1)!.inputShape).toEqual([4]);
  });

  it('expands a nested Sequential without an InputLayer inside a Sequential', () => {
    const net = parseKerasModel({ class_name: 'Sequential', config: { layers: [
      { class_name: 'Dense', config: { name: 'a', units: 4, batch_input_shape: [null, 8] } },
      { class_name: 'Sequential', config: { name: 'block', layers: [{ class_name: 'Dense', config: { name: 'b', units: 3 } }] } },
      { class_name: 'Dense', config: { name: 'c', units: 2 } },
    ] } });
    expect(net.layers.map((l) => [l.name, l.inbound])).toEqual([['a_input', []], ['a', ['a_input']], ['b', ['a']], ['c', ['b']]]);
  });
});

describe('parseKerasModel, kernel initializers', () => {
  it('keeps the spread a weight layer starts from, and the default where none is named', () => {
    const net = parseKerasModel({
      class_name: 'Sequential',
      config: {
        layers: [
          { class_name: 'Dense', config: { name: 'a', units: 4, batch_input_shape: [null, 2], kernel_initializer: { class_name: 'LecunUniform', config: { seed: null } } } },
          { class_name: 'Dense', config: { name: 'b', units: 4 } },
          { class_name: 'Activation', config: { name: 'c', activation: 'relu', kernel_initializer: 'zeros' } },
        ],
      },
    });
    expect(net.layers.find((l) => l.name === 'a')!.kernelInit).toEqual({ kind: 'variance', scale: 1, mode: 'fan_in' });
    expect(net.layers.find((l) => l.name === 'b')!.kernelInit).toBeUndefined();
    expect(net.layers.find((l) => l.name === 'c')!.kernelInit).toBeUndefined();
  });
});

describe('parseKerasModel, activation parameters', () => {
  it('keeps the constant hls4ml passes to a parametrized activation, with the converter\'s defaults', () => {
    const net = parseKerasModel({
      class_name: 'Sequential',
      config: {
        layers: [
          { class_name: 'Dense', config: { name: 'd', units: 4, batch_input_shape: [null, 2] } },
          { class_name: 'LeakyReLU', config: { name: 'keras2', alpha: 1 } },
          { class_name: 'LeakyReLU', config: { name: 'keras3', negative_slope: 0.1 } },
          { class_name: 'LeakyReLU', config: { name: 'layer_default' } },
          { class_name: 'Activation', config: { name: 'function_default', activation: 'leaky_relu' } },
          { class_name: 'ELU', config: { name: 'elu' } },
          { class_name: 'ThresholdedReLU', config: { name: 'thresholded', theta: 0.5 } },
          { class_name: 'Activation', config: { name: 'relu', activation: 'relu' } },
        ],
      },
    });
    const parameter = (name: string) => net.layers.find((l) => l.name === name)!.activationParameter;
    expect(parameter('keras2')).toBe(1);
    expect(parameter('keras3')).toBe(0.1);
    expect(parameter('layer_default')).toBe(0.3);
    expect(parameter('function_default')).toBe(0.2);
    expect(parameter('elu')).toBe(1);
    expect(parameter('thresholded')).toBe(0.5);
    expect(parameter('relu')).toBeUndefined();
    expect(parameter('d')).toBeUndefined();
  });
});

describe('parseKerasModel, Keras 3 and bad input', () => {
  const keras3 = {
    class_name: 'Functional',
    config: {
      name: 'f',
      layers: [
        { class_name: 'InputLayer', name: 'x', config: { name: 'x', batch_shape: [null, 8, 8, 3] }, inbound_nodes: [] },
        {
          class_name: 'Conv2D',
          name: 'c',
          config: { name: 'c', filters: 4, kernel_size: [3, 3], strides: [1, 1], padding: 'same', activation: 'relu', use_bias: true },
          inbound_nodes: [{ args: [{ class_name: '__keras_tensor__', config: { shape: [null, 8, 8, 3], keras_history: ['x', 0, 0] } }], kwargs: {} }],
        },
        {
          class_name: 'Add',
          name: 'a',
          config: { name: 'a' },
          inbound_nodes: [{ args: [[
            { class_name: '__keras_tensor__', config: { keras_history: ['c', 0, 0] } },
            { class_name: '__keras_tensor__', config: { keras_history: ['c', 0, 0] } },
          ]], kwargs: {} }],
        },
        { class_name: 'Flatten', name: 'f', config: { name: 'f' }, inbound_nodes: [{ args: [{ class_name: '__keras_tensor__', config: { keras_history: ['a', 0, 0] } }], kwargs: {} }] },
      ],
    },
  };

  it('reads Keras 3 inbound nodes and batch_shape', () => {
    const net = parseKerasModel(keras3);
    expect(net.layers.map((l) => l.outputShape)).toEqual([[8, 8, 3], [8, 8, 4], [8, 8, 4], [8, 8, 4], [256]]);
    expect(net.layers.map((l) => l.name)).toEqual(['x', 'c', 'c_relu', 'a', 'f']);
    expect(net.layers[3]!.inbound).toEqual(['c_relu', 'c_relu']);
    expect(net.layers[1]!.params).toBe(3 * 3 * 3 * 4 + 4);
  });

  it.each([
    ['not json', '{', 'HLSEST_BAD_MODEL', /not valid JSON/],
    ['no layers', { class_name: 'Sequential', config: { layers: [] } }, 'HLSEST_BAD_MODEL', /no layers/],
    ['unknown class', { class_name: 'Sequential', config: { layers: [{ class_name: 'Magic', config: { name: 'm', batch_input_shape: [null, 4] } }] } }, 'HLSEST_UNKNOWN_LAYER', /Unsupported layer type: Magic \(layer "m"\)/],
    ['a layer hls4ml cannot convert', { class_name: 'Sequential', config: { layers: [{ class_name: 'Lambda', config: { name: 's', batch_input_shape: [null, 4, 2] } }] } }, 'HLSEST_UNKNOWN_LAYER', /Unsupported layer type: Lambda/],
    ['an unsupported QKeras activation', { class_name: 'Sequential', config: { layers: [{ class_name: 'QActivation', config: { name: 'q', batch_input_shape: [null, 4], activation: 'quantized_po2(4)' } }] } }, 'HLSEST_UNKNOWN_LAYER', /Unsupported QKeras activation: quantized_po2/],
    ['strides of the wrong length', { class_name: 'Sequential', config: { layers: [{ class_name: 'Conv2D', config: { name: 'c2', batch_input_shape: [null, 8, 8, 1], filters: 2, kernel_size: [3, 3], strides: [1, 1, 1] } }] } }, 'HLSEST_SHAPE_MISMATCH', /Layer "c2".*invalid strides/],
    ['kernel too big', { class_name: 'Sequential', config: { layers: [{ class_name: 'Conv1D', config: { name: 'k', batch_input_shape: [null, 2, 1], filters: 2, kernel_size: [5] } }] } }, 'HLSEST_SHAPE_MISMATCH', /Layer "k".*does not fit/],
    ['bad reshape', { class_name: 'Sequential', config: { layers: [{ class_name: 'Reshape', config: { name: 'r', batch_input_shape: [null, 10], target_shape: [3, 3] } }] } }, 'HLSEST_SHAPE_MISMATCH', /Layer "r".*cannot reshape/],
    ['dangling input', { class_name: 'Model', config: { layers: [{ class_name: 'Dense', name: 'd', config: { name: 'd', units: 2 }, inbound_nodes: [[['ghost', 0, 0, {}]]] }] } }, 'HLSEST_BAD_MODEL', /unknown layer "ghost"/],
    ['add of different shapes', { class_name: 'Model', config: { layers: [
      { class_name: 'InputLayer', name: 'i', config: { name: 'i', batch_input_shape: [null, 4] }, inbound_nodes: [] },
      { class_name: 'Dense', name: 'd', config: { name: 'd', units: 3 }, inbound_nodes: [[['i', 0, 0, {}]]] },
      { class_name: 'Add', name: 'a', config: { name: 'a' }, inbound_nodes: [[['i', 0, 0, {}], ['d', 0, 0, {}]]] },
    ] } }, 'HLSEST_SHAPE_MISMATCH', /Layer "a".*differ/],
    ['not a model', { layers: [] }, 'HLSEST_BAD_MODEL', /not a Keras model/],
  ])('%s → a clear error', (_name, input, code, message) => {
    try {
      parseKerasModel(input, 'm.json');
      expect.unreachable();
    } catch (error) {
      expect(isHlsestError(error)).toBe(true);
      expect((error as { code: string }).code).toBe(code);
      expect((error as Error).message).toMatch(message);
    }
  });
});
