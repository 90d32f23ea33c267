import type { TensorSpec } from './bundle-format.js';
import { forwardBatchSimd } from './simd-forward.js';

/** One ensemble member's weights, ready for the forward pass. */
export interface MemberWeights {
  readonly layers: readonly { readonly kernel: Float32Array; readonly bias: Float32Array; readonly inputs: number; readonly outputs: number }[];
  readonly wide: { readonly kernel: Float32Array; readonly bias: Float32Array; readonly inputs: number; readonly outputs: number };
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
  const dense: MemberWeights['layers'][number][] = [];
  let wide: MemberWeights['wide'] | undefined;
  for (let i = 0; i < tensors.length; i += 2) {
    const kernelSpec = tensors[i]!;
    const biasSpec = tensors[i + 1]!;
    const layer = { kernel: take(kernelSpec), bias: take(biasSpec), inputs: kernelSpec.shape[0]!, outputs: kernelSpec.shape[1]! };
    if (kernelSpec.name.startsWith('wide/')) wide = layer;
    else dense.push(layer);
  }
  if (!wide) throw new Error('weights have no wide/kernel');
  return { layers: dense, wide };
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
  let current = x;
  let width = member.wide.inputs;
  const last = member.layers.length - 1;
  member.layers.forEach((layer, i) => {
    current = dense(current, rows, width, layer.kernel, layer.bias, layer.outputs, i < last);
    width = layer.outputs;
  });
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
