import { describe, expect, it } from 'vitest';
import { forwardBatchPlain, forwardBatchSimd, memberTensorSpecs, simdAvailable, unpackMember } from '@hlsest/predictor';
import { loadTensorflow } from './backend.js';
import { seededRandom } from './rng.js';

const engines = {
  'plain TypeScript': forwardBatchPlain,
  'WebAssembly SIMD': (...args: Parameters<typeof forwardBatchPlain>) => forwardBatchSimd(...args)!,
};

it('WebAssembly SIMD is available in Node, so the fast path is what runs', () => {
  expect(simdAvailable()).toBe(true);
});

describe.each(Object.entries(engines))('the %s forward pass', (_, forward) => {
  // Odd sizes on purpose: rows not a multiple of 4, widths not a multiple of 8 (the kernel pads).
  it.each([
    { features: 37, hidden: [24, 12], outputs: 5, rows: 64 },
    { features: 119, hidden: [64, 32], outputs: 10, rows: 1 },
    { features: 9, hidden: [13], outputs: 3, rows: 103 },
  ])('matches TensorFlow.js within 1e-5 relative: $features → $hidden → $outputs, $rows rows', async ({ features, hidden, outputs, rows }) => {
    const { tf } = await loadTensorflow();
    const specs = memberTensorSpecs(features, hidden, outputs);
    const random = seededRandom(99);
    const size = specs.reduce((s, t) => s + t.shape.reduce((a, b) => a * b, 1), 0);
    const weights = Float32Array.from({ length: size }, () => random() * 2 - 1);
    const x = Float32Array.from({ length: rows * features }, () => (random() * 2 - 1) * 3);
    const ours = forward(unpackMember(weights.buffer, specs), x, rows);

    let offset = 0;
    const tensors = specs.map((spec) => {
      const n = spec.shape.reduce((a, b) => a * b, 1);
      const t = tf.tensor(weights.subarray(offset, offset + n), spec.shape);
      offset += n;
      return t;
    });
    const input = tf.tensor2d(x, [rows, features]);
    let h = input;
    for (let i = 0; i <= hidden.length; i++) {
      h = tf.add(tf.matMul(h, tensors[2 * i]!), tensors[2 * i + 1]!);
      if (i < hidden.length) h = tf.relu(h);
    }
    const reference = (await tf.add(h, tf.add(tf.matMul(input, tensors[tensors.length - 2]!), tensors[tensors.length - 1]!)).data()) as Float32Array;
    expect(ours.length).toBe(reference.length);
    let worst = 0;
    for (let i = 0; i < ours.length; i++) worst = Math.max(worst, Math.abs(ours[i]! - reference[i]!) / Math.max(1, Math.abs(reference[i]!)));
    expect(worst).toBeLessThan(1e-5);
  });
});
