import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { configureNetwork, parseHls4mlConfigText, parseKerasModel, parsePrecision, resolveDevice, type Hls4mlConfig, type Network } from '@hlsest/core';
import { loadDefaultPredictor } from './node.js';
import type { Predictor } from './predictor.js';
import { sweep, type SweepGrid, type SweepRow } from './sweep.js';

const root = resolve(import.meta.dirname, '../../..');

let predictor: Predictor;
let network: Network;
beforeAll(async () => {
  predictor = await loadDefaultPredictor();
  network = parseKerasModel(readFileSync(resolve(root, 'examples/jet-tagger.json'), 'utf8'));
});

/** A single prediction of each row's configuration. */
function singlePredictions(rows: readonly SweepRow[], file: Hls4mlConfig | undefined) {
  return rows.map(({ config, board }) =>
    predictor.predict(
      configureNetwork(network.layers, file, {
        strategy: config.strategy,
        ioType: config.ioType,
        precision: config.precision,
        reuseFactor: config.reuseFactor,
        clockPeriodNs: config.clockPeriodNs,
        part: resolveDevice(board).defaultPart,
        board,
      }),
    ),
  );
}

/** Every row against a single prediction of its configuration: same numbers (to float rounding), warnings and fit. */
function expectRowsMatchSinglePredictions(rows: readonly SweepRow[], file: Hls4mlConfig | undefined): void {
  const singles = singlePredictions(rows, file);
  rows.forEach((row, i) => {
    const single = singles[i]!;
    for (const [target, band] of Object.entries(single.targets)) {
      const swept = row.estimate.targets[target as keyof typeof single.targets]!;
      // A batch folds the features its rows share into the first layer's bias: float rounding apart, the same sums.
      for (const edge of ['value', 'lo', 'hi'] as const) expect(Math.abs(swept[edge] - band[edge])).toBeLessThanOrEqual(1e-5 * band[edge] + 1e-6);
    }
    expect(row.estimate.warnings).toEqual(single.warnings);
    expect(row.fits).toBe(single.board!.fits);
    expect(Math.abs(row.scarcestPercent - single.board!.scarcest!.percent)).toBeLessThanOrEqual(1e-5 * single.board!.scarcest!.percent);
  });
}

describe('sweep', () => {
  const grid: SweepGrid = {
    boards: ['pynq-z2', 'vu13p'],
    strategies: ['latency', 'resource'],
    ioTypes: ['io_parallel', 'io_stream'],
    precisions: ['ap_fixed<16,6>', 'ap_fixed<6,2>'].map(parsePrecision),
    reuseFactors: [1, 5, 64],
    clockPeriodsNs: [2.5, 5],
  };

  it('gives every configuration the estimate a single prediction gives it, whatever the batch size', () => {
    // Per-layer settings in the file, so the sweep's reuse of configured layers is put to the test.
    const file = parseHls4mlConfigText(readFileSync(resolve(root, 'examples/jet-tagger.hls4ml.yml'), 'utf8'));
    // Batches of 7 are too small to fold shared features (and put batch edges inside the grid);
    // batches of 32 fold them.
    for (const batchSize of [7, 32]) {
      const rows = sweep(predictor, network.layers, file, grid, batchSize);
      expect(rows).toHaveLength(2 * 2 * 2 * 2 * 3 * 2);
      expect(rows.map((r) => `${r.board} ${r.config.strategy} ${r.config.ioType} ${r.config.precision.width} ${r.config.reuseFactor} ${r.config.clockPeriodNs}`)).toEqual(
        grid.boards.flatMap((b) =>
          grid.strategies.flatMap((s) => grid.ioTypes.flatMap((io) => grid.precisions.flatMap((p) => grid.reuseFactors.flatMap((rf) => grid.clockPeriodsNs!.map((c) => `${b} ${s} ${io} ${p.width} ${rf} ${c}`))))),
        ),
      );
      expectRowsMatchSinglePredictions(rows, file);
      expect(rows.some((r) => r.pareto)).toBe(true);
    }
  });

  it('keeps apart reuse factors that only an io_stream softmax builds differently', () => {
    // The jet tagger at RF 2 and RF 3 under Resource: every Dense is built at RF 2, but the
    // 5-output softmax shares its products over ceil(5 / RF) multipliers: 3, then 2.
    const rows = sweep(predictor, network.layers, undefined, { ...grid, boards: ['vu13p'], strategies: ['resource'], ioTypes: ['io_stream'], precisions: [parsePrecision('ap_fixed<16,6>')], reuseFactors: [2, 3], clockPeriodsNs: [5] });
    expect(rows).toHaveLength(2);
    expect(rows[0]!.reuse.applied).toEqual(rows[1]!.reuse.applied);
    expect(rows.map((r) => r.reuse.requested)).toEqual([[2], [3]]);
    expect(rows[0]!.estimate.targets.hls_dsp!.rule - rows[1]!.estimate.targets.hls_dsp!.rule).toBe(1);
    expectRowsMatchSinglePredictions(rows, undefined);
  });

  it('says in words which settings lie outside the training data, for a batch as for one design', () => {
    // A 500 ns clock is outside the training data for every row of the batch (a column the batch
    // shares); the 48-bit precision only for some rows.
    const rows = sweep(predictor, network.layers, undefined, { ...grid, boards: ['pynq-z2'], precisions: ['ap_fixed<16,6>', 'ap_fixed<48,16>'].map(parsePrecision), clockPeriodsNs: [500] }, 64);
    const ood = rows.map((r) => r.estimate.warnings.find((w) => w.startsWith('unlike the training data')) ?? '');
    rows.forEach((r, i) => expect(ood[i]).toContain(r.config.precision.width === 48 ? 'a 48-bit default precision' : 'a 500 ns clock'));
    expect(new Set(ood).size).toBeGreaterThan(1);
    // Warnings only: inputs hundreds of standard deviations out make float32 sums depend on their
    // order (the batch folds shared columns first), and such numbers are flagged as guesses anyway.
    expect(rows.map((r) => r.estimate.warnings)).toEqual(singlePredictions(rows, undefined).map((e) => e.warnings));
  });
});

describe('the SIMD dense kernel', () => {
  it('is compiled from the committed WebAssembly text (no stale generated module)', () => {
    const result = spawnSync(process.execPath, [resolve(root, 'scripts/build-wasm.mjs'), '--check'], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
