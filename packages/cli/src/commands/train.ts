import type { Argv } from 'yargs';
import { HlsestError } from '@hlsest/core';
import { DEFAULT_TRAIN_CONFIG, runTraining, writeBundle, writeReport, type FitPosition, type SplitMode, type TrainConfig } from '@hlsest/trainer';
import type { Output } from '../output.js';
import { withInterrupt } from '../interrupt.js';
import { collectRecords } from '../records-input.js';
import { displayPath } from '../display-path.js';
import { checks, integerIn, nonEmpty, notSamePath, numberIn, type Check } from '../checks.js';
import { checkOutputFolder } from '../output-folder.js';

const widthsOf = (value: string): number[] => value.split(',').map((w) => Number(w.trim()));

/** `--hidden`: widths; `--layer-hidden` may also be 0, no layer network. */
const hiddenWidths =
  (option: 'hidden' | 'layer-hidden'): Check =>
  (args) => {
    const value = String(args[option]);
    if (option === 'layer-hidden' && value.trim() === '0') return undefined;
    return widthsOf(value).every((w) => Number.isInteger(w) && w >= 1 && w <= 4096)
      ? undefined
      : `--${option} must be positive integers (widths up to 4096)${option === 'layer-hidden' ? ', or 0 for none' : ''}, got "${value}"`;
  };

interface TrainArgs {
  data: string;
  out: string;
  split: 'holdout' | 'kfold' | 'leave-one-out';
  testFraction: number;
  folds: number;
  by: 'family' | 'source' | 'subset';
  members: number;
  epochs: number;
  hidden: string;
  layerHidden: string;
  seed: number;
  refit: boolean;
  report?: string;
  name?: string;
  maxMinutes?: number;
  force: boolean;
}

