import { describe, expect, it } from 'vitest';
import { csvRowToDraft, missingColumns, readCsvMapping } from './csv-mapping.js';
import { WA_HLS4ML_FLAT } from '../csv-mappings/wa-hls4ml-flat.js';

const row = (overrides: Record<string, string> = {}): Record<string, string> => ({
  model_name: '/output/2layer_run_vsynth_2023-2/raw_reports/dense_96_24_80_2b',
  d_in: '96',
  d_out: '80',
  prec: '2',
  model_file: '63a35bbe.tar.gz',
  model_string: '96-24-80',
  rf: '1024',
  strategy: 'resource',
  TargetClockPeriod_hls: '5.00',
  EstimatedClockPeriod_hls: '4.188',
  BestLatency_hls: '2115',
  WorstLatency_hls: '2117',
  IntervalMin_hls: '2115',
  IntervalMax_hls: '2117',
  BRAM_18K_hls: '2.5',
  DSP_hls: '0',
  FF_hls: '8981',
  LUT_hls: '11894',
  URAM_hls: '0',
  ...overrides,
});

describe('the wa-hls4ml flat CSV mapping', () => {
  it('reads the *_hls resource columns as post-synthesis, BRAM tiles doubled, and ignores the interval copies', () => {
    const result = csvRowToDraft(row(), WA_HLS4ML_FLAT, 'flat.csv', 'row 2');
    if (!result.ok) throw new Error(result.rejection.reason);
    const { draft } = result;
    expect(draft.results.synth).toEqual({ bram18k: 5, dsp: 0, ff: 8981, lut: 11894, uram: 0 });
    expect(draft.results.hls).toBeUndefined();
    expect(draft.results.latency).toEqual({ cyclesMin: 2115, cyclesMax: 2117, targetClockNs: 5, estimatedClockNs: 4.188 });
    expect(draft.config).toMatchObject({ strategy: 'resource', reuseFactor: 1024, precision: 'fixed<16,6>', part: 'xcu250-figd2104-2L-e', ioType: 'io_parallel' });
    expect(draft.provenance).toMatchObject({ source: 'wa-hls4ml', format: 'csv', sourceId: '63a35bbe.tar.gz', position: 'row 2' });
  });

  it('builds the network from model_string with weights fixed<prec,1>', () => {
    const result = csvRowToDraft(row(), WA_HLS4ML_FLAT, 'flat.csv', 'row 2');
    if (!result.ok) throw new Error(result.rejection.reason);
    const layers = result.draft.network.layers;
    expect(layers.map((l) => l.outputShape)).toEqual([[96], [24], [80]]);
    expect(layers[1]).toMatchObject({ className: 'QDense', params: 96 * 24 + 24, precision: { weight: 'fixed<2,1>', bias: 'fixed<2,1>' } });
  });

  it.each([
    [{ model_name: '/output/conv2d_run/raw_reports/conv2d_4' }, 'convolution layers are not described'],
    [{ model_string: '96-x-80' }, 'is not a list of layer widths'],
    [{ DSP_hls: 'n/a' }, 'column DSP_hls: "n/a" is not a number'],
    [{ prec: '2.5' }, 'column prec: "2.5" is not a bit width'],
    [{ LUT_hls: '' }, 'lack one of BRAM, DSP, FF, LUT'],
  ])('rejects a bad row: %j', (overrides, reason) => {
    const result = csvRowToDraft(row(overrides), WA_HLS4ML_FLAT, 'flat.csv', 'row 9');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.rejection).toEqual({ file: 'flat.csv', position: 'row 9', reason: expect.stringContaining(reason) });
  });

  it('validates user mappings and reports missing columns', () => {
    expect(() => readCsvMapping({ name: 'x', requiredColumns: [], columns: {}, constants: {}, network: { kind: 'none' } }, 'm.json')).toThrow(/m\.json: invalid CSV mapping: requiredColumns/);
    expect(() => readCsvMapping({ name: 'x', requiredColumns: ['a'], columns: { a: { field: 'synth.bogus' } }, constants: {}, network: { kind: 'none' } }, 'm.json')).toThrow(/columns\.a\.field/);
    expect(missingColumns(WA_HLS4ML_FLAT, ['model_name', 'prec'])).toContain('model_string');
  });
});
