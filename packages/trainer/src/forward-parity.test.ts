import { describe, expect, it } from 'vitest';
import { TARGETS } from '@hlsest/core';
import { addLayerTerms, forwardBatchPlain, forwardBatchSimd, layerBatch, memberTensorSpecs, simdAvailable, unpackMember, type TensorSpec } from '@hlsest/predictor';
import { loadTensorflow, type Tf } from './backend.js';
import { seededRandom } from './rng.js';

/** A member's weights as TensorFlow.js tensors, in file order. */
function tensorsOf(tf: Tf, weights: Float32Array, specs: readonly TensorSpec[]) {
  let offset = 0;
  return specs.map((spec) => {
    const n = spec.shape.reduce((a, b) => a * b, 1);
    const t = tf.tensor(weights.subarray(offset, offset + n), spec.shape);
    offset += n;
    return t;
  });
}

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

    const tensors = tensorsOf(tf, weights, specs);
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

it('adds the shared layer network as training does: each design its layers, weighted by their shares', async () => {
  const { tf } = await loadTensorflow();
  const [features, hidden, outputs, layerFeatures, layerHidden] = [11, [8], 4, 7, [6]];
  const specs = memberTensorSpecs(features, hidden, outputs, { features: layerFeatures, hidden: layerHidden });
  const random = seededRandom(5);
  const uniform = (n: number, scale = 1) => Float32Array.from({ length: n }, () => (random() * 2 - 1) * scale);
  const weights = uniform(specs.reduce((s, t) => s + t.shape.reduce((a, b) => a * b, 1), 0));
  const member = unpackMember(weights.buffer, specs);
  expect(member.layerNet).toHaveLength(2);
  // Designs of 0, 1, 3, 2 and 7 layers; shares per target in `TARGETS` order, whose columns the outputs pick.
  const counts = [0, 1, 3, 2, 7];
  const shareWidth = TARGETS.length;
  const columns = Int32Array.from([6, 0, 8, 3]);
  const designs = counts.map((count) => ({ count, features: uniform(count * layerFeatures, 5), shares: Float32Array.from({ length: count * shareWidth }, () => random()) }));
  const scaler = { mean: [...uniform(layerFeatures)], std: Array.from({ length: layerFeatures }, () => 0.5 + random()) };
  const x = uniform(counts.length * features, 3);
  const ours = forwardBatchPlain(member, x, counts.length);
  addLayerTerms(ours, member.layerNet!, layerBatch(designs, scaler, columns));

  const tensors = tensorsOf(tf, weights, specs);
  const total = counts.reduce((a, b) => a + b, 0);
  const layerX: number[] = [];
  const share: number[] = [];
  const owner = new Float32Array(counts.length * total);
  let at = 0;
  designs.forEach((d, r) => {
    for (let l = 0; l < d.count; l++, at++) {
      for (let j = 0; j < layerFeatures; j++) layerX.push((d.features[l * layerFeatures + j]! - scaler.mean[j]!) / scaler.std[j]!);
      for (const c of columns) share.push(d.shares[l * shareWidth + c]!);
      owner[r * total + at] = 1;
    }
  });
  const input = tf.tensor2d(x, [counts.length, features]);
  const deep = tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(input, tensors[0]!), tensors[1]!)), tensors[2]!), tensors[3]!);
  const wide = tf.add(tf.matMul(input, tensors[4]!), tensors[5]!);
  const g = tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(tf.tensor2d(layerX, [total, layerFeatures]), tensors[6]!), tensors[7]!)), tensors[8]!), tensors[9]!);
  const layers = tf.matMul(tf.tensor2d(owner, [counts.length, total]), tf.mul(g, tf.tensor2d(share, [total, outputs])));
  const reference = (await tf.add(tf.add(deep, wide), layers).data()) as Float32Array;
  let worst = 0;
  for (let i = 0; i < ours.length; i++) worst = Math.max(worst, Math.abs(ours[i]! - reference[i]!) / Math.max(1, Math.abs(reference[i]!)));
  expect(worst).toBeLessThan(1e-5);
  // The design without layers gets the design network alone.
  const bare = forwardBatchPlain(member, x, counts.length);
  for (let t = 0; t < outputs; t++) expect(ours[t]).toBe(bare[t]);
});
