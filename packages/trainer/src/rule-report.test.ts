import { describe, expect, it } from 'vitest';
import type { DesignRecord } from '@hlsest/core';
import { inputRecords } from '@hlsest/ingest';
import { dataPath } from '../../../test/data-root.js';
import { ruleReport, ruleReportMarkdown, type RuleCheck } from './rule-report.js';

/**
 * The rules' sMAPE (%) per family and check when they were last measured (reports/rules/), plus
 * a point. A change that makes any of them worse fails here; one that improves them should
 * lower its figure, so the next regression shows.
 */
const CEILINGS: Readonly<Record<string, Partial<Record<RuleCheck, number>>>> = {
  'argykokk-mlp': { cycles: 16, hls_bram: 1, hls_dsp: 41, hls_ff: 21, hls_lut: 14, interval: 11, layer_cycles: 16, layer_hls_bram: 1, layer_hls_dsp: 34, layer_hls_ff: 21, layer_hls_lut: 20, layer_interval: 10 },
  'calwilee-sepconv (hls4ml dev)': { cycles: 78, hls_bram: 101, hls_dsp: 24, hls_ff: 26, hls_lut: 51, interval: 97 },
  'enet (hls4ml fork)': { cosim_cycles: 103 },
  'hls4ml-baselines': { cycles: 56, hls_bram: 1, hls_dsp: 9, hls_ff: 18, hls_lut: 16, interval: 5 },
  'kebl-cnn (hls4ml dev)': { bram: 102, cycles: 141, dsp: 136, ff: 96, hls_bram: 60, hls_dsp: 136, hls_ff: 99, hls_lut: 112, interval: 134, layer_cycles: 84, layer_hls_bram: 48, layer_hls_dsp: 143, layer_hls_ff: 109, layer_hls_lut: 98, layer_interval: 96, lut: 159 },
  'kebl-cnn (reuseFactor unknown)': { bram: 45, cycles: 117, dsp: 174, ff: 102, hls_bram: 31, hls_dsp: 174, hls_ff: 105, hls_lut: 117, interval: 106, layer_cycles: 66, layer_hls_bram: 55, layer_hls_dsp: 133, layer_hls_ff: 79, layer_hls_lut: 56, layer_interval: 79, lut: 142 },
  'kebl-cnn (reuseFactor, strategy unknown)': { bram: 73, cycles: 187, dsp: 194, ff: 113, hls_bram: 19, hls_dsp: 194, hls_ff: 89, hls_lut: 173, interval: 191, layer_cycles: 70, layer_hls_bram: 86, layer_hls_dsp: 150, layer_hls_ff: 99, layer_hls_lut: 78, layer_interval: 97, lut: 192 },
  'kebl-cnn (strategy unknown)': { bram: 60, cycles: 67, dsp: 24, ff: 51, hls_bram: 124, hls_dsp: 19, hls_ff: 81, hls_lut: 47, interval: 67, layer_cycles: 41, layer_hls_bram: 73, layer_hls_dsp: 61, layer_hls_ff: 91, layer_hls_lut: 41, layer_interval: 33, lut: 31 },
  'n-torc-conv1d': { layer_cycles: 4, layer_hls_bram: 7, layer_hls_dsp: 2, layer_hls_ff: 17, layer_hls_lut: 19 },
  'n-torc-dense': { layer_cycles: 5, layer_hls_bram: 7, layer_hls_dsp: 2, layer_hls_ff: 17, layer_hls_lut: 21 },
  'n-torc-dense (inputStream unknown)': { layer_cycles: 39 },
  'n-torc-lstm': { layer_cycles: 7, layer_hls_bram: 12, layer_hls_dsp: 2, layer_hls_ff: 6, layer_hls_lut: 10 },
  'nas-lenet (hls4ml 0.4)': { hls_bram: 39, hls_dsp: 120, hls_ff: 184, hls_lut: 188 },
  'wa-hls4ml-flat': { bram: 14, cycles: 2, dsp: 2, ff: 3, lut: 6 },
  'wa-hls4ml-records': { bram: 30, cycles: 10, dsp: 10, ff: 19, hls_bram: 23, hls_dsp: 24, hls_ff: 12, hls_lut: 30, interval: 10, lut: 18 },
};

