import { describe, expect, it } from 'vitest';
import { waRecordToDraft } from './wa-record.js';

const record = () => ({
  meta_data: { uuid: 'u-1', model_name: 'dense_16_8' },
  model_config: [
    { class_name: 'QDense', input_shape: [null, 16], output_shape: [null, 8], parameters: 136, neurons: 8, use_bias: true, reuse_factor: 16 },
    { class_name: 'QActivation', input_shape: [null, 8], output_shape: [null, 8], inbound_layers: ['q_dense'], activation: 'quantized_relu(8,1)', parameters: 0 },
  ],
  hls_config: {
    Model: { Precision: { default: 'fixed<16,6>' }, ReuseFactor: 20, Strategy: 'Resource' },
    LayerName: { q_dense: { Precision: { weight: 'fixed<8,2,TRN,WRAP,0>', bias: 'auto', result: 'auto' } } },
  },
  resource_report: { bram: '1.5', dsp: '8', ff: '100', lut: '200' },
  hls_resource_report: { bram: '4', dsp: '8', ff: '150', lut: '900', uram: '0' },
  latency_report: { cycles_min: '20', cycles_max: '21', interval_min: '16', interval_max: '16', target_clock: '5.00', estimated_clock: '4.1' },
  target_part: 'xcu250-figd2104-2L-e',
  vivado_version: '2023.2',
  hls4ml_version: '0.8.1',
});

describe('waRecordToDraft', () => {
  it('keeps label kinds apart and converts post-synthesis BRAM tiles to 18K blocks', () => {
    const result = waRecordToDraft(record(), 'f.json', '0', 'wa-hls4ml', 'test');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { draft } = result;
    expect(draft.results.synth).toEqual({ bram18k: 3, dsp: 8, ff: 100, lut: 200 });
    expect(draft.results.hls).toEqual({ bram18k: 4, dsp: 8, ff: 150, lut: 900, uram: 0 });
    expect(draft.results.latency).toEqual({ cyclesMin: 20, cyclesMax: 21, intervalMin: 16, intervalMax: 16, targetClockNs: 5, estimatedClockNs: 4.1 });
    expect(draft.config).toMatchObject({ strategy: 'resource', precision: 'fixed<16,6>', reuseFactor: 20, part: 'xcu250-figd2104-2L-e', clockPeriodNs: 5 });
    expect(draft.toolchain).toEqual({ hls4mlVersion: '0.8.1', hlsTool: 'vitis_hls', hlsToolVersion: '2023.2', vivadoVersion: '2023.2' });
    expect(draft.provenance).toEqual({ source: 'wa-hls4ml', format: 'wa-hls4ml-json', file: 'f.json', position: '0', sourceId: 'u-1', subset: 'test' });
  });

  it('names unnamed layers from the inbound references and adds the implicit input', () => {
    const result = waRecordToDraft(record(), 'f.json', '0', 'wa-hls4ml');
    if (!result.ok) throw new Error(result.rejection.reason);
    const layers = result.draft.network.layers;
    expect(layers.map((l) => [l.name, l.kind])).toEqual([
      ['q_dense_input', 'input'],
      ['q_dense', 'dense'],
      ['qactivation_1', 'activation'],
    ]);
    expect(layers[1]).toMatchObject({ reuseFactor: 16, reuseFactorKind: 'applied', precision: { weight: 'fixed<8,2,TRN,WRAP,0>' }, inbound: ['q_dense_input'] });
    // `auto` result and accumulator types are left to the build model's inference; an `auto` bias is the default.
    expect(layers[1]!.autoPrecision).toEqual(['result']);
    expect(layers[1]!.precision).not.toHaveProperty('result');
    expect(layers[1]!.precision).not.toHaveProperty('bias');
  });

  it('marks a layer whose ApplyAlpha node the config names (qkeras_factorize_alpha), as a power-of-two scale', () => {
    const plain = waRecordToDraft(record(), 'f.json', '0', 'wa-hls4ml');
    if (!plain.ok) throw new Error(plain.rejection.reason);
    expect(plain.draft.network.layers[1]).not.toHaveProperty('quantizerAlpha');
    const value = record();
    Object.assign(value.hls_config.LayerName, { q_dense_alpha: { Precision: 'auto' } });
    const scaled = waRecordToDraft(value, 'f.json', '0', 'wa-hls4ml');
    if (!scaled.ok) throw new Error(scaled.rejection.reason);
    expect(scaled.draft.network.layers[1]!.quantizerAlpha).toBe('auto_po2');
  });

  it.each([
    [(r: any) => delete r.hls_config, 'no hls_config'],
    [(r: any) => (r.model_config = []), 'no model_config layers'],
    [(r: any) => delete r.target_part, 'no target_part'],
    [(r: any) => Object.assign(r, { resource_report: {}, hls_resource_report: {}, latency_report: {} }), 'all reports are empty'],
    [(r: any) => delete r.model_config[0].input_shape, 'has no input_shape'],
  ])('rejects with a reason (%#)', (mutate, reason) => {
    const value = record();
    mutate(value);
    const result = waRecordToDraft(value, 'f.json', '3', 'wa-hls4ml');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.rejection).toMatchObject({ file: 'f.json', position: '3', reason: expect.stringContaining(reason) });
  });

  it('marks records keyed by model_id as rule4ml', () => {
    const value = { ...record(), meta_data: { model_id: 'abc' } };
    const result = waRecordToDraft(value, 'f.json', '0', 'rule4ml');
    expect(result.ok && result.draft.provenance).toMatchObject({ format: 'rule4ml-json', sourceId: 'abc' });
  });
});
