import type { Argv } from 'yargs';
import { HlsestError, formatPrecision, parsePrecision, readIoType, readStrategy, resolveDevice } from '@hlsest/core';
import { sweep, type SweepGrid, type SweepRow } from '@hlsest/predictor';
import { loadPredictor } from '@hlsest/predictor/node';
import { bundleOptionSpec, loadSource } from '../design-input.js';
import { checks, formatOf, formatOptions, integerIn, nonEmpty, numberIn, parses, type Check } from '../checks.js';
import type { Output } from '../output.js';
import { renderTable, formatNumber } from '../table.js';
import { estimateCsv } from './predict.js';

interface SweepArgs {
  keras?: string;
  model?: string;
  config?: string;
  boards: string;
  strategies: string;
  ioTypes: string;
  precisions: string;
  reuseFactors: string;
  clockPeriods?: string;
  fits: boolean;
  maxLatencyNs?: number;
  paretoOnly: boolean;
  sort: 'latency' | 'resource';
  limit: number;
  format: 'table' | 'json' | 'csv';
  json: boolean;
}

const list = (text: string) => text.split(/[,;]\s*(?![^<]*>)/).map((s) => s.trim()).filter(Boolean);

export function sweepCommand(output: Output) {
  return {
    command: 'sweep [keras]',
    describe: 'Predict a grid of boards × strategies × precisions × reuse factors; sorted, filtered, with the Pareto front',
    builder: (yargs: Argv) =>
      yargs
        .positional('keras', { type: 'string', describe: 'Keras/QKeras JSON or .h5, ONNX/QONNX .onnx, or an hls4ml project folder (- for stdin)' })
        .options(bundleOptionSpec)
        .option('config', { type: 'string', alias: 'c', describe: 'hls4ml config whose per-layer settings the sweep starts from' })
        // Each list flag also answers to predict's singular spelling.
        .option('boards', { type: 'string', alias: 'board', default: 'pynq-z2', describe: 'comma-separated boards or parts' })
        .option('strategies', { type: 'string', alias: 'strategy', default: 'latency,resource' })
        .option('io-types', { type: 'string', alias: 'io-type', default: 'io_parallel' })
        .option('precisions', { type: 'string', alias: 'precision', default: 'ap_fixed<16,6>', describe: 'comma-separated, e.g. "ap_fixed<16,6>,ap_fixed<8,3>"' })
        .option('reuse-factors', { type: 'string', alias: 'reuse-factor', default: '1,2,4,8,16,32,64', describe: 'comma-separated, or a range like 1-128' })
        .option('clock-periods', { type: 'string', alias: 'clock-period', describe: 'comma-separated clock periods in ns' })
        .option('fits', { type: 'boolean', default: false, describe: 'keep only configurations that fit their board' })
        .option('max-latency-ns', { type: 'number', describe: 'keep only configurations at or under this latency' })
        .option('pareto-only', { type: 'boolean', default: false, describe: 'keep only the Pareto front (latency vs scarcest resource)' })
        .option('sort', { choices: ['latency', 'resource'] as const, default: 'latency' as const })
        .option('limit', { type: 'number', default: 30, describe: 'rows to print in the table (0 = all)' })
        .options(formatOptions(['table', 'json', 'csv'] as const))
        .check((args) => (args.keras !== undefined || args.config ? true : 'give a model, or an hls4ml config naming one (-c)'))
        .check(
          checks(
            parses('boards', (v) => list(v).forEach((b) => resolveDevice(b))),
            parses('strategies', (v) => list(v).forEach((s) => readStrategy(s, '--strategies'))),
            parses('io-types', (v) => list(v).forEach((s) => readIoType(s, '--io-types'))),
            parses('precisions', (v) => list(v).forEach((p) => parsePrecision(p))),
            parses('reuse-factors', parseReuseFactors),
            parses('clock-periods', parseClockPeriods),
            numberIn('max-latency-ns', 0, Number.MAX_VALUE),
            integerIn('limit', 0),
            nonEmpty('config'),
            nonEmpty('model'),
            gridSize,
          ),
        ),
    handler: async (args: SweepArgs) => {
      const [predictor, source] = await Promise.all([loadPredictor(args.model), loadSource(args.keras, args.config)]);
      const { network, file } = source;
      const label = args.keras === '' || args.keras === '-' ? '<stdin>' : (args.keras ?? args.config!);
      for (const note of source.notes) output.err(`note: ${note}`);
      if (source.generated) output.err("note: the sweep sets every layer's reuse factor and precision itself; parameters.h is not applied");
      const grid = gridOf(args);
      const started = performance.now();
      const progress = output.isTTY ? progressBar() : undefined;
      let rows = sweep(predictor, network.layers, file, grid, 256, progress?.update);
      progress?.done();
      const elapsed = performance.now() - started;
      const total = rows.length;
      if (args.fits) rows = rows.filter((r) => r.fits);
      if (args.maxLatencyNs !== undefined) rows = rows.filter((r) => r.latencyNs <= args.maxLatencyNs!);
      if (args.paretoOnly) rows = rows.filter((r) => r.pareto);
      rows.sort(args.sort === 'latency' ? (a, b) => a.latencyNs - b.latencyNs || a.scarcestPercent - b.scarcestPercent : (a, b) => a.scarcestPercent - b.scarcestPercent || a.latencyNs - b.latencyNs);
      const format = formatOf(args);
      if (format === 'json') output.out(JSON.stringify(rows.map(rowJson), null, 2));
      else if (format === 'csv') output.out(estimateCsv(rows.map((r) => ({ label, config: r.config, estimate: r.estimate, reuse: reuseText(r) }))));
      else {
        const shown = args.limit > 0 ? rows.slice(0, args.limit) : rows;
        output.out(
          [
            renderTable(
              ['board', 'strategy', 'io', 'precision', 'RF', 'BRAM18K', 'DSP', 'FF', 'LUT', 'scarcest %', 'cycles', 'latency', 'fits', 'pareto'],
              shown.map((r) => [
                r.board,
                r.config.strategy,
                r.config.ioType.replace('io_', ''),
                formatPrecision(r.config.precision),
                reuseText(r),
                Math.round(r.estimate.resources.bram?.value ?? Number.NaN),
                Math.round(r.estimate.resources.dsp?.value ?? Number.NaN),
                Math.round(r.estimate.resources.ff?.value ?? Number.NaN),
                Math.round(r.estimate.resources.lut?.value ?? Number.NaN),
                Number(r.scarcestPercent.toFixed(1)),
                Math.round(r.estimate.latency?.cycles.value ?? Number.NaN),
                `${formatNumber(r.latencyNs)} ns`,
                r.fits ? 'yes' : 'no',
                r.pareto ? '★' : '',
              ]),
            ),
            '',
            `${rows.length} of ${total} distinct configurations shown${shown.length < rows.length ? ` (first ${shown.length}; --limit 0 for all)` : ''}; ` +
              `${total} predicted in ${elapsed.toFixed(0)} ms (${Math.round((total / elapsed) * 1000).toLocaleString('en-US')} configurations/s). ` +
              `RF "3,4→4": reuse factors hls4ml builds as the same hardware (requested → applied). ★ = Pareto front of latency vs scarcest resource.`,
          ].join('\n'),
        );
      }
    },
  };
}

