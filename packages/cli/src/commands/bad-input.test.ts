import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dataPath, REPO_ROOT } from '../../../../test/data-root.js';
import { run } from '../test-support.js';

const jet = join(REPO_ROOT, 'examples', 'jet-tagger.json');
const records = dataPath('wa-hls4ml', 'records', 'test_3layer_merged.json');

/** Every file under `dir` with its size and content hash: what "nothing on disk changed" compares. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      const s = statSync(path);
      if (s.isDirectory()) walk(path);
      else out[relative(dir, path)] = `${s.size}:${readFileSync(path).toString('base64').slice(0, 64)}`;
    }
  };
  walk(dir);
  return out;
}

let base: string;
let dataset: string;
let smallDataset: string;
let guessedDataset: string;
let userDir: string;
let aFile: string;
let badStrides: string;

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'hlsest-bad-'));
  dataset = join(base, 'ds');
  expect((await run('ingest', records, '--out', dataset)).code).toBe(0);
  smallDataset = dataset;
  // Keb-L's projects have no configs: their names give a reuse factor or a strategy, never both.
  guessedDataset = join(base, 'guessed');
  expect((await run('ingest', dataPath('hls4ml-projects', 'kebl-cnn'), '--out', guessedDataset, '--default-io-type', 'io_stream')).code).toBe(0);
  userDir = join(base, 'thesis');
  mkdirSync(join(userDir, 'chapters'), { recursive: true });
  writeFileSync(join(userDir, 'thesis.tex'), '\\documentclass{book}');
  writeFileSync(join(userDir, 'chapters', 'one.tex'), 'precious');
  aFile = join(base, 'notes.txt');
  writeFileSync(aFile, 'a file');
  const model = JSON.parse(readFileSync(join(REPO_ROOT, 'examples', 'svhn-cnn.json'), 'utf8'));
  const conv = model.config.layers.find((l: { class_name: string }) => l.class_name === 'Conv2D');
  conv.config.strides = [1, 1, 1];
  badStrides = join(base, 'bad-strides.json');
  writeFileSync(badStrides, JSON.stringify(model));
});

/** [what, argv, exit code, stderr pattern]; argv entries are functions so they see beforeAll's paths. */
const CASES: [string, () => string[], number, RegExp][] = [
  ['a misspelt flag, before ingest writes anything', () => ['ingest', records, '--out', join(base, 'new-ds'), '--stirct'], 2, /Unknown arguments?: stirct/],
  ['a misspelt flag, before train trains or replaces', () => ['train', '--data', dataset, '--out', join(base, 'bundle'), '--max-minuts', '1'], 2, /Unknown arguments?: max-minuts/],
  ['a flag sweep does not have', () => ['sweep', jet, '--bords', 'alveo-u250'], 2, /Unknown arguments?: bords/],
  ['--board with no value', () => ['predict', jet, '--board'], 2, /--board needs a value/],
  ['an unknown board', () => ['predict', jet, '--board', 'nope'], 2, /--board: Unknown board or part "nope"/],
  ['a fractional reuse factor', () => ['predict', jet, '--reuse-factor', '2.5'], 2, /--reuse-factor must be a whole number from 1/],
  ['a zero reuse factor', () => ['predict', jet, '--reuse-factor', '0'], 2, /--reuse-factor must be a whole number/],
  ['a bad precision', () => ['predict', jet, '--precision', 'ap_fixed<8'], 2, /--precision:/],
  ['a negative clock', () => ['predict', jet, '--clock-period', '-5'], 2, /--clock-period must be a number above 0/],
  ['a reuse-factor range from 0', () => ['sweep', jet, '--reuse-factors', '0-10'], 2, /bad range "0-10"/],
  ['an unknown board in a sweep list', () => ['sweep', jet, '--boards', 'pynq-z2,nope'], 2, /--boards: Unknown board or part "nope"/],
  ['a zero clock period in a sweep', () => ['sweep', jet, '--clock-periods', '5,0'], 2, /--clock-periods: "0" is not a clock period/],
  ['zero epochs', () => ['train', '--data', dataset, '--out', join(base, 'b1'), '--epochs', '0'], 2, /--epochs must be a whole number from 1/],
  ['a test fraction over 1', () => ['train', '--data', dataset, '--out', join(base, 'b2'), '--split', 'holdout', '--test-fraction', '1.5'], 2, /--test-fraction must be a number above 0 up to 0.9/],
  ['one fold', () => ['train', '--data', dataset, '--out', join(base, 'b3'), '--split', 'kfold', '--folds', '1'], 2, /--folds must be a whole number from 2 to 100/],
  ['a hundred thousand folds', () => ['train', '--data', dataset, '--out', join(base, 'b4'), '--folds', '100000'], 2, /--folds must be a whole number from 2 to 100/],
  ['a seed that is not a number', () => ['train', '--data', dataset, '--out', join(base, 'b5'), '--seed', 'banana'], 2, /--seed must be a whole number/],
  ['a zero time budget', () => ['train', '--data', dataset, '--out', join(base, 'b6'), '--max-minutes', '0'], 2, /--max-minutes must be a number above 0/],
  ['a negative time budget', () => ['train', '--data', dataset, '--out', join(base, 'b7'), '--max-minutes', '-1'], 2, /--max-minutes must be a number above 0/],
  ['--out equal to --data', () => ['train', '--data', dataset, '--out', dataset], 2, /--out is the same path as --data/],
  ['--out holding the user\'s own files', () => ['train', '--data', dataset, '--out', userDir], 6, /holds files that are not an hlsest bundle .*--force/],
  ['--report holding the user\'s own files', () => ['train', '--data', dataset, '--out', join(base, 'b8'), '--report', userDir], 6, /--report .* holds files that are not an hlsest report/],
  ['an evaluate report over the user\'s files', () => ['evaluate', '--data', dataset, '--out', userDir], 6, /holds files that are not an hlsest report/],
  ['a dataset that is a file', () => ['dataset', 'stats', aFile], 4, /notes\.txt is not a dataset/],
  ['ingest into a file', () => ['ingest', records, '--out', aFile], 4, /notes\.txt is a file, not a dataset folder/],
  ['ingest into the user\'s folder', () => ['ingest', records, '--out', userDir], 6, /holds files but is not a dataset/],
  ['ingest into one of its inputs', () => ['ingest', userDir, '--out', userDir], 2, /is also an input/],
  ['train on too few records', () => ['train', '--data', smallDataset, '--out', join(base, 'b9'), '--epochs', '1'], 4, /no split had enough labelled records|no target has/],
  ['train on records whose settings were guessed', () => ['train', '--data', guessedDataset, '--out', join(base, 'b10'), '--epochs', '1'], 4, /0 of 26 records carry labels; 26 left out because ingest had to guess their reuse factor or strategy/],
  ['strides of the wrong length', () => ['predict', badStrides], 3, /strides/],
  ['a model that is not a model', () => ['predict', aFile], 3, /notes\.txt/],
  ['a missing model', () => ['predict', join(base, 'missing.json')], 3, /missing\.json/],
  ['a missing bundle', () => ['predict', jet, '--model', join(base, 'no-bundle')], 5, /no-bundle: bundle\.json cannot be read/],
  ['a config that is not there', () => ['predict', jet, '--config', join(base, 'missing.yml')], 3, /missing\.yml: cannot read the hls4ml config/],
  ['an unknown format', () => ['predict', jet, '--format', 'xml'], 2, /Invalid values:[\s\S]*format/],
];

