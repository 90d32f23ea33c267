import { HlsestError, bram36ToBram18 } from '@hlsest/core';
import type { SynthReport } from './report-types.js';
import { requireNumber, reportNumber } from './numbers.js';
import { tableCells } from './text-table.js';

/**
 * Vivado `report_utilization` after synthesis (`vivado_synth.rpt`, `*_utilization_synth.rpt`).
 * 7-series says "Slice LUTs"/"Slice Registers", UltraScale "CLB LUTs"/"CLB Registers"; both say
 * "Block RAM Tile" in 36 Kb tiles, converted here to 18 Kb blocks. Only the first table holding a
 * row counts: later tables repeat the rows per SLR.
 */
export function parseVivadoUtilization(text: string, file: string): SynthReport {
  if (!/report_utilization|Utilization Design Information|Site Type/.test(text)) {
    throw new HlsestError('HLSEST_BAD_REPORT', `${file}: not a Vivado utilization report`, { file });
  }
  const first = (labels: readonly string[]): string | undefined => {
    for (const line of text.split(/\r?\n/)) {
      const cells = tableCells(line);
      if (!cells) continue;
      const name = cells[0]!.replace(/\*+$/, '').trim();
      if (labels.includes(name)) return cells[1];
    }
    return undefined;
  };
  const lut = first(['CLB LUTs', 'Slice LUTs']);
  const ff = first(['CLB Registers', 'Slice Registers']);
  const bram = first(['Block RAM Tile']);
  const dsp = first(['DSPs']);
  if (lut === undefined || ff === undefined || bram === undefined || dsp === undefined) {
    throw new HlsestError('HLSEST_BAD_REPORT', `${file}: utilization report lacks one of LUTs, registers, Block RAM Tile, DSPs`, { file });
  }
  const uram = reportNumber(first(['URAM']), 'URAM', file);
  const version = /Tool Version\s*:\s*Vivado v\.(\S+)/.exec(text)?.[1];
  const device = /\|\s*Device\s*:\s*(\S+)/.exec(text)?.[1];
  return {
    ...(version && { toolVersion: version }),
    ...(device && { device }),
    resources: {
      bram18k: bram36ToBram18(requireNumber(bram, 'Block RAM Tile', file)),
      dsp: requireNumber(dsp, 'DSPs', file),
      ff: requireNumber(ff, 'Registers', file),
      lut: requireNumber(lut, 'LUTs', file),
      ...(uram !== undefined && { uram }),
    },
  };
}
