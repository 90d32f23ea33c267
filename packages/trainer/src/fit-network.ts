import { HlsestError } from '@hlsest/core';
import { memberTensorSpecs } from '@hlsest/predictor';
import type { Tf } from './backend.js';
import { seededRandom, shuffled } from './rng.js';

/** Standardised training data: rows × features, rows × targets with a mask for missing labels. */
export interface TrainingMatrix {
  readonly rows: number;
  readonly features: number;
  readonly targets: number;
  readonly x: Float32Array;
  readonly y: Float32Array;
  readonly mask: Float32Array;
  readonly weight: Float32Array;
  /** The rows' built layers, for the shared layer network; absent without one. */
  readonly layers?: LayerMatrix;
}

/** Every row's layers, standardized, one after another: row r owns `offsets[r]` … `offsets[r + 1]` − 1. */
export interface LayerMatrix {
  readonly features: number;
  /** layers × features. */
  readonly x: Float32Array;
  /** layers × targets: each layer's share of the rule, per trained target. */
  readonly share: Float32Array;
  readonly offsets: Int32Array;
}

/** The network and optimiser settings one member is fitted with. */
export interface NetworkHyperparameters {
  readonly hidden: readonly number[];
  /** Hidden widths of the shared layer network; empty: the correction reads the design vector alone. */
  readonly layerHidden: readonly number[];
  readonly epochs: number;
  readonly batchSize: number;
  readonly learningRate: number;
  readonly patience: number;
  readonly l2: number;
  readonly seed: number;
}

/**
 * Weights held at zero: 0/1 masks by tensor name (`memberTensorSpecs`), each the kernel's shape
 * row-major. What they cut are paths from inputs a target's correction must not read.
 */
export type KernelMasks = ReadonlyMap<string, Float32Array>;

export interface FitOptions extends NetworkHyperparameters {
  readonly masks?: KernelMasks;
  readonly signal?: AbortSignal;
  /** Wall-clock time (ms since epoch) after which no new epoch starts; the best weights stand. */
  readonly deadline?: number;
  readonly onEpoch?: (epoch: number, loss: number, valLoss: number) => void;
}

export interface FittedMember {
  readonly seed: number;
  /** All tensors concatenated in `memberTensorSpecs` order. */
  readonly weights: Float32Array;
  readonly epochs: number;
  readonly bestValLoss: number;
}

/**
 * Fits one wide-and-deep member with a masked MSE (targets a record lacks do not count), Adam,
 * seeded initialisers and a seeded shuffle, and early stopping on the validation rows: the
 * weights of the best epoch are kept.
 */
