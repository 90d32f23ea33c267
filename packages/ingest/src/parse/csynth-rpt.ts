import { HlsestError, type Latency, type Resources } from '@hlsest/core';
import type { HlsReport } from './report-types.js';
import { reportNumber, requireNumber } from './numbers.js';
import { tableAfter } from './text-table.js';
import { definedOnly } from './csynth-xml.js';

const TITLE = /==\s+(Vivado|Vitis) HLS Report for '([^']+)'/;

/**
 * `<top>_csynth.rpt`, also when it sits inside a `vivado_hls.log` or console capture: the first
 * "HLS Report for" section is read. Handles the 2018-era tables (no absolute-latency columns,
 * clock without units) and the 2020+ ones.
 */
export function parseCsynthRpt(text: string, file: string): HlsReport {
  const titleAt = text.search(TITLE);
  const body = titleAt >= 0 ? text.slice(titleAt) : text;
  const lines = body.split(/\r?\n/);
  const title = TITLE.exec(body);
  const utilizationAt = lines.findIndex((l) => l.includes('== Utilization Estimates'));
  if (utilizationAt < 0) {
    throw new HlsestError('HLSEST_BAD_REPORT', `${file}: not a C-synthesis report (no "Utilization Estimates" section)`, { file });
  }
  const version = /^\*\s*Version:\s*(\S+)/m.exec(body)?.[1];
  const part = /^\*\s*Target device:\s*(\S+)/m.exec(body)?.[1];
  return definedOnly({
    format: 'csynth-rpt' as const,
    tool: title ? (title[1] === 'Vitis' ? ('vitis_hls' as const) : ('vivado_hls' as const)) : undefined,
    toolVersion: version,
    part,
    topModule: title?.[2],
    latency: latency(lines, file),
    resources: utilizationRow(lines, utilizationAt, 'Total', file),
    available: utilizationRowOptional(lines, utilizationAt, 'Available', file),
  }) as HlsReport;
}

function latency(lines: readonly string[], file: string): Latency {
  const clockLine = lines.find((l) => /^\s*\|\s*ap_clk\s*\|/.test(l));
  const clockCells = clockLine?.split('|').map((c) => c.trim()).filter(Boolean) ?? [];
  const latencyAt = lines.findIndex((l) => /^\+ Latency\b/.test(l.trim()));
  const cycles: (number | undefined)[] = [];
  if (latencyAt >= 0) {
    const rows = tableAfter(lines, latencyAt + 1);
    const data = rows.find((row) => row.some((cell) => /^\d+$|^undef$|^\?$/.test(cell)));
    for (const cell of data ?? []) {
      // Absolute latencies carry a unit and the pipeline type is a word; cycles are bare integers.
      if (/^\d+$/.test(cell)) cycles.push(Number(cell));
      else if (cell === 'undef' || cell === '?') cycles.push(undefined);
    }
  }
  return definedOnly({
    cyclesMin: cycles[0],
    cyclesMax: cycles[1],
    intervalMin: cycles[2],
    intervalMax: cycles[3],
    targetClockNs: reportNumber(clockCells[1], 'target clock', file),
    estimatedClockNs: reportNumber(clockCells[2], 'estimated clock', file),
  });
}

function utilizationRowOptional(lines: readonly string[], from: number, label: string, file: string): Resources | undefined {
  try {
    return utilizationRow(lines, from, label, file);
  } catch {
    return undefined;
  }
}

function utilizationRow(lines: readonly string[], from: number, label: string, file: string): Resources {
  const rows = tableAfter(lines, from + 1, 60);
  const header = rows.find((row) => row[0] === 'Name');
  const row = rows.find((r) => r[0] === label);
  if (!header || !row) throw new HlsestError('HLSEST_BAD_REPORT', `${file}: utilization summary has no "${label}" row`, { file });
  const column = (...names: string[]) => header.findIndex((h) => names.includes(h));
  const cell = (names: string[], required: boolean) => {
    const index = column(...names);
    if (index < 0) {
      if (required) throw new HlsestError('HLSEST_BAD_REPORT', `${file}: utilization summary has no ${names[0]} column`, { file });
      return undefined;
    }
    return required ? requireNumber(row[index], `${label} ${names[0]}`, file) : reportNumber(row[index], `${label} ${names[0]}`, file);
  };
  const uram = cell(['URAM'], false);
  return {
    bram18k: cell(['BRAM_18K'], true)!,
    dsp: cell(['DSP', 'DSP48E', 'DSP48'], true)!,
    ff: cell(['FF'], true)!,
    lut: cell(['LUT'], true)!,
    ...(uram !== undefined && { uram }),
  };
}
