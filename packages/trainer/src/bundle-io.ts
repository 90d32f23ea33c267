import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { exactArrayBuffer } from '@hlsest/core';
import { Predictor, sha256Hex, type BundleManifest, type BundleSource } from '@hlsest/predictor';
import type { Target } from '@hlsest/core';
import { NEUTRAL_CHOICE, type TargetChoice } from './calibrate.js';
import type { TrainedBundle } from './train-ensemble.js';

/** A bundle held in memory, served through the same interface the predictor loads from. */
export function memoryBundleSource(manifest: BundleManifest, weights: readonly Float32Array[]): BundleSource {
  const files = new Map<string, ArrayBuffer>();
  manifest.members.forEach((member, i) => files.set(member.file, exactArrayBuffer(weights[i]!)));
  return {
    describe: `(in memory: ${manifest.name})`,
    readText: async (name) => {
      if (name !== 'bundle.json') throw new Error(`no ${name}`);
      return JSON.stringify(manifest);
    },
    readBytes: async (name) => {
      const bytes = files.get(name);
      if (!bytes) throw new Error(`no ${name}`);
      return bytes;
    },
  };
}

/**
 * Fills in what needs the trained weights (each member's sha256) and what held-out families
 * decided per target (`choices`: the correction's reach and the band); a target without a
 * choice keeps hls4ml's rule with a wide band.
 */
export async function finalizeBundle(trained: TrainedBundle, choices: ReadonlyMap<Target, TargetChoice>): Promise<{ manifest: BundleManifest; predictor: Predictor }> {
  const members = await Promise.all(trained.manifest.members.map(async (m, i) => ({ ...m, sha256: await sha256Hex(exactArrayBuffer(trained.weights[i]!)) })));
  const manifest: BundleManifest = {
    ...trained.manifest,
    members,
    targets: trained.manifest.targets.map((t) => {
      const choice = choices.get(t.name);
      if (!choice) return choices.size === 0 ? t : { ...t, correction: { ...t.correction, enabled: false }, band: { halfWidth: NEUTRAL_CHOICE.halfWidth, widen: NEUTRAL_CHOICE.widen, margin: NEUTRAL_CHOICE.margin } };
      return { ...t, correction: { ...t.correction, enabled: choice.enabled, gateScale: choice.gateScale }, band: { halfWidth: choice.halfWidth, widen: choice.widen, margin: choice.margin } };
    }),
  };
  return { manifest, predictor: await Predictor.load(memoryBundleSource(manifest, trained.weights)) };
}

/**
 * Writes `bundle.json` and the member weights into a fresh temporary folder, then swaps it into
 * place, so an interrupted write never leaves a half bundle where a good one was.
 */
export async function writeBundle(dir: string, manifest: BundleManifest, weights: readonly Float32Array[]): Promise<void> {
  const temp = `${dir}.tmp-${process.pid}`;
  const old = `${dir}.old-${process.pid}`;
  await rm(temp, { recursive: true, force: true });
  await mkdir(temp, { recursive: true });
  try {
    for (const [i, member] of manifest.members.entries()) await writeFile(join(temp, member.file), new Uint8Array(exactArrayBuffer(weights[i]!)));
    await writeFile(join(temp, 'bundle.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    await mkdir(dirname(dir), { recursive: true });
    const hadOld = await rename(dir, old).then(
      () => true,
      () => false,
    );
    await rename(temp, dir);
    if (hadOld) await rm(old, { recursive: true, force: true });
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
}