export function trainCommand(output: Output) {
  return {
    command: 'train',
    describe: 'Fit a predictor bundle on a dataset, scoring it on designs held out by architecture',
    builder: (yargs: Argv) =>
      yargs
        .option('data', { type: 'string', demandOption: true, describe: 'dataset folder (hlsest ingest) or any input ingest reads' })
        .option('out', { type: 'string', demandOption: true, describe: 'bundle folder to write (replaced atomically)' })
        .option('split', { choices: ['leave-one-out', 'holdout', 'kfold'] as const, default: 'leave-one-out' as const, describe: 'how to hold designs out for scoring (leave-one-out --by family: what a design unlike the training data can expect)' })
        .option('test-fraction', { type: 'number', default: 0.2, describe: 'holdout: share of architectures held out' })
        .option('folds', { type: 'number', default: 5, describe: 'kfold: number of folds' })
        .option('by', { choices: ['family', 'source', 'subset'] as const, default: 'family' as const, describe: 'leave-one-out: what to leave out (family = a source of designs, split by the kind of results it holds)' })
        .option('members', { type: 'number', default: DEFAULT_TRAIN_CONFIG.members, describe: 'ensemble members (≥ 3 for a spread)' })
        .option('epochs', { type: 'number', default: DEFAULT_TRAIN_CONFIG.epochs, describe: 'maximum epochs (early stopping ends sooner)' })
        .option('hidden', { type: 'string', default: DEFAULT_TRAIN_CONFIG.hidden.join(','), describe: 'hidden layer widths of the design network, comma-separated' })
        .option('layer-hidden', { type: 'string', default: DEFAULT_TRAIN_CONFIG.layerHidden.join(',') || '0', describe: 'hidden widths of the shared layer network (every layer through it, summed by its share of the rule), comma-separated; 0: none' })
        .option('seed', { type: 'number', default: DEFAULT_TRAIN_CONFIG.seed, describe: 'seed: same data + seed → same bundle' })
        .option('refit', { type: 'boolean', default: true, describe: 'after scoring, fit the bundle on all records (--no-refit keeps the scored model)' })
        .option('report', { type: 'string', describe: 'also write the held-out evaluation report here' })
        .option('name', { type: 'string', describe: 'bundle name' })
        .option('max-minutes', { type: 'number', describe: 'time budget for all fitting (held-out splits and the final fit share it); members stop early and keep their best epoch' })
        .option('force', { type: 'boolean', default: false, describe: 'replace --out / --report even when they hold files hlsest did not write' })
        .check(
          checks(
            nonEmpty('data'),
            nonEmpty('out'),
            nonEmpty('report'),
            notSamePath('out', 'data'),
            notSamePath('report', 'data', 'out'),
            numberIn('test-fraction', 0, 0.9),
            integerIn('folds', 2, 100),
            integerIn('members', 1, 32),
            integerIn('epochs', 1, 100_000),
            integerIn('seed', 0),
            numberIn('max-minutes', 0, 10_000),
            hiddenWidths('hidden'),
            hiddenWidths('layer-hidden'),
          ),
        ),
    handler: (args: TrainArgs) =>
      withInterrupt(async (signal) => {
        const hidden = widthsOf(args.hidden);
        const layerHidden = args.layerHidden.trim() === '0' ? [] : widthsOf(args.layerHidden);
        await checkOutputFolder(args.out, 'bundle', '--out', args.force);
        if (args.report) await checkOutputFolder(args.report, 'report', '--report', args.force);
        const { records, errors } = await collectRecords(args.data);
        if (errors.length) output.err(`${errors.length} input item(s) could not be read as records and are left out (first: ${errors[0]!.where}: ${errors[0]!.error})`);
        if (records.length === 0) throw new HlsestError('HLSEST_BAD_DATASET', `${args.data}: no records to train on`, { dataset: args.data });
        const config: TrainConfig = {
          ...DEFAULT_TRAIN_CONFIG,
          members: args.members,
          epochs: args.epochs,
          hidden,
          layerHidden,
          seed: args.seed,
          ...(args.maxMinutes !== undefined && { maxSeconds: args.maxMinutes * 60 }),
          // Large datasets take bigger steps: the same epochs cost far less wall time.
          ...(records.length > 100_000 && { batchSize: 1024 }),
        };
        const mode: SplitMode =
          args.split === 'holdout' ? { kind: 'holdout', testFraction: args.testFraction } : args.split === 'kfold' ? { kind: 'kfold', k: args.folds } : { kind: 'leave-one-out', by: args.by };
        const started = Date.now();
        let fit: FitPosition | undefined;
        let lastLine = 0;
        const run = await runTraining(records, config, mode, args.refit, {
          signal,
          onStage: (stage, position) => {
            fit = position ?? fit;
            output.err(`${stage}`);
          },
          onProgress: (stage, p) => {
            if (Date.now() - lastLine < (output.isTTY ? 250 : 5000)) return;
            lastLine = Date.now();
            // Early stopping ends most members before `epochs`: an upper bound, hence the "≤".
            const done = (p.member - 1 + p.epoch / p.epochs) / p.members;
            const fraction = fit ? Math.min(1, (fit.before + done * fit.size) / fit.total) : 0;
            const left = fraction > 0.02 ? ((Date.now() - started) * (1 - fraction)) / fraction / 1000 : Number.NaN;
            const line = `${stage} · member ${p.member}/${p.members} · epoch ${p.epoch} · loss ${p.loss.toFixed(4)} · val ${p.valLoss.toFixed(4)} · ≤ ${Number.isFinite(left) ? `${Math.ceil(left)} s` : '…'} left`;
            if (output.isTTY) process.stderr.write(`\r${line.padEnd(100)}`);
            else output.err(line);
          },
        });
        if (output.isTTY) output.err('');
        const manifest = { ...run.manifest, name: args.name ?? run.manifest.name };
        await writeBundle(args.out, manifest, run.weights);
        const scored = mode.kind === 'leave-one-out' ? `held out, one ${mode.by} at a time (${run.evaluations.length} splits), gates and bands chosen without the scored ${mode.by}` : `held out (${run.evaluations.map((e) => e.split).join(', ')})`;
        output.out(`${scored}:`);
        for (const t of run.heldOut.targets) {
          output.out(
            `  ${t.target.padEnd(9)} n ${String(t.model.n).padStart(5)}  sMAPE ${t.model.smape.toFixed(1).padStart(6)} %  (rule ${t.analytic.smape.toFixed(1)} %, mean ${t.mean.smape.toFixed(1)} %)  80 % band coverage ${(100 * t.coverage).toFixed(0)} %${t.beatsBaselines ? '' : '  ← does not beat its baselines'}`,
          );
        }
        if (args.report) {
          await writeReport(args.report, run.heldOut, {
            title: `hlsest held-out evaluation (${mode.kind === 'leave-one-out' ? `leave one ${mode.by} out` : mode.kind})`,
            bundle: displayPath(args.out),
            dataset: displayPath(args.data),
            ...(mode.kind === 'leave-one-out' && { shipped: run.heldOutShipped }),
            notes: [
              'Every score is on designs the scoring model never saw. Gates (how far the learned correction reaches) and bands are chosen without the scored family; the per-family tables with the shipped choices use every family.',
            ],
          });
          output.out(`report: ${args.report}/report.html`);
        }
        output.out(`bundle written to ${args.out} (${manifest.targets.length} targets, ${manifest.members.length} members, ${((Date.now() - started) / 1000).toFixed(0)} s)`);
      }),
  };
}
