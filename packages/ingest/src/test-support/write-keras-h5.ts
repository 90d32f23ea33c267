import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A layer's weights as Keras 2 saves them: `kernel:0`, `bias:0`… with their values and shape. */
export interface H5Weights {
  readonly [weightName: string]: { readonly data: readonly number[]; readonly shape: readonly number[] };
}

/**
 * Writes a Keras 2 style `.h5` (root attribute `model_config`, `model_weights/<layer>` groups
 * with `weight_names` and float32 datasets), for tests: h5wasm (HDF5 compiled to WebAssembly)
 * writes it, jsfive reads it back as hlsest does for users' files.
 */
export async function writeKerasH5(modelJson: unknown, weights: Readonly<Record<string, H5Weights>>): Promise<ArrayBuffer> {
  const h5wasm = await import('h5wasm/node');
  await h5wasm.ready;
  const dir = await mkdtemp(join(tmpdir(), 'hlsest-h5-'));
  const path = join(dir, 'model.h5');
  try {
    const file = new h5wasm.File(path, 'w');
    file.create_attribute('model_config', JSON.stringify(modelJson));
    file.create_attribute('keras_version', '2.13.1');
    const root = file.create_group('model_weights');
    root.create_attribute('layer_names', Object.keys(weights));
    for (const [layer, tensors] of Object.entries(weights)) {
      const group = root.create_group(layer);
      const names = Object.keys(tensors).map((n) => `${layer}/${n}`);
      group.create_attribute('weight_names', names);
      const inner = group.create_group(layer);
      for (const [name, { data, shape }] of Object.entries(tensors)) inner.create_dataset({ name, data: Float32Array.from(data), shape: [...shape], dtype: '<f' });
    }
    file.close();
    const bytes = await readFile(path);
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