/** "4", or "3,5→4" when the grid's reuse factors 3 and 5 build what RF 4 builds, "…→per layer" when layers differ. */
export function reuseText(row: SweepRow): string {
  const { requested, applied } = row.reuse;
  const distinct = [...new Set(applied)];
  const to = distinct.length === 0 ? String(requested[0]) : distinct.length === 1 ? String(distinct[0]) : applied.join('/');
  const from = requested.join(',');
  return from === to ? from : `${from}→${to}`;
}

function rowJson(row: SweepRow) {
  return {
    board: row.board,
    config: { ...row.config, precision: formatPrecision(row.config.precision) },
    reuseFactors: row.reuse,
    resources: row.estimate.resources,
    latency: row.estimate.latency ?? null,
    scarcestPercent: row.scarcestPercent,
    fits: row.fits,
    pareto: row.pareto,
    warnings: row.estimate.warnings,
  };
}

type GridArgs = Pick<SweepArgs, 'boards' | 'strategies' | 'ioTypes' | 'precisions' | 'reuseFactors' | 'clockPeriods'>;

function gridOf(args: GridArgs): SweepGrid {
  return {
    boards: list(args.boards),
    strategies: list(args.strategies).map((s) => readStrategy(s, '--strategies')),
    ioTypes: list(args.ioTypes).map((s) => readIoType(s, '--io-types')!),
    precisions: list(args.precisions).map(parsePrecision),
    reuseFactors: parseReuseFactors(args.reuseFactors),
    ...(args.clockPeriods && { clockPeriodsNs: parseClockPeriods(args.clockPeriods) }),
  };
}

/** Grids past this many configurations are refused: split them (memory grows with the rows kept). */
const MAX_GRID = 5_000_000;

const gridSize: Check = (args) => {
  const count = (flag: string, parse: (text: string) => readonly unknown[]) => (args[flag] === undefined ? 1 : parse(String(args[flag])).length);
  const total = count('boards', list) * count('strategies', list) * count('io-types', list) * count('precisions', list) * count('reuse-factors', parseReuseFactors) * count('clock-periods', list);
  return total > MAX_GRID ? `the grid has ${total.toLocaleString('en-US')} configurations; at most ${MAX_GRID.toLocaleString('en-US')} per sweep: split it` : undefined;
};

export function parseClockPeriods(text: string): number[] {
  return list(text).map((part) => {
    const ns = Number(part);
    if (!Number.isFinite(ns) || ns <= 0 || ns > 1000) throw new HlsestError('HLSEST_BAD_CONFIG', `--clock-periods: "${part}" is not a clock period in ns (above 0, at most 1000)`);
    return ns;
  });
}

function progressBar() {
  let last = 0;
  return {
    update: (done: number, total: number) => {
      if (Date.now() - last < 200 && done < total) return;
      last = Date.now();
      const width = 30;
      const filled = Math.round((done / total) * width);
      process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} configurations`);
    },
    done: () => {
      if (last) process.stderr.write('\n');
    },
  };
}

export function parseReuseFactors(text: string): number[] {
  const out = new Set<number>();
  for (const part of list(text)) {
    const range = /^(\d+)\s*-\s*(\d+)$/.exec(part);
    if (range) {
      const [lo, hi] = [Number(range[1]), Number(range[2])];
      if (lo < 1 || hi < lo || hi - lo > 100_000) throw new HlsestError('HLSEST_BAD_CONFIG', `--reuse-factors: bad range "${part}" (from 1 up, low to high, at most 100,000 values)`);
      for (let rf = lo; rf <= hi; rf++) out.add(rf);
    } else {
      const rf = Number(part);
      if (!Number.isInteger(rf) || rf < 1 || rf > 1_000_000) throw new HlsestError('HLSEST_BAD_CONFIG', `--reuse-factors: "${part}" is not a whole number from 1 to 1,000,000`);
      out.add(rf);
    }
  }
  return [...out].sort((a, b) => a - b);
}
