/// <reference path="../types/jsfive.d.ts" />
import { File as Hdf5File } from 'jsfive';
import { HlsestError } from '@hlsest/core';

const SIGNATURE = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * The `model_config` attribute of a Keras 2 `.h5` file: the same JSON as `model.to_json()`.
 * Read with jsfive, a pure-JS HDF5 reader, straight from bytes, so archives need no temporary
 * files and the same code can run in a browser.
 */
export function modelConfigFromH5(bytes: ArrayBuffer, file: string): string {
  const head = new Uint8Array(bytes, 0, Math.min(8, bytes.byteLength));
  if (head.length < 8 || SIGNATURE.some((b, i) => head[i] !== b)) {
    throw new HlsestError('HLSEST_BAD_MODEL', `${file}: not an HDF5 file (bad signature)`, { file });
  }
  let value: unknown;
  try {
    value = new Hdf5File(bytes, file).attrs['model_config'];
  } catch (error) {
    throw new HlsestError('HLSEST_BAD_MODEL', `${file}: unreadable HDF5 file (${(error as Error).message})`, { file }, { cause: error });
  }
  const text = typeof value === 'string' ? value : value instanceof Uint8Array ? new TextDecoder().decode(value) : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : undefined;
  if (!text) throw new HlsestError('HLSEST_BAD_MODEL', `${file}: the HDF5 file has no "model_config" attribute (saved weights only?)`, { file });
  return text;
}
