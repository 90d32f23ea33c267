import { describe, expect, it } from 'vitest';
import { activationPrecisionOf, parseQuantizerString, readQuantizer, weightPrecisionOf } from './qkeras.js';
import { formatPrecision } from './precision.js';

const fmt = (p: ReturnType<typeof weightPrecisionOf>) => (p ? formatPrecision(p) : undefined);

describe('QKeras quantizers', () => {
  it.each([
    ['quantized_bits(8,0,alpha=1)', 'fixed<8,1>'],
    ['quantized_bits(6,2)', 'fixed<6,3>'],
    ['quantized_bits(4,4)', 'int<4>'],
    ['quantized_bits(1,1)', 'xnor'],
    ['binary', 'xnor'],
    ['binary(alpha=1)', 'xnor'],
    ['ternary()', 'int<2>'],
    ['stochastic_ternary', 'int<2>'],
    ['quantized_po2(4)', 'exponent<4>'],
    ['quantized_bits(8,3,keep_negative=False)', 'ufixed<8,3>'],
  ])('weights %s → %s', (text, expected) => {
    expect(fmt(weightPrecisionOf(parseQuantizerString(text)!))).toBe(expected);
  });

  it.each([
    ['quantized_relu(8,1)', 'ufixed<8,1,RND_CONV,SAT>'],
    ['quantized_relu(6)', 'ufixed<6,0,RND_CONV,SAT>'],
    ['quantized_relu(8,1,negative_slope=0.25)', 'fixed<8,2,RND_CONV,SAT>'],
    ['quantized_tanh(8)', 'fixed<8,1,RND_CONV,SAT>'],
    ['quantized_sigmoid(6)', 'ufixed<6,0,RND_CONV,SAT>'],
    ['quantized_bits(16,6)', 'fixed<16,7>'],
  ])('activation %s → %s', (text, expected) => {
    expect(fmt(activationPrecisionOf(parseQuantizerString(text)!))).toBe(expected);
  });

  it('reads the dict form Keras JSON uses', () => {
    const spec = readQuantizer({ class_name: 'quantized_bits', config: { bits: 6, integer: 0, symmetric: 0, alpha: 1, keep_negative: true } });
    expect(fmt(weightPrecisionOf(spec!))).toBe('fixed<6,1>');
    expect(readQuantizer(42)).toBeUndefined();
  });
});
