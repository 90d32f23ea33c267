import type { Argv } from 'yargs';
import { formatPrecision, type HlsConfig } from '@hlsest/core';
import type { Band, Estimate, Predictor } from '@hlsest/predictor';
import { loadPredictor } from '@hlsest/predictor/node';
import { checks, formatOf, formatOptions, nonEmpty } from '../checks.js';
import { bundleOptionSpec, designChecks, designOptionSpecs, loadDesign, type DesignOptions } from '../design-input.js';
import type { Output } from '../output.js';
import { readRecords } from '../records-input.js';
import { renderTable, formatNumber } from '../table.js';
import { renderBuild } from './explain.js';

interface PredictArgs extends DesignOptions {
  keras?: string;
  model?: string;
  records?: string;
  perLayer: boolean;
  format: 'table' | 'json' | 'csv';
  json: boolean;
}

export function predictCommand(output: Output) {
  return {
    command: 'predict [keras]',
    describe: 'Estimate BRAM, DSP, FF, LUT, latency and II for a Keras model (or for dataset records)',
    builder: (yargs: Argv) =>
      yargs
        .positional('keras', { type: 'string', describe: 'Keras/QKeras JSON or .h5, ONNX/QONNX .onnx, or an hls4ml project folder (- for stdin)' })
        .options(designOptionSpecs)
        .options(bundleOptionSpec)
        .option('records', { type: 'string', describe: 'predict for every record of a dataset, a dataset part (.jsonl) or an ingestible file instead: JSON Lines (or CSV) on stdout' })
        .option('per-layer', { type: 'boolean', default: false, describe: 'also show what each layer gets (reuse factor, multipliers, DSPs, cycles)' })
        .options(formatOptions(['table', 'json', 'csv'] as const))
        .check((args) => (args.keras !== undefined || args.records || args.config ? true : 'give a model (Keras JSON/.h5, .onnx, an hls4ml project folder, - for stdin), an hls4ml config naming one (-c), or --records'))
        .check(checks(...designChecks, nonEmpty('records'), nonEmpty('model'))),
    handler: async (args: PredictArgs) => {
      const format = formatOf(args);
      const predictor = await loadPredictor(args.model);
      if (args.records) {
        await predictRecords(predictor, args.records, format === 'csv' ? 'csv' : 'jsonl', output);
        return;
      }
      const label = args.keras === '' || args.keras === '-' ? '<stdin>' : (args.keras ?? args.config!);
      const { configured, notes } = await loadDesign(args.keras, args);
      const estimate = predictor.predict(configured);
      if (format === 'json') output.out(JSON.stringify({ ...estimateJson(label, configured.config, estimate, args.perLayer), notes }, null, 2));
      else if (format === 'csv') output.out(estimateCsv([{ label, config: configured.config, estimate }]));
      else output.out([renderEstimate(label, configured.config, estimate, args.perLayer), ...(notes.length ? ['', ...notes.map((n) => `note: ${n}`)] : [])].join('\n'));
    },
  };
}

/**
 * One line per record, in the order read: its estimates with bands, or an `error` naming what
 * went wrong with that record; one bad record never stops the rest. Exit status 1 when any failed.
 */
async function predictRecords(predictor: Predictor, path: string, format: 'jsonl' | 'csv', output: Output): Promise<void> {
  const targets = predictor.targets;
  const columns = ['id', 'sourceId', ...targets.flatMap((t) => [t, `${t}_lo`, `${t}_hi`]), 'warnings', 'error'];
  if (format === 'csv') output.out(columns.join(','));
  const emit = (line: Record<string, unknown>) => output.out(format === 'csv' ? columns.map((c) => csvCell(line[c])).join(',') : JSON.stringify(line));
  let failed = 0;
  for await (const item of readRecords(path)) {
    if (!item.ok) {
      failed++;
      emit({ id: item.id ?? null, sourceId: item.sourceId ?? null, error: `${item.where}: ${item.error}` });
      continue;
    }
    const { record } = item;
    try {
      const estimate = predictor.predict({ layers: record.network.layers, config: record.config, toolchain: record.toolchain });
      const line: Record<string, unknown> = { id: record.id, sourceId: record.provenance.sourceId ?? null };
      for (const [target, band] of Object.entries(estimate.targets)) {
        line[target] = round(band.value);
        line[`${target}_lo`] = round(band.lo);
        line[`${target}_hi`] = round(band.hi);
      }
      if (estimate.warnings.length) line['warnings'] = format === 'csv' ? estimate.warnings.join('; ') : estimate.warnings;
      emit(line);
    } catch (error) {
      failed++;
      emit({ id: record.id, sourceId: record.provenance.sourceId ?? null, error: (error as Error).message });
    }
  }
  if (failed > 0) process.exitCode = 1;
}

