// Retrains the shipped default bundle from the real data (HLSEST_DATA, default ../shared/hls4ml-data):
// a fresh ingest into datasets/default, a held-out scoring run, then a fit on all records.
// Usage: npm run train:default   (writes packages/predictor/bundle/default and reports/default)
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const data = resolve(root, process.env.HLSEST_DATA ?? '../shared/hls4ml-data');
const cli = resolve(root, 'packages/cli/bin/hlsest.js');
const dataset = resolve(root, 'datasets/default');

const step = (args) => {
  console.error(`$ hlsest ${args.join(' ')}`);
  const result = spawnSync(process.execPath, [cli, ...args], { stdio: 'inherit' });
  return result.status ?? 1;
};

// A fresh ingest beside the dataset, swapped in when complete: a `train --data datasets/default`
// running meanwhile reads the old records whole, never a half-written folder.
const next = `${dataset}.next`;
const old = `${dataset}.old`;
rmSync(next, { recursive: true, force: true });
// Keb-L projects ship no hls4ml_config.yml; the data README describes them as io_stream CNNs.
// Ingest exits 1 because some inputs are refused (listed in datasets/default/rejected.jsonl).
const ingested = step(['ingest', data, '--out', next, '--default-io-type', 'io_stream']);
if (ingested > 1) process.exit(ingested);
rmSync(old, { recursive: true, force: true });
if (existsSync(dataset)) renameSync(dataset, old);
renameSync(next, dataset);
rmSync(old, { recursive: true, force: true });
process.exit(
  step(['train', '--data', dataset, '--split', 'leave-one-out', '--by', 'family', '--out', resolve(root, 'packages/predictor/bundle/default'), '--name', 'hlsest-default', '--report', resolve(root, 'reports/default'), ...process.argv.slice(2)]),
);
