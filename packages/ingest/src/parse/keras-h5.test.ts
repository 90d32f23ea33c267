import { describe, expect, it } from 'vitest';
import { buildDesign, configureNetwork, parseKerasModel, withWeightStats } from '@hlsest/core';
import { modelConfigOf, openH5, weightStatsFromH5 } from './keras-h5.js';
import { writeKerasH5 } from '../test-support/write-keras-h5.js';

const MODEL = {
  class_name: 'Sequential',
  config: {
    name: 'tiny',
    layers: [
      { class_name: 'InputLayer', config: { name: 'in', batch_input_shape: [null, 16] } },
      { class_name: 'Dense', config: { name: 'fc1', units: 8, activation: 'relu' } },
      { class_name: 'Dense', config: { name: 'fc2', units: 4 } },
    ],
  },
};

/** Deterministic weights in (−1, 1), none a power of two, none zero. */
const dense = (nIn: number, nOut: number, seed: number) => Array.from({ length: nIn * nOut }, (_, i) => Math.sin(seed + 1.7 * i) * 0.9 + 0.003);
const prune = (values: number[], share: number) => values.map((v, i) => (i % Math.round(1 / share) === 0 ? v : 0));

async function model(fc1: number[], fc2: number[]) {
  const bytes = await writeKerasH5(MODEL, {
    fc1: { 'kernel:0': { data: fc1, shape: [16, 8] }, 'bias:0': { data: Array(8).fill(0.1), shape: [8] } },
    fc2: { 'kernel:0': { data: fc2, shape: [8, 4] }, 'bias:0': { data: Array(4).fill(0.1), shape: [4] } },
  });
  const h5 = openH5(bytes, 'tiny.h5');
  const network = parseKerasModel(modelConfigOf(h5, 'tiny.h5'), 'tiny.h5');
  return { ...network, layers: withWeightStats(network.layers, weightStatsFromH5(h5, network)) };
}

describe('Keras .h5 weights', () => {
  it('reads each kernel\'s zeros and powers of two as hls4ml casts it (fixed<16,6>: steps of 2^-10)', async () => {
    const fc1 = dense(16, 8, 1);
    fc1[0] = 0;
    fc1[1] = 0.0004; // below half a step of 2^-10: rounds to zero
    fc1[2] = -0.5;
    fc1[3] = 0.25;
    const net = await model(fc1, dense(8, 4, 2));
    const stats = net.layers.find((l) => l.name === 'fc1')!.weights;
    expect(stats).toMatchObject({ count: 128, zeros: 2, powersOfTwo: 2 });
    // The two powers of two are shifts; of the rest, those with three or more signed digits stay multiplications.
    expect(stats!.multiplications).toBeGreaterThan(0);
    expect(stats!.multiplications).toBeLessThanOrEqual(128 - 2 - 2);
  });

  it('gives a pruned model fewer multipliers and fewer DSPs than the same model unpruned (Latency drops zero products)', async () => {
    const unpruned = await model(dense(16, 8, 1), dense(8, 4, 2));
    const pruned = await model(prune(dense(16, 8, 1), 0.25), prune(dense(8, 4, 2), 0.25));
    const buildOf = (layers: typeof unpruned.layers) => {
      const c = configureNetwork(layers, undefined, { strategy: 'latency', reuseFactor: 1, part: 'xcu250-figd2104-2L-e' });
      return buildDesign(c.layers, c.config, { toolchain: { hlsTool: 'vitis_hls', hlsToolVersion: '2023.2' } });
    };
    const a = buildOf(unpruned.layers);
    const b = buildOf(pruned.layers);
    expect(a.totals.multipliers).toBe(16 * 8 + 8 * 4);
    expect(b.totals.multipliers).toBe(32 + 8);
    expect(b.totals.multipliersDense).toBe(a.totals.multipliers);
    expect(b.hls.dsp).toBeLessThan(a.hls.dsp);
  });

  it('leaves a file saved without weights unannotated', async () => {
    const bytes = await writeKerasH5(MODEL, {});
    const h5 = openH5(bytes, 'empty.h5');
    const network = parseKerasModel(modelConfigOf(h5, 'empty.h5'));
    expect(weightStatsFromH5(h5, network).size).toBe(0);
  });
});
