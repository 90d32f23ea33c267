import { TARGETS, type LayerTerms } from '@hlsest/core';
import type { TensorSpec } from './bundle-format.js';
import { forwardBatchSimd } from './simd-forward.js';

export interface DenseWeights {
  readonly kernel: Float32Array;
  readonly bias: Float32Array;
  readonly inputs: number;
  readonly outputs: number;
}

/** One ensemble member's weights, ready for the forward pass. */
export interface MemberWeights {
  /** The deep MLP over the design vector. */
  readonly layers: readonly DenseWeights[];
  readonly wide: DenseWeights;
  /** The shared layer network (`architecture.layers`), when the bundle has one. */
  readonly layerNet?: readonly DenseWeights[];
}

export function unpackMember(buffer: ArrayBuffer, tensors: readonly TensorSpec[]): MemberWeights {
  const total = tensors.reduce((sum, t) => sum + t.shape.reduce((a, b) => a * b, 1), 0);
  if (buffer.byteLength !== total * 4) throw new Error(`weights hold ${buffer.byteLength} bytes, the layout needs ${total * 4}`);
  const all = new Float32Array(buffer);
  let offset = 0;
  const take = (spec: TensorSpec) => {
    const size = spec.shape.reduce((a, b) => a * b, 1);
    const view = all.subarray(offset, offset + size);
    offset += size;
    return view;
  };
  const dense: DenseWeights[] = [];
  const layerNet: DenseWeights[] = [];
  let wide: DenseWeights | undefined;
  for (let i = 0; i < tensors.length; i += 2) {
    const kernelSpec = tensors[i]!;
    const biasSpec = tensors[i + 1]!;
    const layer = { kernel: take(kernelSpec), bias: take(biasSpec), inputs: kernelSpec.shape[0]!, outputs: kernelSpec.shape[1]! };
    if (kernelSpec.name.startsWith('wide/')) wide = layer;
    else if (kernelSpec.name.startsWith('layer_')) layerNet.push(layer);
    else dense.push(layer);
  }
  if (!wide) throw new Error('weights have no wide/kernel');
  return layerNet.length ? { layers: dense, wide, layerNet } : { layers: dense, wide };
}

/**
 * A ReLU MLP (linear last layer) on a batch of rows (`rows × inputs`, row-major): the shared
 * layer network runs on every built layer of a batch at once. Plain TypeScript: a batch holds a
 * few layers per design, too few rows for the SIMD kernel to pay.
 */
export function forwardMlp(layers: readonly DenseWeights[], x: Float32Array, rows: number): Float32Array {
  let current = x;
  let width = layers[0]?.inputs ?? 0;
  layers.forEach((layer, i) => {
    current = dense(current, rows, width, layer.kernel, layer.bias, layer.outputs, i < layers.length - 1);
    width = layer.outputs;
  });
  return current;
}

/** A batch's built layers, ready for the shared layer network: standardized rows, their design rows and shares. */
export interface LayerBatch {
  readonly count: number;
  /** count × features, standardized. */
  readonly x: Float32Array;
  /** The batch row each layer belongs to. */
  readonly owner: Int32Array;
  /** count × outputs: each layer's share of the rule, per output of the network. */
  readonly shares: Float32Array;
}

/**
 * The layers of a batch's designs as one matrix for the layer network; `columns[t]` is output
 * t's column in `LayerTerms.shares` (`TARGETS` order; a bundle's outputs come in its own).
 */
export function layerBatch(designs: readonly LayerTerms[], scaler: { readonly mean: readonly number[]; readonly std: readonly number[] }, columns: Int32Array): LayerBatch {
  const width = scaler.mean.length;
  const outputs = columns.length;
  let count = 0;
  for (const terms of designs) count += terms.count;
  const x = new Float32Array(count * width);
  const owner = new Int32Array(count);
  const shares = new Float32Array(count * outputs);
  let layer = 0;
  designs.forEach((terms, r) => {
    for (let l = 0; l < terms.count; l++, layer++) {
      owner[layer] = r;
      for (let j = 0; j < width; j++) x[layer * width + j] = (terms.features[l * width + j]! - scaler.mean[j]!) / scaler.std[j]!;
      for (let t = 0; t < outputs; t++) shares[layer * outputs + t] = terms.shares[l * TARGETS.length + columns[t]!]!;
    }
  });
  return { count, x, owner, shares };
}

