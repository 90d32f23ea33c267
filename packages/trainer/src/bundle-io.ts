import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { exactArrayBuffer } from '@hlsest/core';
import { Predictor, sha256Hex, type BundleManifest, type BundleSource } from '@hlsest/predictor';
import type { PreparedRecord } from './prepared.js';
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
 * Fills in what needs the trained weights: each member's sha256, and per target the residual
 * noise of the ensemble mean on the validation designs (log1p space), which widens the band
 * beyond the members' own spread so that it covers what they all get wrong together.
 */
export async function finalizeBundle(trained: TrainedBundle): Promise<{ manifest: BundleManifest; predictor: Predictor }> {
  const members = await Promise.all(trained.manifest.members.map(async (m, i) => ({ ...m, sha256: await sha256Hex(exactArrayBuffer(trained.weights[i]!)) })));
  let manifest: BundleManifest = { ...trained.manifest, members };
  const withNetwork = await Predictor.load(memoryBundleSource(manifest, trained.weights));
  const ruleOnlyManifest: BundleManifest = { ...manifest, targets: manifest.targets.map((t) => ({ ...t, correction: 0 as const })) };
  const ruleOnly = await Predictor.load(memoryBundleSource(ruleOnlyManifest, trained.weights));
  const networkNoise = residualNoise(withNetwork, trained.validation, manifest);
  const ruleNoise = residualNoise(ruleOnly, trained.validation, manifest);
  manifest = {
    ...manifest,
    targets: manifest.targets.map((t) => {
      // Keep the network's correction only where it clearly helped on designs it did not train
      // on; with too few validation labels to tell, the calibrated rule is the safer claim.
      const network = networkNoise[t.name];
      const rule = ruleNoise[t.name];
      const keep = network !== undefined && rule !== undefined && network < 0.95 * rule;
      return { ...t, correction: keep ? (1 as const) : (0 as const), residualStd: (keep ? network : rule) ?? t.std };
    }),
  };
  return { manifest, predictor: await Predictor.load(memoryBundleSource(manifest, trained.weights)) };
}

function residualNoise(predictor: Predictor, validation: readonly PreparedRecord[], manifest: BundleManifest): Record<string, number> {
  const predictions = predictor.predictFeatureRows(validation);
  const out: Record<string, number> = {};
  for (const target of manifest.targets) {
    const residuals: number[] = [];
    validation.forEach((d, i) => {
      const truth = d.truth[target.name];
      const band = predictions[i]![target.name];
      if (truth !== undefined && band) residuals.push(Math.log1p(truth) - Math.log1p(band.value));
    });
    if (residuals.length >= 3) {
      const rms = Math.sqrt(residuals.reduce((s, r) => s + r * r, 0) / residuals.length);
      out[target.name] = rms;
    }
  }
  return out;
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
