/// <reference path="../types/jsfive.d.ts" />
import { unzipSync } from 'fflate';
import type { Dataset, File as Hdf5File, Group } from 'jsfive';
import { DEFAULT_PRECISION, HlsestError, exactArrayBuffer, weightStatsOf, type Network, type Precision, type WeightStats } from '@hlsest/core';
import { modelConfigFromH5 } from './keras-h5.js';

/** What a Keras `.keras` archive (`model.save('m.keras')`, TF 2.13+ and Keras 3) holds for hlsest. */
export interface KerasArchive {
  /** `config.json`: the model as `model.to_json()` writes it. */
  readonly config: string;
  /** `model.weights.h5`, when the archive has it. */
  readonly weights?: Uint8Array;
}

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

/** Whether the bytes are a zip file: a `.keras` archive rather than an HDF5 file under that name. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && ZIP_SIGNATURE.every((b, i) => bytes[i] === b);
}

/**
 * Reads a `.keras` archive from bytes (a zip of `config.json`, `metadata.json` and
 * `model.weights.h5`; fflate, which also runs in a browser, rather than Node's zlib alone).
 */
export function readKerasArchive(bytes: Uint8Array, file: string): KerasArchive {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, { filter: (entry) => entry.name === 'config.json' || entry.name === 'model.weights.h5' });
  } catch (error) {
    throw new HlsestError('HLSEST_BAD_MODEL', `${file}: not a readable .keras archive (${(error as Error).message})`, { file }, { cause: error });
  }
  const config = entries['config.json'];
  if (!config) throw new HlsestError('HLSEST_BAD_MODEL', `${file}: the .keras archive has no config.json (saved weights only?)`, { file });
  const weights = entries['model.weights.h5'];
  return { config: new TextDecoder().decode(config), ...(weights && { weights }) };
}

/** The model JSON of a saved Keras model's bytes: a `.keras` archive's config.json, or an `.h5`'s `model_config`. */
export function savedModelConfig(bytes: Uint8Array, file: string): string {
  return isZip(bytes) ? readKerasArchive(bytes, file).config : modelConfigFromH5(exactArrayBuffer(bytes), file);
}

/**
 * Per layer, what its trained kernel holds (zeros, powers of two), from an archive's weights
 * file. Keras keys it not by layer name but by class and order, as it tracks the model's layers
 * (`_layer_checkpoint_dependencies/dense_1/vars/0` in TF 2.13–2.15, `layers/dense_1/vars/0` in
 * Keras 3): the n-th layer of a class (InputLayer aside) is `<snake_case class>_<n>`, the first
 * without a suffix. The kernel is `vars/0`, and for separable convolutions `vars/1` too.
 */
export function weightStatsFromKerasArchive(h5: Hdf5File, config: string, network: Network, defaultType: Precision = DEFAULT_PRECISION): Map<string, WeightStats> {
  const stats = new Map<string, WeightStats>();
  const root = groupAt(h5, '_layer_checkpoint_dependencies') ?? groupAt(h5, 'layers');
  if (!root) return stats;
  const present = new Set(root.keys ?? []);
  const byName = new Map(network.layers.map((l) => [l.name, l]));
  const seen = new Map<string, number>();
  for (const { className, name } of kerasLayersOf(config)) {
    if (className === 'InputLayer') continue;
    const base = snakeCase(className);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    const key = n === 0 ? base : `${base}_${n}`;
    const layer = byName.get(name);
    if (!layer || !present.has(key)) continue;
    const kernels = /^(Q)?Separable/.test(className) ? ['0', '1'] : ['0'];
    const values: number[] = [];
    for (const index of kernels) {
      const data = datasetAt(root, `${key}/vars/${index}`);
      if (data) for (let i = 0; i < data.length; i++) values.push(Number(data[i]));
    }
    if (values.length && layer.weights === undefined && layer.params > 0) stats.set(name, weightStatsOf(values, layer.precision?.weight ?? defaultType));
  }
  return stats;
}

/** The model's layers in order, from `config.json` (Sequential and Functional alike). */
function kerasLayersOf(config: string): { className: string; name: string }[] {
  const model = JSON.parse(config) as { config?: { layers?: { class_name?: unknown; config?: { name?: unknown }; name?: unknown }[] } };
  return (model.config?.layers ?? []).map((l) => ({ className: String(l.class_name ?? ''), name: String(l.config?.name ?? l.name ?? '') }));
}

/** Keras's `to_snake_case`: `QDense` → `q_dense`, `DepthwiseConv2D` → `depthwise_conv2d`. */
function snakeCase(name: string): string {
  return name.replace(/(.)([A-Z][a-z]+)/g, '$1_$2').replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
}

function groupAt(h5: Hdf5File, path: string): Group | undefined {
  try {
    const found = h5.get(path) as Group;
    return found && found.keys ? found : undefined;
  } catch {
    return undefined;
  }
}

function datasetAt(group: Group, path: string): ArrayLike<number> | undefined {
  try {
    return (group.get(path) as Dataset).value as ArrayLike<number>;
  } catch {
    return undefined;
  }
}
