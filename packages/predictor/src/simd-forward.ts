import { DENSE_KERNEL_WASM_BASE64 } from './dense-kernel.generated.js';
import type { MemberWeights } from './forward.js';

type DenseFn = (x: number, rows: number, inputs: number, w: number, b: number, outputs: number, out: number, relu: number) => void;

interface Kernel {
  readonly memory: WebAssembly.Memory;
  readonly dense: DenseFn;
}

/** A member's weights laid out for the kernel: output widths padded to 8, offsets in floats. */
interface PackedMember {
  readonly data: Float32Array;
  readonly layers: readonly { readonly w: number; readonly b: number; readonly inputs: number; readonly outputs: number; readonly relu: boolean }[];
  readonly wide: { readonly w: number; readonly b: number; readonly inputs: number; readonly outputs: number };
  readonly outputs: number;
  readonly widest: number;
}

const OUTPUT_ALIGN = 8;
const ROW_ALIGN = 4;
const PAGE_BYTES = 65536;

let kernel: Kernel | null | undefined;
const packed = new WeakMap<MemberWeights, PackedMember>();

/** The compiled kernel, or null where WebAssembly SIMD is unavailable (old browsers). */
function loadKernel(): Kernel | null {
  if (kernel !== undefined) return kernel;
  kernel = null;
  if (typeof WebAssembly !== 'object') return kernel;
  const bytes = Uint8Array.from(atob(DENSE_KERNEL_WASM_BASE64), (c) => c.charCodeAt(0));
  if (!WebAssembly.validate(bytes)) return kernel;
  // Synchronous compilation: the module is under 1 KB, well inside what browsers allow on the main thread.
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes));
  kernel = { memory: instance.exports['memory'] as WebAssembly.Memory, dense: instance.exports['dense'] as DenseFn };
  return kernel;
}

export function simdAvailable(): boolean {
  return loadKernel() !== null;
}

/**
 * The wide-and-deep forward pass on the WebAssembly SIMD kernel; same contract as the plain
 * TypeScript `forwardBatch`, null when the kernel cannot run here.
 */
export function forwardBatchSimd(member: MemberWeights, x: Float32Array, rows: number): Float32Array | null {
  const k = loadKernel();
  if (!k) return null;
  const layout = packedMember(member);
  const inputs = layout.wide.inputs;
  const paddedRows = roundUp(Math.max(rows, 1), ROW_ALIGN);

  // Regions, in floats, each 16-byte aligned: weights | x | two activation buffers | wide output.
  const xAt = roundUp(layout.data.length, 4);
  const hA = xAt + roundUp(paddedRows * inputs, 4);
  const hB = hA + paddedRows * layout.widest;
  const wideAt = hB + paddedRows * layout.widest;
  const end = wideAt + paddedRows * layout.wide.outputs;
  const needPages = Math.ceil((end * 4) / PAGE_BYTES);
  const havePages = k.memory.buffer.byteLength / PAGE_BYTES;
  if (needPages > havePages) k.memory.grow(needPages - havePages);

  const heap = new Float32Array(k.memory.buffer);
  heap.set(layout.data, 0);
  heap.set(x.subarray(0, rows * inputs), xAt);
  heap.fill(0, xAt + rows * inputs, xAt + paddedRows * inputs);

  let input = xAt;
  let inputWidth = inputs;
  let target = hA;
  for (const layer of layout.layers) {
    k.dense(input * 4, paddedRows, inputWidth, layer.w * 4, layer.b * 4, layer.outputs, target * 4, layer.relu ? 1 : 0);
    input = target;
    inputWidth = layer.outputs;
    target = target === hA ? hB : hA;
  }
  k.dense(xAt * 4, paddedRows, inputs, layout.wide.w * 4, layout.wide.b * 4, layout.wide.outputs, wideAt * 4, 0);

  const outputs = layout.outputs;
  const stride = layout.wide.outputs;
  const result = new Float32Array(rows * outputs);
  for (let r = 0; r < rows; r++) {
    for (let t = 0; t < outputs; t++) result[r * outputs + t] = heap[wideAt + r * stride + t]! + heap[input + r * stride + t]!;
  }
  return result;
}

function packedMember(member: MemberWeights): PackedMember {
  const cached = packed.get(member);
  if (cached) return cached;
  // Offsets first, then every tensor written once, zero-padded, straight into one array: a sweep
  // packs the folded members of every batch.
  const tensors: { values: Float32Array; inputs: number; outputs: number; at: number }[] = [];
  let size = 0;
  /** Reserves `rowsIn` rows × the padded width of `outputs` for a kernel (one row for a bias). */
  const place = (values: Float32Array, inputs: number, rowsIn: number, outputs: number) => {
    const at = size;
    tensors.push({ values, inputs, outputs, at });
    size += roundUp(rowsIn * roundUp(outputs, OUTPUT_ALIGN), 4);
    return at;
  };
  const last = member.layers.length - 1;
  let rowsIn = member.wide.inputs;
  let widest = OUTPUT_ALIGN;
  const layers = member.layers.map((layer, i) => {
    const outputs = roundUp(layer.outputs, OUTPUT_ALIGN);
    const entry = { w: place(layer.kernel, layer.inputs, rowsIn, layer.outputs), b: place(layer.bias, 1, 1, layer.outputs), inputs: rowsIn, outputs, relu: i < last };
    rowsIn = outputs;
    widest = Math.max(widest, outputs);
    return entry;
  });
  const wide = {
    w: place(member.wide.kernel, member.wide.inputs, member.wide.inputs, member.wide.outputs),
    b: place(member.wide.bias, 1, 1, member.wide.outputs),
    inputs: member.wide.inputs,
    outputs: roundUp(member.wide.outputs, OUTPUT_ALIGN),
  };
  const data = new Float32Array(size);
  for (const { values, inputs, outputs, at } of tensors) {
    const width = roundUp(outputs, OUTPUT_ALIGN);
    for (let i = 0; i < inputs; i++) for (let o = 0; o < outputs; o++) data[at + i * width + o] = values[i * outputs + o]!;
  }
  const layout = { data, layers, wide, outputs: member.wide.outputs, widest };
  packed.set(member, layout);
  return layout;
}

function roundUp(n: number, multiple: number): number {
  return Math.ceil(n / multiple) * multiple;
}
