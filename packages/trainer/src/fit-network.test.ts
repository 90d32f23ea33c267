import { expect, it } from 'vitest';
import { loadTensorflow } from './backend.js';
import { sumByRow } from './fit-network.js';
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
