import { describe, expect, it } from 'vitest';
import { forwardBatch, memberTensorSpecs, unpackMember } from '@hlsest/predictor';
import { loadTensorflow } from './backend.js';
import { seededRandom } from './rng.js';

describe('the plain-TypeScript forward pass', () => {
  it('matches TensorFlow.js within 1e-5 relative on random weights and inputs', async () => {
    const { tf } = await loadTensorflow();
    const features = 37;
    const hidden = [24, 12];
    const outputs = 5;
    const rows = 64;
    const specs = memberTensorSpecs(features, hidden, outputs);
    const random = seededRandom(99);
    const size = specs.reduce((s, t) => s + t.shape.reduce((a, b) => a * b, 1), 0);
    const weights = Float32Array.from({ length: size }, () => random() * 2 - 1);
    const x = Float32Array.from({ length: rows * features }, () => (random() * 2 - 1) * 3);
    const ours = forwardBatch(unpackMember(weights.buffer, specs), x, rows);

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