async function everyRecord(): Promise<DesignRecord[]> {
  const out: DesignRecord[] = [];
  for await (const record of inputRecords(dataPath(), { defaults: { ioType: 'io_stream' } })) out.push(record);
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
    // ArgyKokk's Latency kernels at RF 100: a layer with ≥ 4× another's products reports ≤ 1/3 of its cycles.
    const folded = report.evidence['argykokk-mlp']?.foldedLatency;
    expect(folded?.setting).toMatch(/RF 100$/);
    expect(folded!.large.products).toBeGreaterThanOrEqual(4 * folded!.small.products);
    expect(3 * folded!.large.cycles).toBeLessThanOrEqual(folded!.small.cycles);
    expect(report.evidence['wa-hls4ml-flat']?.foldedLatency).toBeUndefined();
    // ...and its figures without the designs built so: every RF 100 design, none at RF 1 or 2.
    const argyCycles = report.scores.find((s) => s.family === 'argykokk-mlp' && s.check === 'cycles')!;
    const heldOut = folded!.excluded.cycles!;
    expect(heldOut.n).toBe(argyCycles.n / 3);
    const argyRest = (argyCycles.smape * argyCycles.n - heldOut.sum) / (argyCycles.n - heldOut.n);
    expect(argyRest).toBeLessThan(argyCycles.smape);
    expect(ruleReportMarkdown(report)).toContain(`Without the designs built so: latency (cycles) ${argyRest.toFixed(1)} % (goal 10 %)`);
    // The 0-cycle designs' own share of the baselines' latency figure.
    const baselines = report.evidence['hls4ml-baselines']!;
    expect(baselines.zeroLatency).toBe(20);
    expect(baselines.zeroLatencyErrors).toBeGreaterThanOrEqual(100 * baselines.zeroLatency);
    // DSPs the rules have nothing to put on: designs reporting some where every counted product is a LUT one.
    const unbuilt = report.evidence['wa-hls4ml-records']?.dspWithoutProducts;
    expect(unbuilt?.designs).toBeGreaterThan(0);
    expect(unbuilt!.min).toBeGreaterThan(0);
    expect(report.evidence['hls4ml-baselines']?.dspWithoutProducts).toBeUndefined();
    // C-synthesis LUTs far beyond what synthesis built: the records' Vivado HLS 2019.1 design at 96×.
    const phantom = report.evidence['wa-hls4ml-records']?.lutBeyondSynthesis;
    expect(phantom?.designs).toBe(1);
    expect(phantom!.minRatio).toBeGreaterThan(10);
    expect(phantom!.othersMax).toBeLessThan(10);
    expect(phantom!.points).toBeGreaterThan(0);
    expect(report.evidence['wa-hls4ml-flat']?.lutBeyondSynthesis).toBeUndefined();
    // The evidence says what the family's figure is over its other designs.
    const lut = report.scores.find((s) => s.family === 'wa-hls4ml-records' && s.check === 'hls_lut')!;
    const rest = ((lut.smape - phantom!.points) * lut.n) / (lut.n - 1);
    expect(ruleReportMarkdown(report)).toContain(`HLS LUT sMAPE. Without it, ${rest.toFixed(1)} % (goal 25 %).`);
    // A check that misses its goal says which settings its misses come from, and they add up to its figure.
    for (const s of report.scores) {
      expect(s.misses !== undefined, `${s.family} / ${s.check}`).toBe(s.meetsGoal === false);
      if (s.misses) expect(s.misses.reduce((sum, m) => sum + m.points, 0)).toBeCloseTo(s.smape, 6);
      if (s.misses) expect(s.misses.map((m) => m.points)).toEqual([...s.misses.map((m) => m.points)].sort((a, b) => b - a));
    }
  }, 120_000);
});
