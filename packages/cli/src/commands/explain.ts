import { buildDesign, formatPrecision, type DesignBuild } from '@hlsest/core';
import type { Argv } from 'yargs';
import { checks, formatOf, formatOptions } from '../checks.js';
import { designChecks, designOptionSpecs, loadDesign, type DesignOptions } from '../design-input.js';
import { renderTable } from '../table.js';
import type { Output } from '../output.js';

export function explainCommand(output: Output) {
  return {
    command: 'explain [keras]',
    describe: "Show what hls4ml will build for each layer, from hls4ml's own rules (no bundle needed)",
    builder: (yargs: Argv) =>
      yargs
        .positional('keras', { type: 'string', describe: 'Keras/QKeras JSON or .h5, ONNX/QONNX .onnx, or an hls4ml project folder (- for stdin)' })
        .options(designOptionSpecs)
        .options(formatOptions(['table', 'json'] as const))
        .check((args) => (args.keras !== undefined || args.config ? true : 'give a model, or an hls4ml config naming one (-c)'))
        .check(checks(...designChecks)),
    handler: async (args: DesignOptions & { keras?: string; json: boolean; format: 'table' | 'json' }) => {
      const { configured, notes } = await loadDesign(args.keras, args);
      const build = buildDesign(configured.layers, configured.config, configured.toolchain ? { toolchain: configured.toolchain } : {});
      output.out(
        formatOf(args) === 'json'
          ? JSON.stringify({ config: summarizeConfig(configured.config), build, notes }, null, 2)
          : [renderBuild(build), ...(notes.length ? ['', ...notes.map((n) => `note: ${n}`)] : [])].join('\n'),
      );
    },
  };
}

export function summarizeConfig(config: { strategy: string; ioType: string; precision: Parameters<typeof formatPrecision>[0]; reuseFactor: number; clockPeriodNs: number; part: string }) {
  return { ...config, precision: formatPrecision(config.precision) };
}

export function renderBuild(build: DesignBuild): string {
  const rows = build.layers.map((b) => {
    const rf = b.reuse ? (b.reuse.requested === b.reuse.applied ? `${b.reuse.applied}` : `${b.reuse.requested}→${b.reuse.applied}`) : '–';
    return [
      b.name,
      b.className,
      `[${b.outputShape.join('×')}]`,
      rf,
      b.totalMults,
      // Before → after the zero weights hls4ml leaves out (pruning), when they differ.
      b.multipliersDense !== b.multipliers ? `${b.multipliersDense}→${b.multipliers}` : b.multipliers,
      // Operand and accumulator widths: hls4ml 1.x infers `auto` accumulators from them.
      b.product === 'none' ? '–' : `${b.product} ${b.weightWidth}×${b.inputWidth}→${b.accumWidth}`,
      b.expectedDsp,
      b.weightBits,
      // The weight ROM's blocks, plus a Resource kernel's index table where it has one.
      b.indexRam?.bram18k ? `${b.weightRom?.bram18k ?? 0}+${b.indexRam.bram18k}` : (b.weightRom?.bram18k ?? 0),
      b.cycles,
      b.interval,
    ];
  });
  const table = renderTable(['layer', 'class', 'output', 'RF', 'mults', 'multipliers (dense→pruned)', 'product (w×in→accum bits)', 'DSP', 'weight bits', 'ROM(+index) BRAM18K', 'cycles', 'II'], rows);
  const t = build.totals;
  const notes = build.layers.flatMap((b) => b.notes.filter((n) => n.includes('reuse factor') || n.includes('not modelled') || n.startsWith('weights stored as')).map((n) => `  ${b.name}: ${n}`));
  return [
    table,
    '',
    `design (${build.topology}): ≈${build.cycles.toLocaleString('en-US')} cycles, II ≈${build.interval.toLocaleString('en-US')}; ` +
      `${t.multipliers.toLocaleString('en-US')} multipliers, ≈${t.expectedDsp.toLocaleString('en-US')} DSP by rule, ${t.weightBits.toLocaleString('en-US')} weight bits`,
    ...(notes.length ? ['', 'notes:', ...notes] : []),
    ...build.notes.map((n) => `note: ${n}`),
  ].join('\n');
}
