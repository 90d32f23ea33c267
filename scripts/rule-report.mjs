// Writes reports/rules/: how hls4ml's rules alone (the build model and its fitted tool profiles,
// nothing learned) match every report in the real data (HLSEST_DATA, default ../shared/hls4ml-data),
// per family and check. Usage: npm run build && node scripts/rule-report.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { inputRecords } from '@hlsest/ingest';
import { ruleReport, ruleReportMarkdown } from '@hlsest/trainer';

const root = resolve(import.meta.dirname, '..');
const data = resolve(root, process.env.HLSEST_DATA ?? '../shared/hls4ml-data');
const out = resolve(root, 'reports/rules');

const records = [];
for await (const record of inputRecords(data, { defaults: { ioType: 'io_stream' } })) records.push(record);
const report = ruleReport(records);

mkdirSync(out, { recursive: true });
writeFileSync(resolve(out, 'README.md'), `${ruleReportMarkdown(report)}\nRegenerate with \`npm run build && node scripts/rule-report.mjs\`.\n`);
writeFileSync(resolve(out, 'rules.json'), `${JSON.stringify({ scores: report.scores.map(({ worst, ...s }) => s), designs: report.designs, failures: report.failures.length }, null, 1)}\n`);
console.log(`wrote ${out}/README.md and rules.json (${records.length} records, ${Object.keys(report.designs).length} families)`);