export async function fitMember(tf: Tf, train: TrainingMatrix, validation: TrainingMatrix, options: FitOptions): Promise<FittedMember> {
  const { hidden, seed } = options;
  const layerNet = train.layers && options.layerHidden.length > 0 ? { features: train.layers.features, hidden: options.layerHidden } : undefined;
  const specs = memberTensorSpecs(train.features, hidden, train.targets, layerNet);
  const random = seededRandom(seed);
  const init = (shape: number[], fanIn: number, fanOut: number) => {
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    const values = new Float32Array(shape.reduce((a, b) => a * b, 1));
    for (let i = 0; i < values.length; i++) values[i] = (random() * 2 - 1) * limit;
    return values;
  };
  const variables = specs.map((spec) =>
    tf.variable(
      // Output layers start near zero so a fresh member predicts the rule.
      spec.shape.length === 1 ? tf.zeros(spec.shape) : tf.tensor(init(spec.shape, spec.shape[0]!, spec.shape[1]!).map((v) => (spec.name.startsWith('wide') || spec.name.endsWith('_out/kernel') ? v * 0.1 : v)), spec.shape),
      true,
      `${spec.name}_${seed}`,
    ),
  );
  const deepCount = hidden.length + 1;
  // Masked weights start at zero and, multiplied by zero in the forward pass, get no gradient
  // (nor any from the L2 term): they stay exactly zero in the weights the predictor reads.
  const masks = new Map<number, ReturnType<Tf['tensor']>>();
  for (const [name, mask] of options.masks ?? []) {
    const index = specs.findIndex((spec) => spec.name === name);
    if (index < 0) throw new Error(`a weight mask names ${name}, which the network does not have`);
    masks.set(index, tf.tensor(mask, specs[index]!.shape));
  }
  for (const [i, mask] of masks) tf.tidy(() => variables[i]!.assign(tf.mul(variables[i]!, mask)));
  const kernel = (i: number) => (masks.has(i) ? tf.mul(variables[i]!, masks.get(i)!) : variables[i]!);
  const layerStart = 2 * deepCount + 2;
  const layerCount = layerNet ? layerNet.hidden.length + 1 : 0;
  const forward = (batch: Batch) =>
    tf.tidy(() => {
      const { x } = batch;
      let h = x;
      for (let i = 0; i < deepCount; i++) {
        h = tf.add(tf.matMul(h, kernel(2 * i)), variables[2 * i + 1]!);
        if (i < deepCount - 1) h = tf.relu(h);
      }
      const wide = tf.add(tf.matMul(x, kernel(2 * deepCount)), variables[2 * deepCount + 1]!);
      let out = tf.add(h, wide);
      if (layerCount && batch.layers) {
        let g = batch.layers.x;
        for (let i = 0; i < layerCount; i++) {
          g = tf.add(tf.matMul(g, kernel(layerStart + 2 * i)), variables[layerStart + 2 * i + 1]!);
          if (i < layerCount - 1) g = tf.relu(g);
        }
        // Each row's layers, summed with their shares.
        out = tf.add(out, sumByRow(tf, tf.mul(g, batch.layers.share), batch.layers.owner));
      }
      return out;
    });
  // The data term's numerator and denominator: Σ w·Σ(masked error²) and Σ mask·w.
  const dataTerms = (batch: Batch) =>
    tf.tidy(() => {
      const { y, m, w } = batch;
      const diff = tf.mul(tf.sub(forward(batch), y), m);
      return [tf.sum(tf.mul(tf.sum(tf.square(diff), 1, true), w)), tf.sum(tf.mul(m, w))] as const;
    });
  const penalty = () => tf.mul(options.l2, tf.addN(variables.filter((_, i) => i % 2 === 0).map((v) => tf.sum(tf.square(v)))));
  const maskedLoss = (batch: Batch) =>
    tf.tidy(() => {
      const [errors, weights] = dataTerms(batch);
      return tf.add(tf.div(errors, tf.add(weights, 1e-6)), penalty()) as ReturnType<Tf['scalar']>;
    });

  // Batches are cut from JS memory and copied in one at a time, so the backend's heap (wasm has a
  // hard ceiling) holds one batch, never the whole matrix: memory stays flat in the row count.
  const batchOf = (m: TrainingMatrix, rows: readonly number[]): Batch => {
    const x = new Float32Array(rows.length * m.features);
    const y = new Float32Array(rows.length * m.targets);
    const mask = new Float32Array(rows.length * m.targets);
    const w = new Float32Array(rows.length);
    rows.forEach((row, r) => {
      x.set(m.x.subarray(row * m.features, (row + 1) * m.features), r * m.features);
      y.set(m.y.subarray(row * m.targets, (row + 1) * m.targets), r * m.targets);
      mask.set(m.mask.subarray(row * m.targets, (row + 1) * m.targets), r * m.targets);
      w[r] = m.weight[row]!;
    });
    return {
      x: tf.tensor2d(x, [rows.length, m.features]),
      y: tf.tensor2d(y, [rows.length, m.targets]),
      m: tf.tensor2d(mask, [rows.length, m.targets]),
      w: tf.tensor2d(w, [rows.length, 1]),
      ...(layerCount && m.layers && { layers: layerBatch(m.layers, rows, m.targets) }),
    };
  };
  const layerBatch = (l: LayerMatrix, rows: readonly number[], targets: number): Batch['layers'] => {
    let total = 0;
    for (const row of rows) total += l.offsets[row + 1]! - l.offsets[row]!;
    // One zero layer more, owned by the last row: the sum then has a row for every batch row
    // (a segment sum ends at its last owner), and with a zero share it adds nothing.
    const count = total + 1;
    const x = new Float32Array(count * l.features);
    const share = new Float32Array(count * targets);
    const owner = new Int32Array(count);
    let at = 0;
    rows.forEach((row, r) => {
      for (let i = l.offsets[row]!; i < l.offsets[row + 1]!; i++, at++) {
        x.set(l.x.subarray(i * l.features, (i + 1) * l.features), at * l.features);
        share.set(l.share.subarray(i * targets, (i + 1) * targets), at * targets);
        owner[at] = r;
      }
    });
    owner[at] = rows.length - 1;
    return { x: tf.tensor2d(x, [count, l.features]), share: tf.tensor2d(share, [count, targets]), owner: tf.tensor1d(owner, 'int32') };
  };
  const disposeBatch = (b: Batch) => tf.dispose([b.x, b.y, b.m, b.w, ...(b.layers ? [b.layers.x, b.layers.share, b.layers.owner] : [])]);
  // The validation rows' loss as one weighted mean, whatever the chunks it is computed in.
  const validationLoss = async () => {
    let errors = 0;
    let weights = 0;
    const chunk = 4096;
    for (let start = 0; start < validation.rows; start += chunk) {
      const batch = batchOf(validation, Array.from({ length: Math.min(chunk, validation.rows - start) }, (_, i) => start + i));
      const terms = dataTerms(batch);
      errors += (await terms[0].data())[0]!;
      weights += (await terms[1].data())[0]!;
      disposeBatch(batch);
      tf.dispose([...terms]);
    }
    if (!(weights > 0)) return Infinity;
    const reg = penalty();
    const value = errors / (weights + 1e-6) + (await reg.data())[0]!;
    reg.dispose();
    return value;
  };
  const optimizer = tf.train.adam(options.learningRate);
  let best = Infinity;
  let bestWeights: Float32Array | undefined;
  let sinceBest = 0;
  let epoch = 0;
  try {
    for (epoch = 1; epoch <= options.epochs; epoch++) {
      if (options.signal?.aborted) throw new HlsestError('HLSEST_INTERRUPTED', 'training interrupted');
      const order = shuffled(Array.from({ length: train.rows }, (_, i) => i), random);
      let lossSum = 0;
      let batches = 0;
      for (let start = 0; start < order.length; start += options.batchSize) {
        const batch = batchOf(train, order.slice(start, start + options.batchSize));
        const loss = optimizer.minimize(() => maskedLoss(batch), true);
        lossSum += (await loss!.data())[0]!;
        batches++;
        disposeBatch(batch);
        tf.dispose(loss!);
      }
      const valLoss = await validationLoss();
      options.onEpoch?.(epoch, lossSum / batches, valLoss);
      if (valLoss < best - 1e-5) {
        best = valLoss;
        sinceBest = 0;
        bestWeights = await snapshot(variables);
      } else if (++sinceBest >= options.patience) break;
      if (options.deadline !== undefined && Date.now() > options.deadline) break;
      // Yield to the event loop so Ctrl-C is seen between epochs.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    tf.dispose(variables);
    tf.dispose([...masks.values()]);
    optimizer.dispose();
  }
  return { seed, weights: bestWeights!, epochs: Math.min(epoch, options.epochs), bestValLoss: best };
}

/**
 * Σ of `terms` (layers × targets) over the layers each row owns (`owner`: the row of every layer,
 * ascending, the last row owning the last layer): a segment sum whose gradient hands every layer
 * its row's gradient. Written with customGrad because the gradient tf.js registers for segment
 * sums needs UnsortedSegmentSum, which the wasm backend lacks; a rows × layers one-hot product
 * instead cost more than the rest of a training step (23.5 → 6.2 s per epoch at 500k rows).
 */
export function sumByRow(tf: Tf, terms: Tensor2D, owner: Tensor1D): Tensor2D {
  return tf.customGrad((t) => ({
    value: tf.sparse.sparseSegmentSum(t as Tensor2D, tf.range(0, (t as Tensor2D).shape[0], 1, 'int32'), owner) as Tensor2D,
    gradFunc: (dy) => tf.gather(dy as Tensor2D, owner),
  }))(terms) as Tensor2D;
}

type Tensor2D = ReturnType<Tf['tensor2d']>;
type Tensor1D = ReturnType<Tf['tensor1d']>;

/** One batch on the backend; `layers.owner` holds, per layer in row order, the batch row it belongs to. */
interface Batch {
  readonly x: Tensor2D;
  readonly y: Tensor2D;
  readonly m: Tensor2D;
  readonly w: Tensor2D;
  readonly layers?: { readonly x: Tensor2D; readonly share: Tensor2D; readonly owner: Tensor1D };
}

async function snapshot(variables: readonly { data(): Promise<unknown>; size: number }[]): Promise<Float32Array> {
  const total = variables.reduce((sum, v) => sum + v.size, 0);
  const out = new Float32Array(total);
  let offset = 0;
  for (const v of variables) {
    const data = (await v.data()) as Float32Array;
    out.set(data, offset);
    offset += data.length;
  }
  return out;
}
