import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { HlsestError, exactArrayBuffer, isZip, parseKerasModel, parseOnnxModel, readKerasArchive, withWeightStats, type Network } from '@hlsest/core';
import { savedModelConfig, weightStatsFromKerasArchive } from '../parse/keras-archive.js';
import { modelConfigOf, openH5, weightStatsFromH5 } from '../parse/keras-h5.js';

/**
 * A model from disk: `model.to_json()` text, a Keras 2 `.h5` (its `model_config`, and from its
 * weights each layer's zeros and powers of two, which change what hls4ml builds), a `.keras`
 * archive (its `config.json`; an HDF5 file under that name is read as `.h5`), or an ONNX /
 * QONNX `.onnx` (PyTorch via `torch.onnx.export`, Brevitas via qonnx).
 */
export async function readKerasModelFile(path: string, options: { hls4mlVersion?: string } = {}): Promise<Network> {
  const ext = extname(path).toLowerCase();
  if (ext === '.onnx') return parseOnnxModel(new Uint8Array(await read(path)), path);
  if (ext === '.h5' || ext === '.hdf5' || ext === '.keras') {
    const bytes = await read(path);
    if (isZip(bytes)) {
      const archive = readKerasArchive(bytes, path);
      const network = parseKerasModel(archive.config, path, options);
      if (!archive.weights) return { ...network, notes: [...(network.notes ?? []), `${path}: the .keras archive holds no weights: pruned (zero) and power-of-two weights are not taken into account`] };
      const stats = weightStatsFromKerasArchive(openH5(exactArrayBuffer(archive.weights), `${path}:model.weights.h5`), archive.config, network);
      return stats.size ? { ...network, layers: withWeightStats(network.layers, stats) } : network;
    }
    const h5 = openH5(exactArrayBuffer(bytes), path);
    const network = parseKerasModel(modelConfigOf(h5, path), path, options);
    const stats = weightStatsFromH5(h5, network);
    return stats.size ? { ...network, layers: withWeightStats(network.layers, stats) } : network;
  }
  return parseKerasModel(await read(path, 'utf8'), path, options);
}

/** The model JSON inside a saved Keras model file (`.h5` or `.keras`). */
export async function readH5ModelConfig(path: string): Promise<string> {
  return savedModelConfig(await read(path), path);
}

function read(path: string): Promise<Buffer>;
function read(path: string, encoding: 'utf8'): Promise<string>;
function read(path: string, encoding?: 'utf8'): Promise<Buffer | string> {
  return (encoding ? readFile(path, encoding) : readFile(path)).catch((error: NodeJS.ErrnoException) => {
    throw new HlsestError('HLSEST_BAD_INPUT', `${path}: cannot read the model (${error.code ?? 'error'})`, { file: path });
  });
}
