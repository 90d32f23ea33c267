import { describe, expect, it } from 'vitest';
import { buildDesign } from './build-design.js';
import { inferAutoTypes } from './infer-precision.js';
import { configureNetwork, parseHls4mlConfigText } from '../hls4ml-config.js';
import { parseKerasModel } from '../keras/parse-keras-model.js';
import { formatPrecision, parsePrecision } from '../precision.js';
import type { Layer } from '../schema.js';

// A QKeras MLP as `config_from_keras_model(model, granularity='name')` configures it in hls4ml 1.x:
// every result and accumulator `auto`, weights from the quantizers.
const qmlp = parseKerasModel({
  class_name: 'Sequential',
  config: {
    layers: [
      { class_name: 'QDense', config: { name: 'fc1', units: 32, batch_input_shape: [null, 16], kernel_quantizer: { class_name: 'quantized_bits', config: { bits: 16, integer: 1, alpha: 1 } } } },
      { class_name: 'QActivation', config: { name: 'relu1', activation: 'quantized_relu(16,1)' } },
      { class_name: 'QDense', config: { name: 'fc2', units: 16, kernel_quantizer: { class_name: 'quantized_bits', config: { bits: 16, integer: 1, alpha: 1 } } } },
      { class_name: 'QDense', config: { name: 'fc3', units: 5, kernel_quantizer: { class_name: 'quantized_bits', config: { bits: 16, integer: 1, alpha: 1 } } } },
    ],
  },
}).layers;

const NAME_GRANULARITY = JSON.stringify({
  Model: { Precision: { default: 'fixed<16,6>' }, ReuseFactor: 1, Strategy: 'Latency' },
  LayerName: {
    fc1_input: { Precision: { result: 'auto' } },
    fc1: { Precision: { result: 'auto', accum: 'auto', bias: 'auto' } },
    relu1: { Precision: { result: 'ufixed<16,1,RND_CONV,SAT>' } },
    fc2: { Precision: { result: 'auto', accum: 'auto', bias: 'auto' } },
    fc3: { Precision: { result: 'auto', accum: 'auto', bias: 'auto' } },
  },
});

const widths = (layers: readonly Layer[], hls4mlVersion = '1.1.0') => {
  const build = buildDesign(layers, configureNetwork(layers, undefined).config, { toolchain: { hls4mlVersion } });
  return Object.fromEntries(build.layers.map((l) => [l.name, [l.inputWidth, l.accumWidth, l.resultWidth]]));
};

