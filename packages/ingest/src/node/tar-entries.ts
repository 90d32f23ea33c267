import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import tarStream from 'tar-stream';
import { HlsestError } from '@hlsest/core';

/** Text files that can matter for a design; everything else in an archive is skipped unread. */
const WANTED = /(hls4ml_config\.ya?ml|\.json|\.xml|\.rpt|\.log|\.h5|\.hdf5)$/i;
const MAX_ENTRY_BYTES = 64 << 20;

/**
 * Reads the relevant entries (text, and Keras .h5) of a `.tar.gz`/`.tgz`/`.tar` straight from the compressed
 * stream (nothing is unpacked to disk). Corrupt or truncated archives are one clear error.
 */
export async function readTarEntries(path: string): Promise<Map<string, Buffer>> {
  const entries = new Map<string, Buffer>();
  const extract = tarStream.extract();
  const source = createReadStream(path);
  const feeding = /\.(tgz|gz)$/i.test(path) ? pipeline(source, createGunzip(), extract) : pipeline(source, extract);
  // Observed here so an early failure is not unhandled; awaited below to surface it.
  feeding.catch(() => undefined);
  try {
    for await (const entry of extract) {
      const name = entry.header.name.replace(/^\.\//, '');
      if (entry.header.type !== 'file' || !WANTED.test(name) || (entry.header.size ?? 0) > MAX_ENTRY_BYTES) {
        entry.resume();
        continue;
      }
      const chunks: Buffer[] = [];
      for await (const chunk of entry) chunks.push(chunk as Buffer);
      entries.set(name, Buffer.concat(chunks));
    }
    await feeding;
  } catch (error) {
    source.destroy();
    throw new HlsestError('HLSEST_BAD_INPUT', `${path}: not a readable tar archive (${(error as Error).message})`, { file: path }, { cause: error });
  }
  return entries;
}
