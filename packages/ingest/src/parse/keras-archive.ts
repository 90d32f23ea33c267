/// <reference path="../types/jsfive.d.ts" />
import type { Dataset, File as Hdf5File, Group } from 'jsfive';
import { DEFAULT_PRECISION, exactArrayBuffer, isZip, readKerasArchive, weightStatsOf, type Network, type Precision, type WeightStats } from '@hlsest/core';
import { modelConfigFromH5 } from './keras-h5.js';

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
