import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataPath, REPO_ROOT } from '../../../../test/data-root.js';
import { run } from '../test-support.js';

const jet = join(REPO_ROOT, 'examples', 'jet-tagger.json');
const cnn = join(REPO_ROOT, 'examples', 'svhn-cnn.json');

describe('hlsest --help', () => {
  it('lists every command', async () => {
    const { code, stdout } = await run('--help');
    expect(code).toBe(0);
    for (const command of ['ingest', 'dataset', 'train', 'evaluate', 'predict', 'sweep', 'explain', 'pack']) expect(stdout).toContain(`hlsest ${command}`);
  });
});

describe('hlsest ingest and dataset stats', () => {
  it('ingests, reports counts, exits 1 when something was rejected, and re-runs to 0 new', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'hlsest-cli-')), 'ds');
    const first = await run('ingest', dataPath('wa-hls4ml', 'records'), '--out', out, '--json');
    expect(first.code).toBe(1);
    const summary = JSON.parse(first.stdout);
    expect(summary).toMatchObject({ recordsRead: 29, added: 29, duplicates: 0 });
    expect(summary.rejected).toHaveLength(3);
    expect(summary.rejected[0]).toMatchObject({ file: expect.stringContaining('_merged.json'), position: '4', reason: expect.stringContaining('all reports are empty') });
    const again = await run('ingest', dataPath('wa-hls4ml', 'records', 'test_2layer_merged.json'), '--out', out);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/4 records read .*: 0 new, 4 duplicates, 0 rejected/);
    const stats = await run('dataset', 'stats', out);
    expect(stats.stdout).toMatch(/29 records in 1 part\(s\), 3 rejected inputs/);
    expect(stats.stdout).toMatch(/label kind\s+latency\s+29/);
    const json = JSON.parse((await run('dataset', 'stats', out, '--json')).stdout);
    expect(json.counts.records).toBe(29);
  });

  it('--strict fails at the first rejection; a missing input is named', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'hlsest-cli-')), 'ds');
    const strict = await run('ingest', dataPath('wa-hls4ml', 'records', 'test_conv2d_merged.json'), '--out', out, '--strict');
    expect(strict.code).toBe(3);
    expect(strict.stderr).toMatch(/all reports are empty/);
    expect(existsSync(join(out, 'manifest.json'))).toBe(false);
    const missing = await run('ingest', '/no/such/dir', '--out', out);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/\/no\/such\/dir: no such file or folder/);
  });
});

describe('hlsest predict with the shipped bundle', () => {
  it('prints estimates, board percentages and latency for the example jet tagger', async () => {
    const { code, stdout } = await run('predict', jet, '--board', 'pynq-z2', '--reuse-factor', '4', '--strategy', 'resource');
    expect(code).toBe(0);
    expect(stdout).toMatch(/BRAM18K\s+\d/);
    expect(stdout).toMatch(/DSP\s+\d/);
    expect(stdout).toMatch(/latency\s+[\d,]+ cycles/);
    expect(stdout).toMatch(/fits xc7z020: /);
  });

  it('gives JSON with bands and per-layer reuse factors, and CSV', async () => {
    const json = JSON.parse((await run('predict', cnn, '--board', 'zcu102', '--io-type', 'io_stream', '--strategy', 'resource', '--reuse-factor', '27', '--per-layer', '--format', 'json')).stdout);
    expect(json.config).toMatchObject({ part: 'xczu9eg-ffvb1156-2-e', ioType: 'io_stream', reuseFactor: 27 });
    for (const key of ['bram', 'dsp', 'ff', 'lut']) expect(json.resources[key].lo).toBeLessThanOrEqual(json.resources[key].hi);
    const conv1 = json.layers.find((l: { name: string }) => l.name === 'conv_1');
    expect(conv1.reuseFactor).toMatchObject({ requested: 27, applied: 24 });
    const csv = (await run('predict', jet, '--format', 'csv')).stdout.trim().split('\n');
    expect(csv[0]).toMatch(/^label,part,strategy/);
    expect(csv).toHaveLength(2);
  });

  it('predicts every record of a file as JSON Lines, ids and errors included', async () => {
    const { stdout, code } = await run('predict', '--records', dataPath('wa-hls4ml', 'records', 'test_conv2d_merged.json'));
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatchObject({ id: expect.stringMatching(/^[0-9a-f]{32}$/), sourceId: '864b25a5-34fb-4d03-b01d-a8dd97245e28' });
    for (const key of ['bram', 'bram_lo', 'bram_hi', 'dsp', 'ff', 'lut', 'cycles', 'interval']) expect(typeof lines[0][key]).toBe('number');
    expect(lines[4]).toMatchObject({ error: expect.stringContaining('all reports are empty') });
    expect(code).toBe(1);
  });

  it.each([
    [['predict', jet, '--model', '/no/bundle'], 5, /Bundle \/no\/bundle: bundle\.json cannot be read/],
    [['predict', jet, '--board', 'nope'], 2, /Unknown board or part "nope"/],
    [['predict', join(REPO_ROOT, 'README.md')], 3, /not valid JSON/],
    [["predict"], 2, /give a model \(Keras JSON\/.h5, .onnx, an hls4ml project folder, - for stdin\), an hls4ml config naming one \(-c\), or --records/],
  ])('fails clearly: %j', async (argv, status, message) => {
    const { code, stderr } = await run(...argv);
    expect(code).toBe(status);
    expect(stderr).toMatch(message);
  });
});

