import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { HlsestError, parseKerasModel, type Network } from '@hlsest/core';

/**
 * A Keras model from disk: `model.to_json()` text, or a Keras 2 `.h5` whose root attribute
 * `model_config` holds the same JSON (read with h5wasm, a maintained HDF5 build for JS).
 */
export async function readKerasModelFile(path: string): Promise<Network> {
  const ext = extname(path).toLowerCase();
  if (ext === '.h5' || ext === '.hdf5') return parseKerasModel(await readH5ModelConfig(path), path);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new HlsestError('HLSEST_BAD_INPUT', `${path}: cannot read the model (${(error as NodeJS.ErrnoException).code ?? 'error'})`, { file: path });
  }
  return parseKerasModel(text, path);
}

export async function readH5ModelConfig(path: string): Promise<string> {
  const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
    throw new HlsestError('HLSEST_BAD_INPUT', `${path}: cannot read the model (${error.code ?? 'error'})`, { file: path });
  });
  if (bytes.subarray(0, 8).toString('latin1') !== '\x89HDF\r\n\x1a\n') {
    throw new HlsestError('HLSEST_BAD_MODEL', `${path}: not an HDF5 file (bad signature)`, { file: path });
  }
  const h5wasm = (await import('h5wasm/node')).default;
  await h5wasm.ready;
  const file = new h5wasm.File(path, 'r');
  try {
    const attr = file.attrs['model_config'];
    const value = attr?.value;
    const text = typeof value === 'string' ? value : value instanceof Uint8Array ? new TextDecoder().decode(value) : undefined;
    if (!text) throw new HlsestError('HLSEST_BAD_MODEL', `${path}: the HDF5 file has no "model_config" attribute (saved weights only?)`, { file: path });
    return text;
  } finally {
    file.close();
  }
}
