import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isHlsestError, type DesignRecord } from '@hlsest/core';
import { inputRecords } from '@hlsest/ingest';
import { BUNDLE_FORMAT_VERSION, Predictor } from '@hlsest/predictor';
import { fileBundleSource } from '@hlsest/predictor/node';
import { dataPath } from '../../../test/data-root.js';
import { runTraining, type FitPosition } from './run-training.js';
import { DEFAULT_TRAIN_CONFIG, type TrainConfig } from './train-ensemble.js';
import { writeBundle } from './bundle-io.js';

async function records(...inputs: string[]): Promise<DesignRecord[]> {
  const out: DesignRecord[] = [];
  for (const input of inputs) {
    for await (const record of inputRecords(input)) out.push(record);
  }
  return out;
}

const SMALL: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, hidden: [16], members: 3, epochs: 12, patience: 6, batchSize: 128 };

describe('training on real data (small budget)', () => {
  it('beats the mean baseline on held-out designs for every well-labelled target', async () => {
    const data = await records(dataPath('wa-hls4ml', 'flat', 'concatenated_3layer_json_to_csv.sampled.csv'), dataPath('wa-hls4ml', 'records'));
    const run = await runTraining(data, SMALL, { kind: 'holdout', testFraction: 0.25 }, false);
    const evaluation = run.evaluations[0]!.evaluation;
    for (const target of ['bram', 'dsp', 'ff', 'lut', 'cycles'] as const) {
      const t = evaluation.targets.find((e) => e.target === target)!;
      expect(t.model.n, target).toBeGreaterThan(100);
      expect(t.model.smape, `${target}: model ${t.model.smape} vs mean ${t.mean.smape}`).toBeLessThan(t.mean.smape);
    }
    // The held-out scores travel in the bundle.
    expect(Object.keys(run.manifest.metrics['splits'] as object)).toEqual(['holdout']);
  }, 120_000);

  it('scores a one-family dataset on held-out architectures instead of leaving the only family out', async () => {
    const data = await records(dataPath('wa-hls4ml', 'records'));
    const fits: FitPosition[] = [];
    const run = await runTraining(data, { ...SMALL, epochs: 2, members: 2 }, { kind: 'leave-one-out', by: 'family' }, true, { onStage: (_, fit) => void (fit && fits.push(fit)) });
    expect(run.evaluations.map((e) => e.split)).toEqual(['holdout (only one family: 20 % of its architectures held out)']);
    // Where each fitting stage lies, in member fits, for the CLI's time estimate: one scoring
    // member, then the final fit's two.
    expect(fits).toEqual([
      { before: 0, size: 1, total: 3 },
      { before: 1, size: 2, total: 3 },
    ]);
  }, 120_000);

  it('gives the same bundle for the same data and seed', async () => {
    const data = (await records(dataPath('wa-hls4ml', 'records'))).slice(0, 24);
    const config = { ...SMALL, epochs: 3, members: 2 };
    const a = await runTraining(data, config, { kind: 'holdout', testFraction: 0.25 }, false);
    const b = await runTraining(data, config, { kind: 'holdout', testFraction: 0.25 }, false);
    expect(a.manifest.members.map((m) => m.sha256)).toEqual(b.manifest.members.map((m) => m.sha256));
    const c = await runTraining(data, { ...config, seed: config.seed + 1 }, { kind: 'holdout', testFraction: 0.25 }, false);
    expect(c.manifest.members.map((m) => m.sha256)).not.toEqual(a.manifest.members.map((m) => m.sha256));
  }, 120_000);

  it('stops on abort without a bundle, and replaces an existing bundle atomically', async () => {
    const data = (await records(dataPath('wa-hls4ml', 'records'))).slice(0, 24);
    const controller = new AbortController();
    controller.abort();
    const failure = await runTraining(data, SMALL, { kind: 'holdout', testFraction: 0.25 }, false, { signal: controller.signal }).catch((e: unknown) => e);
    expect(isHlsestError(failure, 'HLSEST_INTERRUPTED')).toBe(true);

    const run = await runTraining(data, { ...SMALL, epochs: 2, members: 1 }, { kind: 'holdout', testFraction: 0.25 }, false);
    const dir = join(mkdtempSync(join(tmpdir(), 'hlsest-bundle-')), 'bundle');
    await writeBundle(dir, run.manifest, run.weights);
    await writeBundle(dir, run.manifest, run.weights);
    expect(readdirSync(join(dir, '..'))).toEqual(['bundle']);
    const loaded = await Predictor.load(fileBundleSource(dir));
    expect(loaded.targets.length).toBeGreaterThan(0);

    // A corrupted weight file or a foreign format version is refused with a clear message.
    const weights = join(dir, 'member-0.bin');
    const bytes = readFileSync(weights);
    bytes[10] = bytes[10]! ^ 0xff;
    writeFileSync(weights, bytes);
    await expect(Predictor.load(fileBundleSource(dir))).rejects.toThrow(/member-0\.bin is corrupted/);
    const manifest = JSON.parse(readFileSync(join(dir, 'bundle.json'), 'utf8'));
    writeFileSync(join(dir, 'bundle.json'), JSON.stringify({ ...manifest, formatVersion: 99 }));
    await expect(Predictor.load(fileBundleSource(dir))).rejects.toThrow(new RegExp(`bundle format 99 is not the supported ${BUNDLE_FORMAT_VERSION}`));
    writeFileSync(join(dir, 'bundle.json'), JSON.stringify({ ...manifest, featureSpec: { ...manifest.featureSpec, version: 0 } }));
    await expect(Predictor.load(fileBundleSource(dir))).rejects.toThrow(/features are version 0/);
    writeFileSync(join(dir, 'bundle.json'), '{ not json');
    await expect(Predictor.load(fileBundleSource(dir))).rejects.toThrow(/bundle\.json cannot be read/);
  }, 120_000);
});