describe('hlsest sweep', () => {
  it('predicts the grid, filters and marks the Pareto front', async () => {
    const { code, stdout } = await run('sweep', jet, '--boards', 'pynq-z2,alveo-u250', '--strategies', 'latency,resource', '--precisions', 'ap_fixed<16,6>,ap_fixed<8,3>', '--reuse-factors', '1-8', '--format', 'json');
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as { board: string; config: { strategy: string; precision: string }; reuseFactors: { requested: number[]; applied: number[] }; pareto: boolean; latency: { ns: { value: number } } }[];
    // Every requested RF is in exactly one row of its (board, strategy, precision); hls4ml builds
    // some Resource RFs as another (the jet tagger's 16×64 layer takes no RF 3), so there are fewer rows.
    const groups = new Map<string, number[]>();
    for (const r of rows) {
      const key = `${r.board} ${r.config.strategy} ${r.config.precision}`;
      groups.set(key, [...(groups.get(key) ?? []), ...r.reuseFactors.requested]);
    }
    expect(groups.size).toBe(2 * 2 * 2);
    for (const requested of groups.values()) expect(requested.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(rows.length).toBeLessThan(2 * 2 * 2 * 8);
    expect(rows.some((r) => r.config.strategy === 'resource' && r.reuseFactors.requested.length > 1)).toBe(true);
    expect(rows.some((r: { pareto: boolean }) => r.pareto)).toBe(true);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.latency.ns.value).toBeGreaterThanOrEqual(rows[i - 1]!.latency.ns.value);
    const fits = JSON.parse((await run('sweep', jet, '--boards', 'alveo-u250', '--fits', '--reuse-factors', '1,2', '--format', 'json')).stdout);
    expect(fits.every((r: { fits: boolean }) => r.fits)).toBe(true);
    const merged = (await run('sweep', jet, '--strategies', 'resource', '--reuse-factors', '2,3', '--limit', '0')).stdout;
    expect(merged).toMatch(/\b2,3→/);
    const table = (await run('sweep', jet, '--reuse-factors', '1,2,4', '--pareto-only')).stdout;
    expect(table).toMatch(/configurations\/s/);
    expect(table).toContain('★');
  });
});

describe('hlsest evaluate', () => {
  it('writes report.md, report.html and metrics.json', async () => {
    const out = mkdtempSync(join(tmpdir(), 'hlsest-eval-'));
    const { code } = await run('evaluate', '--data', dataPath('wa-hls4ml', 'records'), '--out', out);
    expect(code).toBe(0);
    const metrics = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8'));
    for (const key of ['r2', 'smape', 'mae', 'rmse']) expect(typeof metrics.targets.lut[key]).toBe('number');
    expect(Object.keys(metrics.targets.lut.subsets)).toEqual(expect.arrayContaining(['strategy', 'ioType', 'family', 'board', 'source', 'subset']));
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toMatch(/\| lut \|/);
  });
});

describe('hlsest train', () => {
  it('trains a bundle with a held-out report, which predict then loads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hlsest-train-'));
    const bundle = join(dir, 'bundle');
    const { code, stdout } = await run('train', '--data', dataPath('wa-hls4ml', 'records'), '--out', bundle, '--split', 'kfold', '--folds', '2', '--epochs', '3', '--members', '2', '--hidden', '8', '--report', join(dir, 'report'));
    expect(code).toBe(0);
    expect(stdout).toMatch(/held out \(fold 1\/2, fold 2\/2\):/);
    expect(stdout).toMatch(/bundle written to .*\(\d+ targets, 2 members/);
    expect(existsSync(join(dir, 'report', 'metrics.json'))).toBe(true);
    const predicted = JSON.parse((await run('predict', jet, '--model', bundle, '--format', 'json')).stdout);
    expect(predicted.resources.lut.value).toBeGreaterThan(0);
    // The default scores one family (here: one subset) at a time.
    const lofo = await run('train', '--data', dataPath('wa-hls4ml', 'records'), '--out', join(dir, 'lofo'), '--by', 'subset', '--epochs', '2', '--members', '1', '--hidden', '8');
    expect(lofo.code).toBe(0);
    expect(lofo.stdout).toMatch(/held out, one subset at a time \(\d+ splits\)/);
    const bad = await run('train', '--data', dataPath('wa-hls4ml', 'records'), '--out', bundle, '--hidden', '8,x');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--hidden must be positive integers/);
  });
});
