import { expect, it } from 'vitest';
import { loadTensorflow } from './backend.js';
import { memberTensorSpecs, unpackMember } from '@hlsest/predictor';
import { fitMember, sumByRow } from './fit-network.js';
import { seededRandom } from './rng.js';

it('sums each row\'s layer terms, rows without layers included, with the gradient of the one-hot product it replaces', async () => {
  const { tf } = await loadTensorflow();
  const random = seededRandom(5);
  // Rows 0…4 own 2, 0, 3, 1 and 0 layers; the last (zero) layer is owned by the last row, as the trainer pads.
  const owner = [0, 0, 2, 2, 2, 3, 4];
  const rows = 5;
  const targets = 3;
  const terms = Float32Array.from({ length: owner.length * targets }, () => random() * 2 - 1);
  terms.fill(0, (owner.length - 1) * targets);
  const oneHot = new Float32Array(rows * owner.length);
  owner.forEach((r, i) => (oneHot[r * owner.length + i] = 1));
  const upstream = tf.tensor2d(Float32Array.from({ length: rows * targets }, () => random() * 2 - 1), [rows, targets]);
  const t = tf.tensor2d(terms, [owner.length, targets]);
  const ownerTensor = tf.tensor1d(owner, 'int32');
  const reference = (x: typeof t) => tf.matMul(tf.tensor2d(oneHot, [rows, owner.length]), x);

  const ours = sumByRow(tf, t, ownerTensor);
  expect(ours.shape).toEqual([rows, targets]);
  const expected = await reference(t).data();
  (await ours.data()).forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 5));
  expect(Array.from((await ours.data()).subarray(targets, 2 * targets))).toEqual([0, 0, 0]);

  const grad = await tf.grad((x) => tf.sum(tf.mul(sumByRow(tf, x as typeof t, ownerTensor), upstream)))(t).data();
  const expectedGrad = await tf.grad((x) => tf.sum(tf.mul(reference(x as typeof t), upstream)))(t).data();
  grad.forEach((v, i) => expect(v).toBeCloseTo(expectedGrad[i]!, 5));
});

it('holds masked weights at exactly zero through training, and refuses a mask for a tensor the network lacks', async () => {
  const { tf } = await loadTensorflow();
  const random = seededRandom(11);
  const rows = 64;
  const features = 4;
  const targets = 2;
  const x = Float32Array.from({ length: rows * features }, () => random() * 2 - 1);
  // Target 0 follows feature 3, which its correction is not allowed to read.
  const y = Float32Array.from({ length: rows * targets }, (_, i) => (i % targets === 0 ? x[Math.floor(i / targets) * features + 3]! : x[Math.floor(i / targets) * features]!));
  const data = { rows, features, targets, x, y, mask: new Float32Array(rows * targets).fill(1), weight: new Float32Array(rows).fill(1) };
  const hidden = [6];
  // Feature 3 feeds no hidden unit, and reaches the outputs through the wide part to target 1 alone.
  const deep = Float32Array.from({ length: features * 6 }, (_, i) => (Math.floor(i / 6) === 3 ? 0 : 1));
  const wide = Float32Array.from({ length: features * targets }, (_, i) => (i === 3 * targets ? 0 : 1));
  const options = { hidden, layerHidden: [], epochs: 5, batchSize: 16, learningRate: 1e-2, patience: 5, l2: 1e-4, seed: 3 };
  const member = await fitMember(tf, data, data, { ...options, masks: new Map([['deep_0/kernel', deep], ['wide/kernel', wide]]) });
  const weights = unpackMember(member.weights.slice().buffer, memberTensorSpecs(features, hidden, targets));
  weights.layers[0]!.kernel.forEach((v, i) => deep[i] === 0 && expect(Math.abs(v)).toBe(0));
  expect(Math.abs(weights.wide.kernel[3 * targets]!)).toBe(0);
  expect(weights.wide.kernel[3 * targets + 1]).not.toBe(0);
  await expect(fitMember(tf, data, data, { ...options, masks: new Map([['layer_0/kernel', deep]]) })).rejects.toThrow(/layer_0\/kernel/);
});