describe('bad input: a usage message or a clear error, never exit 70, nothing on disk changed', () => {
  it.each(CASES)('%s', async (_what, argv, code, pattern) => {
    const before = snapshot(base);
    const result = await run(...argv());
    expect(result.stderr, result.stderr).toMatch(pattern);
    expect(result.stderr).not.toMatch(/unexpected failure|\n\s+at /);
    expect(result.code, result.stderr).toBe(code);
    expect(snapshot(base)).toEqual(before);
  });
});

describe('the CLI as a process', () => {
  const cli = join(REPO_ROOT, 'packages', 'cli', 'bin', 'hlsest.js');

  it('prints its version', () => {
    const out = spawnSync(process.execPath, [cli, '--version'], { encoding: 'utf8' });
    expect(out.status).toBe(0);
    expect(out.stdout.trim()).toBe(JSON.parse(readFileSync(join(REPO_ROOT, 'packages', 'cli', 'package.json'), 'utf8')).version);
  });

  it('stops quietly when the reader of its output goes away (predict --records … | head)', () => {
    const out = spawnSync('sh', ['-c', `"${process.execPath}" "${cli}" predict --records "${dataPath('wa-hls4ml', 'flat', 'concatenated_3layer_json_to_csv.sampled.csv')}" | head -n 1`], { encoding: 'utf8' });
    expect(out.status).toBe(0);
    expect(out.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(out.stderr).toBe('');
  });

  it('reads the model from stdin with -', () => {
    const out = spawnSync(process.execPath, [cli, 'predict', '-', '--board', 'pynq-z2', '--format', 'json'], { input: readFileSync(jet), encoding: 'utf8' });
    expect(out.status, out.stderr).toBe(0);
    expect(JSON.parse(out.stdout).resources.lut.value).toBeGreaterThan(0);
  });
});

describe('predict --records keeps going past bad records', () => {
  it('reads a dataset part file, gives one bad line an error field and predicts the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hlsest-parts-'));
    const part = join(dataset, 'records', readdirSync(join(dataset, 'records')).find((f) => f.startsWith('part-'))!);
    const copy = join(dir, 'part.jsonl');
    cpSync(part, copy);
    const lines = readFileSync(copy, 'utf8').trimEnd().split('\n');
    writeFileSync(copy, [lines[0], '{"not": "a record"}', ...lines.slice(1)].join('\n'));
    const result = await run('predict', '--records', copy);
    expect(result.code).toBe(1);
    const out = result.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(lines.length + 1);
    expect(out[1]).toMatchObject({ error: expect.stringMatching(/part\.jsonl:2:/) });
    expect(out.filter((o) => o.error === undefined).every((o) => o.lut > 0)).toBe(true);
    const csv = await run('predict', '--records', copy, '--format', 'csv');
    expect(csv.stdout.split('\n')[0]).toMatch(/^id,sourceId,bram,bram_lo,bram_hi,/);
  });

  it('names an unterminated quote in a CSV instead of swallowing the rows after it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hlsest-csv-'));
    const source = dataPath('wa-hls4ml', 'flat', 'concatenated_3layer_json_to_csv.sampled.csv');
    const text = readFileSync(source, 'utf8').split('\n').slice(0, 6);
    text[2] = text[2]!.replace(',', ',"');
    const csv = join(dir, 'broken.csv');
    writeFileSync(csv, `${text.join('\n')}\n`);
    const result = await run('ingest', csv, '--out', join(dir, 'ds'), '--format', 'json');
    const summary = JSON.parse(result.stdout);
    expect(summary.rejected.map((r: { reason: string }) => r.reason)).toContainEqual(expect.stringMatching(/a quote is never closed/));
    expect(existsSync(join(dir, 'ds', 'manifest.json'))).toBe(true);
  });
});
