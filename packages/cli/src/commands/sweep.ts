import type { Argv } from 'yargs';
import { HlsestError, formatPrecision, parsePrecision, readIoType, readStrategy, resolveDevice } from '@hlsest/core';
import { sweep, type SweepRow } from '@hlsest/predictor';
import { loadPredictor } from '@hlsest/predictor/node';
import { bundleOptionSpec, loadConfig, loadNetwork } from '../design-input.js';
import type { Output } from '../output.js';
import { renderTable, formatNumber } from '../table.js';
import { estimateCsv } from './predict.js';

interface SweepArgs {
  keras: string;
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
}

const list = (text: string) => text.split(/[,;]\s*(?![^<]*>)/).map((s) => s.trim()).filter(Boolean);

export function sweepCommand(output: Output) {
  return {
    command: 'sweep <keras>',
    describe: 'Predict a grid of boards × strategies × precisions × reuse factors; sorted, filtered, with the Pareto front',
    builder: (yargs: Argv) =>
      yargs
        .positional('keras', { type: 'string', demandOption: true, describe: 'Keras/QKeras model JSON or .h5' })
        .options(bundleOptionSpec)
        .option('config', { type: 'string', describe: 'hls4ml config whose per-layer settings the sweep starts from' })
        .option('boards', { type: 'string', default: 'pynq-z2', describe: 'comma-separated boards or parts' })
        .option('strategies', { type: 'string', default: 'latency,resource' })
        .option('io-types', { type: 'string', default: 'io_parallel' })
        .option('precisions', { type: 'string', default: 'ap_fixed<16,6>', describe: 'comma-separated, e.g. "ap_fixed<16,6>,ap_fixed<8,3>"' })
        .option('reuse-factors', { type: 'string', default: '1,2,4,8,16,32,64', describe: 'comma-separated, or a range like 1-128' })
        .option('clock-periods', { type: 'string', describe: 'comma-separated clock periods in ns' })
        .option('fits', { type: 'boolean', default: false, describe: 'keep only configurations that fit their board' })
        .option('max-latency-ns', { type: 'number', describe: 'keep only configurations at or under this latency' })
        .option('pareto-only', { type: 'boolean', default: false, describe: 'keep only the Pareto front (latency vs scarcest resource)' })
        .option('sort', { choices: ['latency', 'resource'] as const, default: 'latency' as const })
        .option('limit', { type: 'number', default: 30, describe: 'rows to print in the table (0 = all)' })
        .option('format', { choices: ['table', 'json', 'csv'] as const, default: 'table' as const }),
    handler: async (args: SweepArgs) => {
      const [predictor, network, file] = await Promise.all([loadPredictor(args.model), loadNetwork(args.keras), loadConfig(args.config)]);
      const boards = list(args.boards);
      boards.forEach((b) => resolveDevice(b));
      const grid = {
        boards,
        strategies: list(args.strategies).map((s) => readStrategy(s, '--strategies')),
        ioTypes: list(args.ioTypes).map((s) => readIoType(s, '--io-types')!),
        precisions: list(args.precisions).map(parsePrecision),
        reuseFactors: parseReuseFactors(args.reuseFactors),
        ...(args.clockPeriods && { clockPeriodsNs: list(args.clockPeriods).map(Number) }),
      };
      const started = performance.now();
      let rows = sweep(predictor, network.layers, file, grid);
      const elapsed = performance.now() - started;
      const total = rows.length;
      if (args.fits) rows = rows.filter((r) => r.fits);
      if (args.maxLatencyNs !== undefined) rows = rows.filter((r) => r.latencyNs <= args.maxLatencyNs!);
      if (args.paretoOnly) rows = rows.filter((r) => r.pareto);
      rows.sort(args.sort === 'latency' ? (a, b) => a.latencyNs - b.latencyNs || a.scarcestPercent - b.scarcestPercent : (a, b) => a.scarcestPercent - b.scarcestPercent || a.latencyNs - b.latencyNs);
      if (args.format === 'json') output.out(JSON.stringify(rows.map(rowJson), null, 2));
      else if (args.format === 'csv') output.out(estimateCsv(rows.map((r) => ({ label: args.keras, config: r.config, estimate: r.estimate }))));
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
                r.config.reuseFactor,
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
            `${rows.length} of ${total} configurations shown${shown.length < rows.length ? ` (first ${shown.length}; --limit 0 for all)` : ''}; ` +
              `${total} predicted in ${elapsed.toFixed(0)} ms (${Math.round((total / elapsed) * 1000).toLocaleString('en-US')} configurations/s). ★ = Pareto front of latency vs scarcest resource.`,
          ].join('\n'),
        );
      }
    },
  };
}

function rowJson(row: SweepRow) {
  return {
    board: row.board,
    config: { ...row.config, precision: formatPrecision(row.config.precision) },
    resources: row.estimate.resources,
    latency: row.estimate.latency ?? null,
    scarcestPercent: row.scarcestPercent,
    fits: row.fits,
    pareto: row.pareto,
    warnings: row.estimate.warnings,
  };
}

export function parseReuseFactors(text: string): number[] {
  const out = new Set<number>();
  for (const part of list(text)) {
    const range = /^(\d+)\s*-\s*(\d+)$/.exec(part);
    if (range) {
      const [lo, hi] = [Number(range[1]), Number(range[2])];
      if (hi < lo || hi - lo > 100_000) throw new HlsestError('HLSEST_BAD_CONFIG', `--reuse-factors: bad range "${part}"`);
      for (let rf = lo; rf <= hi; rf++) out.add(rf);
    } else {
      const rf = Number(part);
      if (!Number.isInteger(rf) || rf < 1) throw new HlsestError('HLSEST_BAD_CONFIG', `--reuse-factors: "${part}" is not a positive integer`);
      out.add(rf);
    }
  }
  return [...out].sort((a, b) => a - b);
}
