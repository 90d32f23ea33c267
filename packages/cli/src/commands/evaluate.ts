import type { Argv } from 'yargs';
import { HlsestError } from '@hlsest/core';
import { loadPredictor } from '@hlsest/predictor/node';
import { evaluate, prepare, writeReport } from '@hlsest/trainer';
import { bundleOptionSpec } from '../design-input.js';
import type { Output } from '../output.js';
import { collectRecords } from '../records-input.js';
import { displayPath } from '../display-path.js';
import { checks, nonEmpty, notSamePath } from '../checks.js';
import { checkOutputFolder } from '../output-folder.js';

export function evaluateCommand(output: Output) {
  return {
    command: 'evaluate',
    describe: 'Score a bundle on a dataset: report.md, report.html and metrics.json',
    builder: (yargs: Argv) =>
      yargs
        .options(bundleOptionSpec)
        .option('data', { type: 'string', demandOption: true, describe: 'dataset folder or any input ingest reads' })
        .option('out', { type: 'string', demandOption: true, describe: 'folder for the report' })
        .option('force', { type: 'boolean', default: false, describe: 'replace --out even when it holds files hlsest did not write' })
        .check(checks(nonEmpty('data'), nonEmpty('out'), nonEmpty('model'), notSamePath('out', 'data', 'model'))),
    handler: async (args: { model?: string; data: string; out: string; force: boolean }) => {
      await checkOutputFolder(args.out, 'report', '--out', args.force);
      const predictor = await loadPredictor(args.model);
      const { records, errors } = await collectRecords(args.data);
      if (records.length === 0) throw new HlsestError('HLSEST_BAD_DATASET', `${args.data}: no records to evaluate on`, { dataset: args.data });
      const evaluation = evaluate(predictor, prepare(records));
      const notes = [
        'Records the bundle was trained on score better than new ones: evaluate on data it did not see for an honest figure.',
        ...(errors.length ? [`${errors.length} input item(s) could not be read as records and were left out.`] : []),
      ];
      await writeReport(args.out, evaluation, { title: 'hlsest evaluation', bundle: args.model ? displayPath(args.model) : '(shipped default)', dataset: displayPath(args.data), notes });
      for (const t of evaluation.targets) {
        // R² needs two distinct truths; with fewer it is not a number, and says so.
        const r2 = Number.isFinite(t.model.r2) ? t.model.r2.toFixed(3) : 'n/a';
        output.out(`${t.target.padEnd(9)} n ${String(t.model.n).padStart(5)}  R² ${r2.padStart(7)}  sMAPE ${t.model.smape.toFixed(1).padStart(6)} %  MAE ${t.model.mae.toFixed(1)}`);
      }
      output.out(`report: ${args.out}/report.html, ${args.out}/report.md, ${args.out}/metrics.json`);
    },
  };
}
