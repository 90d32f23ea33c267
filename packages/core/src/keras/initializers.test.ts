import { describe, expect, it } from 'vitest';
import { kernelInitOf } from './initializers.js';

describe('kernel initializers', () => {
  it('reads Keras 2 strings, Keras 2 and 3 objects and VarianceScaling', () => {
    expect(kernelInitOf('lecun_uniform')).toEqual({ kind: 'variance', scale: 1, mode: 'fan_in' });
    expect(kernelInitOf({ class_name: 'GlorotUniform', config: { seed: null } })).toEqual({ kind: 'variance', scale: 1, mode: 'fan_avg' });
    expect(kernelInitOf({ module: 'keras.initializers', class_name: 'HeNormal', config: { seed: null }, registered_name: null })).toEqual({ kind: 'variance', scale: 2, mode: 'fan_in' });
    expect(kernelInitOf({ class_name: 'VarianceScaling', config: { scale: 0.5, mode: 'fan_out', distribution: 'uniform' } })).toEqual({ kind: 'variance', scale: 0.5, mode: 'fan_out' });
  });

  it('gives a fixed limit for initializers that ignore the fans, with Keras defaults', () => {
    expect(kernelInitOf({ class_name: 'RandomUniform', config: { minval: 1, maxval: 10 } })).toEqual({ kind: 'limit', limit: 10 });
    expect(kernelInitOf('normal')).toEqual({ kind: 'limit', limit: Math.sqrt(3) * 0.05 });
    expect(kernelInitOf('zeros')).toEqual({ kind: 'limit', limit: 0 });
  });

  it('leaves initializers it does not model to the default', () => {
    expect(kernelInitOf({ class_name: 'Orthogonal', config: { gain: 1 } })).toBeUndefined();
    expect(kernelInitOf(undefined)).toBeUndefined();
    expect(kernelInitOf({ class_name: 'VarianceScaling', config: { scale: -1 } })).toBeUndefined();
  });
});
