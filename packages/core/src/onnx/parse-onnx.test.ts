import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../../test/data-root.js';
import { buildDesign, type DesignBuild } from '../build-model/build-design.js';
import { isHlsestError } from '../errors.js';
import { configureNetwork, parseHls4mlConfigText } from '../hls4ml-config.js';
import { parseKerasModel } from '../keras/parse-keras-model.js';
import { formatPrecision } from '../precision.js';
import { parseOnnxModel } from './parse-onnx.js';
import { OnnxModelProto } from '../index.js';

// Written by scripts/make-onnx-fixtures.mjs.
const fixture = (name: string) => new Uint8Array(readFileSync(`${REPO_ROOT}/packages/core/test-fixtures/onnx/${name}`));
const summary = (build: DesignBuild) => build.layers.map((l) => [l.kind, l.reuse?.applied, l.multipliers, l.expectedDsp, l.cycles, l.interval]);

describe('ONNX and QONNX models', () => {
  it('reads a PyTorch-style Gemm MLP as the Keras jet tagger, and builds the same design', () => {
    const onnx = parseOnnxModel(fixture('jet-tagger.onnx'), 'jet-tagger.onnx');
    const keras = parseKerasModel(readFileSync(`${REPO_ROOT}/examples/jet-tagger.json`, 'utf8'));
    expect(onnx.layers.map((l) => [l.name, l.kind, l.outputShape])).toEqual(keras.layers.map((l) => [l.name, l.kind, l.outputShape]));
    const config = parseHls4mlConfigText('Model: { Precision: "ap_fixed<16,6>", ReuseFactor: 4, Strategy: Resource }');
    const a = configureNetwork(onnx.layers, config);
    const b = configureNetwork(keras.layers, config);
    expect(summary(buildDesign(a.layers, a.config))).toEqual(summary(buildDesign(b.layers, b.config)));
    // The initializers give weight statistics, as a Keras .h5 does.
    expect(onnx.layers.find((l) => l.name === 'fc2')!.weights).toMatchObject({ count: 64 * 32, zeros: 0 });
  });

  it('turns QONNX Quant nodes into the types hls4ml gives them, and zero weights into pruning', () => {
    const network = parseOnnxModel(fixture('qonnx-mlp.onnx'), 'qonnx-mlp.onnx');
    const byName = new Map(network.layers.map((l) => [l.name, l]));
    expect(network.layers.map((l) => [l.name, l.kind])).toEqual([
      ['global_in', 'input'],
      ['fc1', 'dense'],
      ['fc1_relu', 'activation'],
      ['fc2', 'dense'],
      ['fc2_relu', 'activation'],
    ]);
    // Quant(scale 2^-3, 8 bits, signed) on the input: fixed<8, 8 − 3>; weights 6 bits at 2^-4: fixed<6,2>;
    // unsigned 6-bit activations at 2^-2: ufixed<6,4> (quant_opt: integer = bitwidth + exp − 1, np.frexp).
    expect(formatPrecision(byName.get('global_in')!.precision!.result!)).toBe('fixed<8,5>');
    expect(formatPrecision(byName.get('fc1')!.precision!.weight!)).toBe('fixed<6,2>');
    expect(formatPrecision(byName.get('fc1')!.precision!.bias!)).toBe('fixed<6,2>');
    expect(formatPrecision(byName.get('fc1_relu')!.precision!.result!)).toBe('ufixed<6,4>');
    // 128 weights pruned to zero, and those the 6-bit type rounds to zero (hls4ml folds the Quant into the weights).
    const fc1 = byName.get('fc1')!.weights!;
    expect(fc1.count).toBe(512);
    expect(fc1.zeros).toBeGreaterThan(128);

    // The same network as a Keras JSON and an hls4ml config naming those types builds the same design.
    const keras = parseKerasModel({
      class_name: 'Sequential',
      config: {
        name: 'twin',
        layers: [
          { class_name: 'InputLayer', config: { name: 'global_in', batch_input_shape: [null, 16] } },
          { class_name: 'Dense', config: { name: 'fc1', units: 32, activation: 'relu' } },
          { class_name: 'Dense', config: { name: 'fc2', units: 8, activation: 'relu' } },
        ],
      },
    });
    const file = parseHls4mlConfigText(`Model: { Precision: "ap_fixed<16,6>", ReuseFactor: 1, Strategy: Latency }
LayerName:
  global_in: { Precision: { result: "ap_fixed<8,5>" } }
  fc1: { Precision: { weight: "ap_fixed<6,2>", bias: "ap_fixed<6,2>" } }
  fc2: { Precision: { weight: "ap_fixed<6,2>", bias: "ap_fixed<6,2>" } }
  fc1_relu: { Precision: { result: "ap_ufixed<6,4>" } }
  fc2_relu: { Precision: { result: "ap_ufixed<6,4>" } }`);
    const weights = new Map(network.layers.filter((l) => l.weights).map((l) => [l.name, l.weights!]));
    const twin = configureNetwork(keras.layers.map((l) => (weights.has(l.name) ? { ...l, weights: weights.get(l.name)! } : l)), file);
    const onnx = configureNetwork(network.layers, parseHls4mlConfigText('Model: { Precision: "ap_fixed<16,6>", ReuseFactor: 1, Strategy: Latency }'));
    expect(summary(buildDesign(onnx.layers, onnx.config))).toEqual(summary(buildDesign(twin.layers, twin.config)));
    // The zeros are products the Latency kernel leaves out.
    expect(buildDesign(onnx.layers, onnx.config).layers.find((l) => l.name === 'fc1')!.multipliers).toBe(512 - fc1.zeros);
  });

  it('reads a channels-first CNN channels-last: same-padded Conv, pooling, depthwise, Flatten, Gemm', () => {
    const network = parseOnnxModel(fixture('small-cnn.onnx'), 'small-cnn.onnx');
    expect(network.layers.map((l) => [l.kind, l.outputShape, l.padding ?? null])).toEqual([
      ['input', [16, 16, 3], null],
      ['conv2d', [16, 16, 8], 'same'],
      ['activation', [16, 16, 8], null],
      ['pooling2d', [8, 8, 8], 'valid'],
      ['depthwise_conv2d', [6, 6, 8], 'valid'],
      ['flatten', [288], null],
      ['dense', [10], null],
    ]);
  });

  it('refuses what is not ONNX, and operators hls4ml does not convert, naming them', () => {
    const garbage = (() => {
      try {
        parseOnnxModel(new TextEncoder().encode('not a protobuf at all'), 'x.onnx');
      } catch (error) {
        return error;
      }
    })();
    expect(isHlsestError(garbage, 'HLSEST_BAD_MODEL')).toBe(true);
    const model = OnnxModelProto.fromObject({
      graph: {
        node: [{ opType: 'Einsum', name: 'mystery', input: ['x'], output: ['y'] }],
        input: [{ name: 'x', type: { tensorType: { elemType: 1, shape: { dim: [{ dimValue: 1 }, { dimValue: 4 }] } } } }],
      },
    });
    expect(() => parseOnnxModel(OnnxModelProto.encode(model).finish(), 'odd.onnx')).toThrow(/ONNX operator Einsum in node "mystery" is not one hls4ml's ONNX converter handles/);
  });
});
