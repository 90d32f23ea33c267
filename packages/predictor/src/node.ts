import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { exactArrayBuffer } from '@hlsest/core';
import { Predictor, type BundleSource } from './predictor.js';

/** A bundle folder on disk. */
export function fileBundleSource(dir: string): BundleSource {
  return {
    describe: dir,
    readText: (name) => readFile(join(dir, name), 'utf8'),
    readBytes: async (name) => exactArrayBuffer(await readFile(join(dir, name))),
  };
}

/** The bundle shipped inside this package, trained on the public data (see the README). */
export const DEFAULT_BUNDLE_DIR = fileURLToPath(new URL(/* @vite-ignore */ '../bundle/default', import.meta.url));

export async function loadDefaultPredictor(): Promise<Predictor> {
  return Predictor.load(fileBundleSource(DEFAULT_BUNDLE_DIR));
}

export async function loadPredictor(dir: string | undefined): Promise<Predictor> {
  return dir ? Predictor.load(fileBundleSource(dir)) : loadDefaultPredictor();
}
