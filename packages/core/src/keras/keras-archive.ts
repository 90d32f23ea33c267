import { unzipSync } from 'fflate';
import { HlsestError } from '../errors.js';

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
 * `model.weights.h5`), with fflate: pure JavaScript, so the page reads it as the CLI does.
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