describe('hls4ml precision inference (infer_precision.py) for `auto` types', () => {
  const configured = configureNetwork(qmlp, parseHls4mlConfigText(NAME_GRANULARITY));

  it('leaves `auto` results and accumulators to inference, an `auto` bias at the default', () => {
    const fc2 = configured.layers.find((l) => l.name === 'fc2')!;
    expect(fc2.autoPrecision).toEqual(['result', 'accum']);
    expect(fc2.precision?.result).toBeUndefined();
    expect(formatPrecision(fc2.precision!.bias!)).toBe('fixed<16,6>');
    expect(configured.layers.find((l) => l.name === 'relu1')!.autoPrecision).toBeUndefined();
  });

  it('sizes a Dense sum so it cannot overflow: W_in + W_w + ⌈log2 n_in⌉, widened for the bias', () => {
    // fc2: ufixed<16,1> × fixed<16,2> summed over 32 → fixed<37,8>; the fixed<16,6> bias makes it fixed<38,9>.
    const w = widths(configured.layers);
    expect(w['fc2']).toEqual([16, 38, 38]);
    // fc3 reads fc2's inferred result: 38 + 16 + ⌈log2 16⌉ = 58 bits, one more for the bias.
    expect(w['fc3']).toEqual([38, 59, 59]);
    // fc1 reads the input, whose `auto` type falls back to the default fixed<16,6>.
    expect(w['fc1']![0]).toBe(16);
  });

  it('changes nothing where the config names the types', () => {
    const named = configureNetwork(qmlp, undefined);
    expect(named.layers.every((l) => l.autoPrecision === undefined)).toBe(true);
    expect(widths(named.layers)['fc3']).toEqual([16, 16, 16]);
  });

  it('follows the pass per class: average pooling widens, max pooling and Flatten keep the input type', () => {
    const base: Layer = { name: 'p', className: 'AveragePooling2D', kind: 'pooling2d', inputShape: [8, 8, 4], outputShape: [4, 4, 4], params: 0, poolSize: [2, 2], inbound: ['x'], autoPrecision: ['result', 'accum'] };
    const input = parsePrecision('fixed<12,4>');
    const dflt = parsePrecision('fixed<16,6>');
    const average = inferAutoTypes(base, [input], dflt);
    // ⌈log2 4⌉ = 2 extra bits, counted twice in the width (sum, then the division).
    expect(formatPrecision(average.accum!)).toBe('fixed<16,6>');
    expect(formatPrecision(average.result!)).toBe('fixed<12,4>');
    const max = inferAutoTypes({ ...base, name: 'm', className: 'MaxPooling2D' }, [input], dflt);
    expect(formatPrecision(max.accum!)).toBe('fixed<12,4>');
    const flatten = inferAutoTypes({ name: 'f', className: 'Flatten', kind: 'flatten', inputShape: [4, 4, 4], outputShape: [64], params: 0, inbound: ['p'], autoPrecision: ['result'] }, [input], dflt);
    expect(formatPrecision(flatten.result!)).toBe('fixed<12,4>');
    const relu = inferAutoTypes({ name: 'r', className: 'Activation', kind: 'activation', activation: 'relu', inputShape: [64], outputShape: [64], params: 0, inbound: ['f'], autoPrecision: ['result'] }, [input], dflt);
    expect(formatPrecision(relu.result!)).toBe('fixed<16,6>');
  });

  it('adds merged inputs with one more integer bit (`_infer_merge_precision`)', () => {
    const add: Layer = { name: 'a', className: 'Add', kind: 'merge', inputShape: [8], outputShape: [8], params: 0, inbound: ['x', 'y'], autoPrecision: ['result'] };
    const sum = inferAutoTypes(add, [parsePrecision('fixed<10,4>'), parsePrecision('ufixed<8,2>')], parsePrecision('fixed<16,6>'));
    // Signed + unsigned: the unsigned input needs a sign bit (3 integer bits), max(4, 3) + 1 = 5; 6 fractional bits.
    expect(formatPrecision(sum.result!)).toBe('fixed<11,5>');
  });

  it('folds a BatchNormalization into a Dense whose result is `auto` (v1.x fuse_batch_normalization)', () => {
    const withBn = parseKerasModel({ class_name: 'Sequential', config: { layers: [
      { class_name: 'Dense', config: { name: 'd', units: 8, batch_input_shape: [null, 16] } },
      { class_name: 'BatchNormalization', config: { name: 'bn' } },
    ] } }).layers;
    const auto = configureNetwork(withBn, parseHls4mlConfigText(JSON.stringify({ Model: { Precision: 'fixed<16,6>' }, LayerName: { d: { Precision: { result: 'auto', accum: 'auto' } } } })));
    const build = buildDesign(auto.layers, auto.config, { toolchain: { hls4mlVersion: '1.1.0' } });
    expect(build.layers.map((l) => l.name)).toEqual(['d_input', 'd']);
    // The folded Dense still infers its own result: 16 + 16 + ⌈log2 16⌉ = 36, +1 for the bias.
    expect(build.layers[1]!.resultWidth).toBe(37);
  });

  it('refuses `auto` as the model default, as config_from_keras_model does', () => {
    expect(() => configureNetwork(qmlp, parseHls4mlConfigText('Model: {Precision: auto}'))).toThrow(/cannot be auto/);
  });
});
