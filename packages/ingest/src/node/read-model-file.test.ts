import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import h5wasm from 'h5wasm/node';
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
