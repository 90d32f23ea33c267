import { describe, expect, it } from 'vitest';
import { decodeRecord, type DesignRecord } from '@hlsest/core';
import { readInput } from '@hlsest/ingest';
import { dataPath } from '../../../test/data-root.js';
import { ruleReport, ruleReportMarkdown, type RuleCheck } from './rule-report.js';

/**
 * The rules' sMAPE (%) per family and check when they were last measured (reports/rules/), plus
 * a point. A change that makes any of them worse fails here; one that improves them should
 * lower its figure, so the next regression shows.
 */
const CEILINGS: Readonly<Record<string, Partial<Record<RuleCheck, number>>>> = {
  'argykokk-mlp': { cycles: 17, interval: 17, hls_bram: 1, hls_dsp: 71, hls_ff: 51, hls_lut: 46, layer_cycles: 29, layer_interval: 9, layer_hls_bram: 1, layer_hls_dsp: 30, layer_hls_ff: 119, layer_hls_lut: 41 },
  'calwilee-sepconv': { cycles: 81, interval: 97, hls_bram: 101, hls_dsp: 31, hls_ff: 70, hls_lut: 40 },
  enet: { cosim_cycles: 103 },
  'hls4ml-baselines': { cycles: 65, interval: 7, hls_bram: 14, hls_dsp: 63, hls_ff: 55, hls_lut: 53 },
  'kebl-cnn': { cycles: 123, interval: 118, hls_bram: 118, hls_dsp: 103, hls_ff: 105, hls_lut: 117, bram: 54, dsp: 124, ff: 131, lut: 152, layer_cycles: 66, layer_interval: 79, layer_hls_bram: 66, layer_hls_dsp: 122, layer_hls_ff: 94, layer_hls_lut: 123 },
  'n-torc-conv1d': { layer_cycles: 4, layer_hls_bram: 30, layer_hls_dsp: 3, layer_hls_ff: 19, layer_hls_lut: 31 },
  'n-torc-dense': { layer_cycles: 24, layer_hls_bram: 22, layer_hls_dsp: 2, layer_hls_ff: 21, layer_hls_lut: 31 },
  'n-torc-lstm': { layer_cycles: 7, layer_hls_bram: 11, layer_hls_dsp: 2, layer_hls_ff: 6, layer_hls_lut: 10 },
  'nas-lenet': { hls_bram: 46, hls_dsp: 120, hls_ff: 185, hls_lut: 184 },
  'wa-hls4ml-flat': { cycles: 2, bram: 53, dsp: 2, ff: 16, lut: 14 },
  'wa-hls4ml-records': { cycles: 13, interval: 17, hls_bram: 50, hls_dsp: 45, hls_ff: 48, hls_lut: 58, bram: 57, dsp: 28, ff: 42, lut: 45 },
};

async function everyRecord(): Promise<DesignRecord[]> {
  const out: DesignRecord[] = [];
  for await (const item of readInput(dataPath(), { defaults: { ioType: 'io_stream' } })) {
    if (item.kind !== 'draft') continue;
    const decoded = decodeRecord({ schemaVersion: 1, id: '0'.repeat(16), ...item.draft });
    if (decoded.ok) out.push(decoded.record);
  }
  return out;
}

describe("hls4ml's rules, family by family, on every report in the data", () => {
  it('are no worse than when last measured, for every family and check', async () => {
    const report = ruleReport(await everyRecord());
    const measured = new Set<string>();
    for (const s of report.scores) {
      const ceiling = CEILINGS[s.family]?.[s.check];
      expect(ceiling, `no figure recorded for ${s.family} / ${s.check} (sMAPE ${s.smape.toFixed(1)} %)`).toBeDefined();
      expect(s.smape, `${s.family} / ${s.check}; worst: ${JSON.stringify(s.worst)}`).toBeLessThanOrEqual(ceiling!);
      measured.add(`${s.family}/${s.check}`);
    }
    // A family or check that disappears (a reader broke, a check stopped matching) fails too.
    const expected = Object.entries(CEILINGS).flatMap(([family, checks]) => Object.keys(checks).map((c) => `${family}/${c}`));
    expect([...measured].sort()).toEqual(expected.sort());
    expect(report.failures).toEqual([]);
    expect(ruleReportMarkdown(report)).toContain('| wa-hls4ml-flat | 8928 |');
  }, 120_000);
});
