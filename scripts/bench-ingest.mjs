// Ingest throughput and memory. Streams wa-hls4ml-style JSON files of two sizes (peak RSS should
// not grow with the file) and a folder of ≥ 1,000 hls4ml project folders, each in a fresh process.
// Usage: npm run bench:ingest [-- --mb 200 --projects 1000]
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { mb: { type: 'string', default: '200' }, projects: { type: 'string', default: '1000' } } });
const root = resolve(import.meta.dirname, '..');
const data = resolve(root, process.env.HLSEST_DATA ?? '../shared/hls4ml-data');
const work = mkdtempSync(join(tmpdir(), 'hlsest-bench-'));
const node = (args) => {
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout.trim().split('\n').pop());
};
const measure = (input) =>
  node([
    '--input-type=module',
    '-e',
    `import { ingest } from '${resolve(root, 'packages/ingest/dist/index.js')}';
     const t = performance.now();
     const { summary } = await ingest([${JSON.stringify(input)}], { out: ${JSON.stringify(join(work, `ds-${Math.random()}`))} });
     const s = (performance.now() - t) / 1000;
     console.log(JSON.stringify({ records: summary.recordsRead, added: summary.added, seconds: s, perSecond: summary.recordsRead / s, peakRssMB: process.resourceUsage().maxRSS / 1024 }));`,
  ]);

const results = {};
for (const mb of [Math.max(20, Math.round(Number(values.mb) / 4)), Number(values.mb)]) {
  const file = join(work, `wa-${mb}.json`);
  node([resolve(root, 'scripts/make-wa-json.mjs'), file, String(mb)]);
  results[`wa-hls4ml JSON, ${mb} MB`] = measure(file);
  // The ceiling: the native JSON.parse of the whole file, nothing else (no validation, no writing).
  results[`  JSON.parse alone, ${mb} MB`] = node([
    '--input-type=module',
    '-e',
    `import { readFileSync } from 'node:fs';
     const t = performance.now();
     const records = JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8')).length;
     const s = (performance.now() - t) / 1000;
     console.log(JSON.stringify({ records, seconds: s, perSecond: records / s, peakRssMB: process.resourceUsage().maxRSS / 1024 }));`,
  ]);
  rmSync(file);
}
const projects = join(work, 'projects');
const sources = readdirSync(join(data, 'hls4ml-projects/argykokk-mlp')).flatMap((set) =>
  readdirSync(join(data, 'hls4ml-projects/argykokk-mlp', set)).map((cfg) => join(data, 'hls4ml-projects/argykokk-mlp', set, cfg)),
);
for (let i = 0; i < Number(values.projects); i++) {
  const target = join(projects, `p${String(i).padStart(5, '0')}_reuse${[1, 2, 100][i % 3]}`);
  mkdirSync(target, { recursive: true });
  cpSync(sources[i % sources.length], target, { recursive: true });
}
results[`${values.projects} project folders`] = measure(projects);
rmSync(work, { recursive: true, force: true });
for (const [name, r] of Object.entries(results)) {
  console.log(`${name.padEnd(28)} ${String(r.records).padStart(7)} records  ${r.seconds.toFixed(1).padStart(6)} s  ${Math.round(r.perSecond).toLocaleString('en-US').padStart(8)} /s  peak RSS ${Math.round(r.peakRssMB)} MB`);
}
