import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configureNetwork, parseHls4mlConfigText, parseKerasModel, parsePrecision, resolveDevice } from '@hlsest/core';
import { loadDefaultPredictor } from './node.js';
import { sweep } from './sweep.js';

const root = resolve(import.meta.dirname, '../../..');

describe('sweep', () => {
  it('gives every configuration the estimate a single prediction gives it', async () => {
    const predictor = await loadDefaultPredictor();
    const network = parseKerasModel(readFileSync(resolve(root, 'examples/jet-tagger.json'), 'utf8'));
    // Per-layer settings in the file, so the sweep's reuse of configured layers is put to the test.
    const file = parseHls4mlConfigText(readFileSync(resolve(root, 'examples/jet-tagger.hls4ml.yml'), 'utf8'));
    const grid = {
      boards: ['pynq-z2', 'vu13p'],
      strategies: ['latency', 'resource'] as const,
      ioTypes: ['io_parallel', 'io_stream'] as const,
      precisions: ['ap_fixed<16,6>', 'ap_fixed<6,2>'].map(parsePrecision),
      reuseFactors: [1, 5, 64],
      clockPeriodsNs: [2.5, 5],
    };
    // Small batches so that batch edges fall inside the grid.
    const rows = sweep(predictor, network.layers, file, grid, 7);
    expect(rows).toHaveLength(2 * 2 * 2 * 2 * 3 * 2);
    for (const row of rows) {
      const { config } = row;
      const single = predictor.predict(
        configureNetwork(network.layers, file, {
          strategy: config.strategy,
          ioType: config.ioType,
          precision: config.precision,
          reuseFactor: config.reuseFactor,
          clockPeriodNs: config.clockPeriodNs,
          part: resolveDevice(row.board).defaultPart,
          board: row.board,
        }),
      );
      for (const [target, band] of Object.entries(single.targets)) {
        expect(row.estimate.targets[target as keyof typeof single.targets]!.value).toBeCloseTo(band.value, 3);
      }
      expect(row.estimate.warnings).toEqual(single.warnings);
      expect(row.fits).toBe(single.board!.fits);
    }
    expect(rows.some((r) => r.pareto)).toBe(true);
  });
});

describe('the SIMD dense kernel', () => {
  it('is compiled from the committed WebAssembly text (no stale generated module)', () => {
    const result = spawnSync(process.execPath, [resolve(root, 'scripts/build-wasm.mjs'), '--check'], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
