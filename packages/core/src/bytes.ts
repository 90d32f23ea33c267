/**
 * The bytes a view covers as their own ArrayBuffer. Node's Buffers share a larger pool, so
 * `view.buffer` alone would hand readers (jsfive, WebCrypto, Float32Array) other data too.
 */
export function exactArrayBuffer(view: ArrayBufferView): ArrayBuffer {
  return view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength) as ArrayBuffer;
}
