import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import h5wasm from 'h5wasm/node';
import { strToU8, zipSync } from 'fflate';
import { dataPath } from '../../../../test/data-root.js';
import { readKerasModelFile } from './read-model-file.js';

describe('readKerasModelFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hlsest-model-'));

  it('reads model JSON', async () => {
    const net = await readKerasModelFile(dataPath('example-models', 'keras', 'KERAS_3layer.json'));
    // hls4ml's converter graph: each Dense's activation becomes its own layer.
    expect(net.layers.filter((l) => l.kind !== 'activation').map((l) => l.outputShape)).toEqual([[16], [64], [32], [32], [5]]);
    expect(net.layers.filter((l) => l.kind === 'activation').map((l) => l.activation)).toEqual(['relu', 'relu', 'relu', 'softmax']);
  });

  it('reads the model_config attribute of a Keras .h5 file', async () => {
    await h5wasm.ready;
    const path = join(dir, 'model.h5');
    const file = new h5wasm.File(path, 'w');
    file.create_attribute('model_config', readFileSync(dataPath('example-models', 'keras', 'KERAS_conv1d_small.json'), 'utf8'));
    file.close();
    const net = await readKerasModelFile(path);
    expect(net.layers.at(-1)!.outputShape).toEqual([5]);
  });

  it('reads a .keras archive: config.json, and the kernels its weights file keys by class and order', async () => {
    await h5wasm.ready;
    const config = {
      class_name: 'Sequential',
      config: { name: 'sequential', layers: [
        { class_name: 'InputLayer', config: { name: 'in', batch_input_shape: [null, 4] } },
        { class_name: 'Dense', config: { name: 'fc1', units: 3, activation: 'relu' } },
        { class_name: 'Dense', config: { name: 'fc2', units: 2 } },
      ] },
    };
    const weightsPath = join(dir, 'model.weights.h5');
    const weights = new h5wasm.File(weightsPath, 'w');
    // fc1: 12 weights, 5 of them zero; fc2: 6 weights, one zero and the rest ±0.5 (powers of two).
    const vars = (layer: string) => weights.create_group(`_layer_checkpoint_dependencies/${layer}`).create_group('vars');
    weights.create_group('_layer_checkpoint_dependencies');
    vars('dense').create_dataset({ name: '0', data: new Float32Array([0, 0, 0, 0, 0, 0.3, 0.7, 0.1, 0.2, 0.9, 0.4, 0.6]), shape: [4, 3] });
    vars('dense_1').create_dataset({ name: '0', data: new Float32Array([0, 0.5, -0.5, 0.5, 0.5, -0.5]), shape: [3, 2] });
    weights.close();
    const path = join(dir, 'model.keras');
    writeFileSync(path, zipSync({ 'config.json': strToU8(JSON.stringify(config)), 'metadata.json': strToU8('{"keras_version": "2.14.0"}'), 'model.weights.h5': new Uint8Array(readFileSync(weightsPath)) }));
    const net = await readKerasModelFile(path);
    expect(net.layers.map((l) => l.name)).toEqual(['in', 'fc1', 'fc1_relu', 'fc2']);
    expect(net.layers.find((l) => l.name === 'fc1')!.weights).toMatchObject({ count: 12, zeros: 5 });
    expect(net.layers.find((l) => l.name === 'fc2')!.weights).toMatchObject({ count: 6, zeros: 1, powersOfTwo: 5 });
    // Without a weights file: the architecture, and a note that pruning is unknown.
    const bare = join(dir, 'bare.keras');
    writeFileSync(bare, zipSync({ 'config.json': strToU8(JSON.stringify(config)) }));
    expect((await readKerasModelFile(bare)).notes?.join(' ')).toMatch(/holds no weights/);
  });

  it('refuses an .h5 with no model_config, a non-HDF5 file and a missing file', async () => {
    await h5wasm.ready;
    const weightsOnly = join(dir, 'weights.h5');
    const file = new h5wasm.File(weightsOnly, 'w');
    file.create_attribute('keras_version', '2.4.0');
    file.close();
    await expect(readKerasModelFile(weightsOnly)).rejects.toThrow(/no "model_config" attribute/);
    const garbage = join(dir, 'garbage.h5');
    writeFileSync(garbage, 'not hdf5 at all');
    await expect(readKerasModelFile(garbage)).rejects.toThrow(/not an HDF5 file/);
    await expect(readKerasModelFile(join(dir, 'missing.json'))).rejects.toThrow(/cannot read the model \(ENOENT\)/);
  });
});