/** Adds to `out` (rows × outputs) each row's layers through `layerNet`, weighted by their shares. */
export function addLayerTerms(out: Float32Array, layerNet: readonly DenseWeights[], batch: LayerBatch): void {
  const y = forwardMlp(layerNet, batch.x, batch.count);
  const outputs = batch.shares.length / Math.max(1, batch.count);
  for (let l = 0; l < batch.count; l++) {
    const row = batch.owner[l]! * outputs;
    for (let t = 0; t < outputs; t++) out[row + t]! += batch.shares[l * outputs + t]! * y[l * outputs + t]!;
  }
}

/**
 * The wide-and-deep forward pass for a batch of standardized feature rows (row-major,
 * `rows × inputs`): deep = ReLU MLP, then a linear output, plus a linear (wide) path straight
 * from the inputs. Returns `rows × outputs`. Runs on the WebAssembly SIMD kernel where the
 * platform has one (about 10× faster), else in plain TypeScript; both agree to float rounding.
 */
export function forwardBatch(member: MemberWeights, x: Float32Array, rows: number): Float32Array {
  return forwardBatchSimd(member, x, rows) ?? forwardBatchPlain(member, x, rows);
}

/** The same pass in plain TypeScript over Float32Array, for platforms without WebAssembly SIMD. */
export function forwardBatchPlain(member: MemberWeights, x: Float32Array, rows: number): Float32Array {
  const current = forwardMlp(member.layers, x, rows);
  const wide = dense(x, rows, member.wide.inputs, member.wide.kernel, member.wide.bias, member.wide.outputs, false);
  for (let i = 0; i < wide.length; i++) wide[i]! += current[i]!;
  return wide;
}

/**
 * out = x·kernel + bias (optionally ReLU), rows blocked by four so each kernel value loaded is
 * used four times; every output still sums its inputs in the same order as a row-at-a-time loop.
 */
function dense(x: Float32Array, rows: number, inputs: number, kernel: Float32Array, bias: Float32Array, outputs: number, relu: boolean): Float32Array {
  const out = new Float32Array(rows * outputs);
  for (let r = 0; r < rows; r++) out.set(bias, r * outputs);
  let r = 0;
  for (; r + 4 <= rows; r += 4) {
    const o0 = r * outputs;
    const o1 = o0 + outputs;
    const o2 = o1 + outputs;
    const o3 = o2 + outputs;
    const x0 = r * inputs;
    for (let i = 0; i < inputs; i++) {
      const a0 = x[x0 + i]!;
      const a1 = x[x0 + inputs + i]!;
      const a2 = x[x0 + 2 * inputs + i]!;
      const a3 = x[x0 + 3 * inputs + i]!;
      const k = i * outputs;
      for (let j = 0; j < outputs; j++) {
        const w = kernel[k + j]!;
        out[o0 + j]! += a0 * w;
        out[o1 + j]! += a1 * w;
        out[o2 + j]! += a2 * w;
        out[o3 + j]! += a3 * w;
      }
    }
  }
  for (; r < rows; r++) {
    const o = r * outputs;
    const xr = r * inputs;
    for (let i = 0; i < inputs; i++) {
      const xi = x[xr + i]!;
      const k = i * outputs;
      for (let j = 0; j < outputs; j++) out[o + j]! += xi * kernel[k + j]!;
    }
  }
  if (relu) for (let i = 0; i < out.length; i++) if (out[i]! < 0) out[i] = 0;
  return out;
}
