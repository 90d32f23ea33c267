import { readDataset } from '@hlsest/ingest';
import { runTraining, DEFAULT_TRAIN_CONFIG } from '@hlsest/trainer';
const recs = []; for await (const r of readDataset('/tmp/dsx')) recs.push(r);
const t0 = Date.now();
let lastLog = 0;
const run = await runTraining(recs, { ...DEFAULT_TRAIN_CONFIG, epochs: Number(process.argv[2] ?? 60) }, { kind: 'holdout', testFraction: 0.2 }, false, {
  onStage: (s) => console.log(s),
  onProgress: (s, p) => { if (Date.now() - lastLog > 3000) { lastLog = Date.now(); console.log(s, p.member, p.epoch, p.loss.toFixed(4), p.valLoss.toFixed(4)); } },
});
console.log('time', Date.now() - t0);
for (const t of run.evaluations[0].evaluation.targets) {
  const f = (m) => `r2=${m.r2.toFixed(3)} smape=${m.smape.toFixed(1)} n=${m.n}`;
  console.log(t.target.padEnd(9), 'model', f(t.model), '| analytic', f(t.analytic), '| mean', f(t.mean), '| cov', t.coverage.toFixed(2));
}
for (const t of run.evaluations[0].evaluation.targets) {
  const worst = [...t.points].map((p, i) => ({ ...p, i })).sort((a, b) => Math.abs(b.truth - b.predicted) - Math.abs(a.truth - a.predicted)).slice(0, 3);
  console.log(t.target, worst.map((w) => `${w.truth}→${w.predicted.toFixed(0)} [${w.lo.toFixed(0)},${w.hi.toFixed(0)}]`).join('  '));
}
