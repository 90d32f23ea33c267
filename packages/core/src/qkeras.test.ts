import { describe, expect, it } from 'vitest';
import { activationPrecisionOf, factoredAlphaOf, parseQuantizerString, qkerasActivationFunction, readQuantizer, weightPrecisionOf } from './qkeras.js';
import { formatPrecision } from './precision.js';
import { isHlsestError } from './errors.js';

const weights = (text: string, variable?: Parameters<typeof weightPrecisionOf>[1]) => formatPrecision(weightPrecisionOf(parseQuantizerString(text)!, variable).precision);
const activation = (text: string, signedLeaky = true) => formatPrecision(activationPrecisionOf(parseQuantizerString(text)!, signedLeaky));

describe('QKeras weight quantizers → hls4ml types (model/quantizers.py QKerasQuantizer, QKerasBinaryQuantizer, QKerasPO2Quantizer)', () => {
  it.each([
    ['quantized_bits(8,0,alpha=1)', 'fixed<8,1>'],
    ['quantized_bits(6,2)', 'fixed<6,3>'],
    ['quantized_bits(4,4)', 'int<4>'],
    ['quantized_bits(1,1)', 'xnor'],
    ['binary', 'xnor'],
    ['binary(alpha=1)', 'xnor'],
    ['stochastic_binary', 'xnor'],
    ['ternary()', 'int<2>'],
    ['stochastic_ternary', 'int<2>'],
    ['quantized_po2(4)', 'exponent<4>'],
    // `_get_type` ignores keep_negative: quantized weights are always signed.
    ['quantized_bits(8,3,keep_negative=False)', 'fixed<8,4>'],
  ])('kernel %s → %s', (text, expected) => {
    expect(weights(text)).toBe(expected);
  });

  it('makes only binary kernels 1-bit Xnor; a binary bias is int<2> (get_quantizer_from_config xnor=kernel)', () => {
    expect(weights('binary', 'bias')).toBe('int<2>');
  });

  it('falls back to fixed<16,6> with a note for quantizers hls4ml does not support on weights', () => {
    const { precision, note } = weightPrecisionOf(parseQuantizerString('quantized_relu(8)')!);
    expect(formatPrecision(precision)).toBe('fixed<16,6>');
    expect(note).toMatch(/does not support the quantizer quantized_relu/);
  });

  it('reads the dict form Keras JSON uses', () => {
    const spec = readQuantizer({ class_name: 'quantized_bits', config: { bits: 6, integer: 0, symmetric: 0, alpha: 1, keep_negative: true } });
    expect(formatPrecision(weightPrecisionOf(spec!).precision)).toBe('fixed<6,1>');
    expect(readQuantizer(42)).toBeUndefined();
  });
});

describe('QKeras quantizer alpha hls4ml factors out (QKerasFactorizeAlpha)', () => {
  it.each([
    ['quantized_bits(8,0,alpha=1)', undefined],
    ['quantized_bits(8,0)', undefined],
    ['quantized_bits(8,0,alpha=None)', undefined],
    ["quantized_bits(8,0,alpha='auto_po2')", 'auto_po2'],
    ['quantized_bits(8,0,0,1,2)', 2],
    ['binary(alpha=auto)', 'auto'],
    ['quantized_po2(4)', undefined],
  ])('%s → %s', (text, expected) => {
    expect(factoredAlphaOf(parseQuantizerString(text)!)).toBe(expected);
  });

  it('reads it from the dict form too', () => {
    expect(factoredAlphaOf(readQuantizer({ class_name: 'quantized_bits', config: { bits: 8, integer: 0, alpha: 2 } })!)).toBe(2);
  });
});

describe('QKeras activation quantizers → result types (utils/config.py _get_precision_from_quantizer)', () => {
  it.each([
    ['quantized_relu(8,1)', 'ufixed<8,1,RND_CONV,SAT>'],
    ['quantized_relu(6)', 'ufixed<6,0,RND_CONV,SAT>'],
    ['quantized_tanh(8)', 'fixed<8,1,RND_CONV,SAT>'],
    ['quantized_tanh(8,symmetric=1)', 'fixed<8,1,RND_CONV,SAT_SYM>'],
    ['quantized_sigmoid(6)', 'ufixed<6,0,RND_CONV,SAT>'],
    ['quantized_bits(16,6)', 'fixed<16,7,RND_CONV,SAT>'],
    // decimal = bits − integer ≤ 0 gives an integer type.
    ['quantized_bits(4,3)', 'int<4>'],
    ['binary', 'int<2>'],
    ['ternary', 'int<2>'],
  ])('%s → %s', (text, expected) => {
    expect(activation(text)).toBe(expected);
  });

  it('makes a leaky quantized_relu signed from hls4ml 1.0, unsigned before', () => {
    expect(activation('quantized_relu(8,1,negative_slope=0.25)')).toBe('fixed<8,2,RND_CONV,SAT>');
    expect(activation('quantized_relu(8,1,negative_slope=0.25)', false)).toBe('ufixed<8,1,RND_CONV,SAT>');
  });

  it('refuses quantizers hls4ml cannot map', () => {
    expect(() => activationPrecisionOf(parseQuantizerString('bernoulli')!)).toThrow(/Unsupported quantizer: bernoulli/);
  });
});

describe('QActivation functions (converters/keras/qkeras.py get_activation_quantizer)', () => {
  it.each([
    ['quantized_relu(4)', 'relu'],
    ['quantized_relu(4,0,negative_slope=0.1)', 'leaky_relu'],
    ['quantized_bits(8,2)', 'linear'],
    ['quantized_tanh(8)', 'hard_tanh'],
    ['quantized_tanh(8,use_real_tanh=True)', 'tanh'],
    ['quantized_sigmoid(8)', 'hard_sigmoid'],
    ['binary', 'binary_tanh'],
    ['ternary', 'ternary_tanh'],
  ])('%s → %s', (text, fn) => {
    expect(qkerasActivationFunction(parseQuantizerString(text)!)).toBe(fn);
  });

  it.each(['quantized_po2(4)', 'quantized_relu_po2(4)', 'bernoulli', 'relu'])('refuses %s as hls4ml does', (text) => {
    try {
      qkerasActivationFunction(parseQuantizerString(text)!);
      expect.unreachable();
    } catch (error) {
      expect(isHlsestError(error, 'HLSEST_UNKNOWN_LAYER')).toBe(true);
      expect((error as Error).message).toBe(`Unsupported QKeras activation: ${text.replace(/\(.*$/, '')}`);
    }
  });
});