function csvCell(v: unknown): string {
  const s = v === undefined || v === null ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const round = (v: number) => Math.round(v * 1000) / 1000;

function describeConfig(config: HlsConfig): string {
  return `${config.part}, ${config.strategy}, ${config.ioType}, ${formatPrecision(config.precision)}, RF ${config.reuseFactor}, ${config.clockPeriodNs} ns`;
}

function bandText(b: Band): string {
  return `[${formatNumber(b.lo)}, ${formatNumber(b.hi)}]`;
}

const SOURCE_WORDS = { learned: 'rule + learned', rule: 'rule', 'rule-exact': 'rule (exact here)' } as const;

export function renderEstimate(label: string, config: HlsConfig, estimate: Estimate, perLayer: boolean): string {
  const rows = (['bram', 'dsp', 'ff', 'lut'] as const).flatMap((key) => {
    const band = estimate.resources[key];
    if (!band) return [];
    const percent = estimate.board?.percent[key];
    const target = estimate.targets[band.kind === 'synth' ? key : (`hls_${key}` as const)];
    return [[key === 'bram' ? 'BRAM18K' : key.toUpperCase(), Math.round(band.value), bandText(band), percent === undefined ? '–' : `${percent.toFixed(1)} %`, band.kind === 'synth' ? 'post-synthesis' : 'HLS estimate', target ? formatNumber(Math.round(target.rule)) : '–', target ? SOURCE_WORDS[target.source] : '–']];
  });
  const lines = [`hlsest estimate for ${label}`, `  ${describeConfig(config)}`, '', renderTable(['resource', 'estimate', '80 % band', '% of device', 'kind', "hls4ml's rule", 'from'], rows)];
  if (estimate.latency) {
    const l = estimate.latency;
    lines.push('', `latency   ${formatNumber(Math.round(l.cycles.value))} cycles ${bandText(l.cycles)} = ${formatNs(l.ns.value)} ${'['}${formatNs(l.ns.lo)}, ${formatNs(l.ns.hi)}]`);
    if (l.interval && l.intervalNs) lines.push(`interval  ${formatNumber(Math.round(l.interval.value))} cycles ${bandText(l.interval)} = ${formatNs(l.intervalNs.value)}`);
  }
  if (estimate.board) {
    const b = estimate.board;
    const verdict = b.fits ? (b.fitsUpperBand ? 'yes' : 'yes, but the upper band does not') : 'NO';
    lines.push('', `fits ${b.device}: ${verdict}${b.scarcest ? ` (scarcest: ${b.scarcest.resource.toUpperCase()} at ${b.scarcest.percent.toFixed(1)} %)` : ''}`);
  }
  if (estimate.explanations.length) lines.push('', ...estimate.explanations.map((e) => `why: ${e}`));
  if (estimate.warnings.length) lines.push('', ...estimate.warnings.map((w) => `warning: ${w}`));
  if (perLayer) lines.push('', renderBuild(estimate.build));
  return lines.join('\n');
}

function formatNs(ns: number): string {
  return ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : ns >= 1e3 ? `${(ns / 1e3).toFixed(2)} µs` : `${ns.toFixed(0)} ns`;
}

export function estimateJson(label: string, config: HlsConfig, estimate: Estimate, perLayer: boolean) {
  return {
    model: label,
    config: { ...config, precision: formatPrecision(config.precision) },
    targets: estimate.targets,
    resources: estimate.resources,
    board: estimate.board ?? null,
    latency: estimate.latency ?? null,
    distance: estimate.distance,
    explanations: estimate.explanations,
    warnings: estimate.warnings,
    ...(perLayer && {
      layers: estimate.build.layers.map((b) => ({
        name: b.name,
        kind: b.kind,
        reuseFactor: b.reuse ?? null,
        multipliers: b.multipliers,
        multipliersBeforePruning: b.multipliersDense,
        product: b.product,
        expectedDsp: b.expectedDsp,
        weightBits: b.weightBits,
        cycles: b.cycles,
        interval: b.interval,
      })),
    }),
  };
}

export const CSV_COLUMNS = ['label', 'part', 'strategy', 'io_type', 'precision', 'reuse_factor', 'clock_ns', 'bram', 'dsp', 'ff', 'lut', 'bram_pct', 'dsp_pct', 'ff_pct', 'lut_pct', 'cycles', 'latency_ns', 'interval', 'fits', 'warnings'];

/** CSV of estimates; `reuse` is the sweep's requested→applied text (the plain RF otherwise). */
export function estimateCsv(rows: readonly { label: string; config: HlsConfig; estimate: Omit<Estimate, 'build'>; reuse?: string }[]): string {
  const lines = rows.map(({ label, config, estimate, reuse }) => {
    const r = estimate.resources;
    const p = estimate.board?.percent ?? {};
    return [
      label,
      config.part,
      config.strategy,
      config.ioType,
      formatPrecision(config.precision),
      reuse ?? config.reuseFactor,
      config.clockPeriodNs,
      r.bram?.value.toFixed(1),
      r.dsp?.value.toFixed(1),
      r.ff?.value.toFixed(0),
      r.lut?.value.toFixed(0),
      p.bram?.toFixed(2),
      p.dsp?.toFixed(2),
      p.ff?.toFixed(2),
      p.lut?.toFixed(2),
      estimate.latency?.cycles.value.toFixed(0),
      estimate.latency?.ns.value.toFixed(1),
      estimate.latency?.interval?.value.toFixed(0),
      estimate.board ? estimate.board.fits : '',
      estimate.warnings.join('; '),
    ]
      .map(csvCell)
      .join(',');
  });
  return [CSV_COLUMNS.join(','), ...lines].join('\n');
}
