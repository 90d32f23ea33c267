// Training speed: time per epoch and in total on 50k and 500k rows made by resampling the real
// records (datasets/default, made by `npm run train:default`), with the backend in use and the
// peak memory. Usage: npm run bench:train [-- --rows 50000,500000 --epochs 10]
// With --whole-run MINUTES: the whole `hlsest train` job instead (prepare, leave-one-family-out
// scoring, gates and bands, final fit, report) on the resampled rows, fits bounded by MINUTES.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '50000,500000' }, epochs: { type: 'string', default: '10' }, dataset: { type: 'string', default: 'datasets/default' }, 'whole-run': { type: 'string' } },
});
const root = resolve(import.meta.dirname, '..');
const { readDataset } = await import(resolve(root, 'packages/ingest/dist/index.js'));
const { prepare, trainEnsemble, runTraining, writeReport, DEFAULT_TRAIN_CONFIG, seededRandom } = await import(resolve(root, 'packages/trainer/dist/index.js'));

const records = [];
for await (const record of readDataset(resolve(root, values.dataset))) records.push(record);

if (values['whole-run'] !== undefined) {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  for (const rows of values.rows.split(',').map(Number)) {
    const random = seededRandom(rows);
    // Resampled records keep their family; a suffix on the source id makes each its own design.
    const data = Array.from({ length: rows }, (_, i) => {
      const r = records[Math.floor(random() * records.length)];
      return { ...r, provenance: { ...r.provenance, sourceId: `${r.provenance.sourceId ?? r.id}#${i}` } };
    });
    const start = performance.now();
    const stages = [];
    const run = await runTraining(data, { ...DEFAULT_TRAIN_CONFIG, maxSeconds: Number(values['whole-run']) * 60 }, { kind: 'leave-one-out', by: 'family' }, true, {
      onStage: (stage) => {
        stages.push([stage, performance.now()]);
        if (process.env.BENCH_VERBOSE) console.error(stage, Math.round(process.memoryUsage().heapUsed / 1e6), 'MB heap', Math.round((performance.now() - start) / 1000), 's');
      },
    });
    await writeReport(mkdtempSync(resolve(tmpdir(), 'hlsest-bench-')), run.heldOut, { title: 'bench', bundle: '-', dataset: '-', shipped: run.heldOutShipped });
    const seconds = (performance.now() - start) / 1000;
    const final = stages.find(([s]) => s.startsWith('final'));
    console.log(
      `${rows.toLocaleString('en-US').padStart(8)} rows, whole run with --max-minutes ${values['whole-run']}: ${seconds.toFixed(0)} s in all ` +
        `(to the final fit ${final ? ((final[1] - start) / 1000).toFixed(0) : '?'} s; ${stages.filter(([s]) => s.startsWith('leave out')).length} scoring splits), peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
    );
  }
  process.exit(0);
}
const t0 = performance.now();
const prepared = prepare(records);
const prepareMs = performance.now() - t0;
console.log(`prepared ${records.length} real records in ${(prepareMs / 1000).toFixed(1)} s (${(prepareMs / records.length).toFixed(3)} ms/record: features + build model)`);

for (const rows of values.rows.split(',').map(Number)) {
  const random = seededRandom(rows);
  // Resampled rows are renamed into distinct designs so the design split still has many groups.
  const data = Array.from({ length: rows }, (_, i) => {
    const d = prepared[Math.floor(random() * prepared.length)];
    return { ...d, group: `${d.group}#${i % 997}` };
  });
  const config = { ...DEFAULT_TRAIN_CONFIG, epochs: Number(values.epochs), patience: 1000, batchSize: rows > 100_000 ? 1024 : 256 };
  const start = performance.now();
  const trained = await trainEnsemble(data, config);
  const seconds = (performance.now() - start) / 1000;
  console.log(
    `${rows.toLocaleString('en-US').padStart(8)} rows × ${trained.manifest.targets.length} targets, ${config.members} members × ${config.epochs} epochs (batch ${config.batchSize}): ` +
      `${(trained.epochMs / 1000).toFixed(2)} s/epoch/member, ${seconds.toFixed(0)} s total, backend ${trained.backend}, peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
  );
}
