/// <reference path="../types/jsfive.d.ts" />
import { File as Hdf5File, type Dataset, type Group } from 'jsfive';
import { DEFAULT_PRECISION, HlsestError, weightStatsOf, type Network, type Precision, type WeightStats } from '@hlsest/core';

const SIGNATURE = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];

/** An opened Keras 2 `.h5` (`model.save(...h5)`): read with jsfive, a pure-JS HDF5 reader, from bytes. */
export function openH5(bytes: ArrayBuffer, file: string): Hdf5File {
  const head = new Uint8Array(bytes, 0, Math.min(8, bytes.byteLength));
  if (head.length < 8 || SIGNATURE.some((b, i) => head[i] !== b)) {
    throw new HlsestError('HLSEST_BAD_MODEL', `${file}: not an HDF5 file (bad signature)`, { file });
  }
  try {
    return new Hdf5File(bytes, file);
  } catch (error) {
    throw new HlsestError('HLSEST_BAD_MODEL', `${file}: unreadable HDF5 file (${(error as Error).message})`, { file }, { cause: error });
  }
}

/**
 * The `model_config` attribute of a Keras 2 `.h5` file: the same JSON as `model.to_json()`.
 * Straight from bytes, so archives need no temporary files and the same code runs in a browser.
 */
export function modelConfigFromH5(bytes: ArrayBuffer, file: string): string {
  return modelConfigOf(openH5(bytes, file), file);
}

export function modelConfigOf(h5: Hdf5File, file: string): string {
  const text = textOf(h5.attrs['model_config']);
  if (!text) throw new HlsestError('HLSEST_BAD_MODEL', `${file}: the HDF5 file has no "model_config" attribute (saved weights only?)`, { file });
  return text;
}

/**
 * Per layer, what its trained kernel holds once cast to the layer's weight type (zeros,
 * powers of two), from the `model_weights/<layer>/<weight>` datasets Keras 2 writes. Layers
 * without a QKeras quantizer are cast to `defaultType` (hls4ml's default, fixed<16,6>, unless
 * the caller knows the config's). Layers the file has no kernel for are left out; a file saved
 * without weights gives an empty map.
 */
export function weightStatsFromH5(h5: Hdf5File, network: Network, defaultType: Precision = DEFAULT_PRECISION): Map<string, WeightStats> {
  const stats = new Map<string, WeightStats>();
  let root: Group;
  try {
    root = h5.get('model_weights') as Group;
  } catch {
    return stats;
  }
  const keys = new Set(root.keys ?? []);
  for (const layer of network.layers) {
    if (!keys.has(layer.name)) continue;
    const group = root.get(layer.name) as Group;
    const names = namesOf(group.attrs['weight_names']);
    const kernels = names.filter((n) => /(^|\/)(kernel|depthwise_kernel|pointwise_kernel|recurrent_kernel)(:\d+)?$/.test(n));
    const values: number[] = [];
    for (const name of kernels) {
      let dataset: Dataset;
      try {
        dataset = group.get(name) as Dataset;
      } catch {
        continue;
      }
      const data = dataset.value as ArrayLike<number>;
      for (let i = 0; i < data.length; i++) values.push(Number(data[i]));
    }
    if (values.length) stats.set(layer.name, weightStatsOf(values, layer.precision?.weight ?? defaultType));
  }
  return stats;
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value instanceof Uint8Array) return new TextDecoder().decode(value);
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return undefined;
}

function namesOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map((v) => (typeof v === 'string' ? v : v instanceof Uint8Array ? new TextDecoder().decode(v) : String(v)));
}
