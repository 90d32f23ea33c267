import { fixed, type Latency, type Precision, type Resources } from '@hlsest/core';
import { tableCells } from './text-table.js';

/** One row of a C-synthesis report's "Detail: Instance" tables: a sub-function of the top. */
export interface InstanceRow {
  readonly instance: string;
  readonly module: string;
  /** hls4ml's layer index from the module name (`…_config7_s` → 7), when it has one. */
  readonly configIndex?: number;
  readonly resources?: Resources;
  readonly latency?: Latency;
}

/**
 * The instance rows of a `<top>_csynth.rpt` (utilization and latency "Detail: Instance" tables),
 * joined by instance name. hls4ml's layer functions carry their node's index in the template
 * config name (`dense_latency<…, config2>` → `…_config2_s`), which ties a row to its layer.
 */
export function parseInstanceTables(text: string): InstanceRow[] {
  const lines = text.split(/\r?\n/);
  const utilization = section(lines, '== Utilization Estimates');
  const performance = section(lines, '== Performance Estimates');
  const byInstance = new Map<string, { module: string; resources?: Resources; latency?: Latency }>();
  for (const row of instanceRows(lines, utilization)) {
    const [instance, module, bram, dsp, ff, lut, uram] = row;
    const numbers = [bram, dsp, ff, lut].map(count);
    if (!instance || !module || numbers.some((n) => n === undefined)) continue;
    const u = count(uram);
    byInstance.set(instance, { module, resources: { bram18k: numbers[0]!, dsp: numbers[1]!, ff: numbers[2]!, lut: numbers[3]!, ...(u !== undefined && { uram: u }) } });
  }
  for (const row of instanceRows(lines, performance)) {
    const [instance, module, ...rest] = row;
    if (!instance || !module) continue;
    // Cycles are bare integers; absolute latencies carry units and the pipeline type is a word.
    const cycles = rest.filter((c) => /^\d+$/.test(c)).map(Number);
    if (cycles.length < 2) continue;
    const latency: Latency = cycles.length >= 4 ? { cyclesMin: cycles[0]!, cyclesMax: cycles[1]!, intervalMin: cycles[2]!, intervalMax: cycles[3]! } : { cyclesMin: cycles[0]!, cyclesMax: cycles[1]! };
    const known = byInstance.get(instance);
    byInstance.set(instance, { module, ...known, latency });
  }
  return [...byInstance.entries()].map(([instance, row]) => {
    const index = /_config(\d+)(?:_s)?(?:_\d+)?$/.exec(row.module)?.[1];
    return { instance, ...row, ...(index !== undefined && { configIndex: Number(index) }) };
  });
}

function section(lines: readonly string[], title: string): number {
  return lines.findIndex((l) => l.includes(title));
}

/** Data rows of the first "* Instance:" table after `from` (header, borders and the Total row left out). */
function instanceRows(lines: readonly string[], from: number): string[][] {
  if (from < 0) return [];
  const start = lines.findIndex((l, i) => i > from && /^\s*\*\s*Instance:/.test(l));
  if (start < 0) return [];
  const rows: string[][] = [];
  let seenBorder = false;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line.startsWith('+-')) {
      seenBorder = true;
      continue;
    }
    const cells = tableCells(line);
    if (!cells) {
      if (seenBorder && line !== '' && !line.startsWith('|')) break;
      if (seenBorder && line === '' && rows.length > 0) break;
      continue;
    }
    if (cells[0] === 'Instance' || cells[0] === '' || cells[0] === 'Total') continue;
    rows.push(cells);
  }
  return rows;
}

function count(cell: string | undefined): number | undefined {
  if (cell === undefined || cell === '-' || cell === '') return cell === '-' ? 0 : undefined;
  const n = Number(cell.replace(/,/g, ''));
  return Number.isFinite(n) ? n : undefined;
}

const QUANTIZATION = ['RND', 'RND_ZERO', 'RND_MIN_INF', 'RND_INF', 'RND_CONV', 'TRN', 'TRN_ZERO'] as const;
const OVERFLOW = ['SAT', 'SAT_ZERO', 'SAT_SYM', 'WRAP', 'WRAP'] as const;

/**
 * The fixed-point types a module's name spells, in order: C-synthesis mangles
 * `dense_latency<ap_fixed<8,2>, ap_fixed<16,4>, config2>` into
 * `dense_latency_ap_fixed_8_2_5_3_0_ap_fixed_16_4_5_3_0_config2_s` (quantization and overflow
 * modes as their enum values, AP_TRN = 5, AP_WRAP = 3). hls4ml's layer functions take the input
 * type first and the result type second.
 */
export function moduleTypes(module: string): Precision[] {
  const types: Precision[] = [];
  const pattern = /ap_(u?)(fixed|int)_(\d+)(?:_(\d+)_(\d)_(\d)_(\d+))?/g;
  for (let m = pattern.exec(module); m; m = pattern.exec(module)) {
    const [, unsigned, family, width, integer, q, o] = m;
    if (family === 'int') types.push({ kind: 'int', signed: unsigned !== 'u', width: Number(width) });
    else if (integer !== undefined) types.push(fixed(Number(width), Number(integer), unsigned !== 'u', QUANTIZATION[Number(q)] ?? 'TRN', OVERFLOW[Number(o)] ?? 'WRAP'));
  }
  return types;
}
