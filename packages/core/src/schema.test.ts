import { describe, expect, it } from 'vitest';
import { decodeRecord, decodeRecordOrThrow, encodeRecord, type DesignRecordJson } from './schema.js';
import { isHlsestError } from './errors.js';

export function sampleRecordJson(): DesignRecordJson {
  return {
    schemaVersion: 1,
    id: '0123456789abcdef',
    network: {
      layers: [
        { name: 'in', className: 'InputLayer', kind: 'input', inputShape: [16], outputShape: [16], params: 0, inbound: [] },
        {
          name: 'fc1',
          className: 'QDense',
          kind: 'dense',
          inputShape: [16],
          outputShape: [64],
          params: 1088,
          units: 64,
          reuseFactor: 16,
          reuseFactorKind: 'applied',
          precision: { weight: 'fixed<8,2>', result: 'ap_fixed<16, 6>' },
          inbound: ['in'],
        },
      ],
    },
    config: { strategy: 'resource', ioType: 'io_parallel', precision: 'fixed<16,6>', reuseFactor: 16, clockPeriodNs: 5, part: 'xcu250-figd2104-2L-e' },
    toolchain: { hls4mlVersion: '0.8.1', vivadoVersion: '2023.2' },
    results: { synth: { bram18k: 3, dsp: 64, ff: 1000, lut: 2000 }, latency: { cyclesMax: 20, intervalMax: 16 } },
    provenance: { source: 'test', format: 'wa-hls4ml-json', file: 'x.json', position: '0', sourceId: 'abc' },
    warnings: [],
  };
}

describe('record schema', () => {
  it('decodes precisions once and encodes them back canonically', () => {
    const result = decodeRecord(sampleRecordJson());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const fc1 = result.record.network.layers[1]!;
    expect(fc1.precision?.weight).toMatchObject({ kind: 'fixed', width: 8, integer: 2 });
    expect(result.record.config.precision).toMatchObject({ width: 16, integer: 6 });
    const encoded = encodeRecord(result.record);
    expect(encoded.network.layers[1]!.precision).toEqual({ weight: 'fixed<8,2>', result: 'fixed<16,6>' });
    expect(encoded.config.precision).toBe('fixed<16,6>');
  });

  it.each([
    [(r: DesignRecordJson) => void ((r.results as { synth?: unknown }).synth = { bram18k: -1, dsp: 0, ff: 0, lut: 0 }), 'results.synth.bram18k'],
    [(r: DesignRecordJson) => void ((r.config as { strategy: string }).strategy = 'fast'), 'config.strategy'],
    [(r: DesignRecordJson) => void (r.network.layers[1]!.precision = { weight: 'fixed<8>' }), 'network.layers.1.precision.weight'],
    [(r: DesignRecordJson) => void ((r.network.layers[1] as { kernelSize?: unknown }).kernelSize = [0]), 'network.layers.1.kernelSize.0'],
    [(r: DesignRecordJson) => void ((r as { results: unknown }).results = {}), 'results'],
    [(r: DesignRecordJson) => void ((r.config as { clockPeriodNs: unknown }).clockPeriodNs = '5'), 'config.clockPeriodNs'],
  ])('names the wrong field (%#)', (mutate, path) => {
    const json = sampleRecordJson();
    mutate(json);
    const result = decodeRecord(json);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => issue.path)).toContain(path);
  });

  it('throws a typed error listing the issues', () => {
    const json = sampleRecordJson();
    (json.config as { part: string }).part = '';
    try {
      decodeRecordOrThrow(json, 'records.jsonl:3');
      expect.unreachable();
    } catch (error) {
      expect(isHlsestError(error, 'HLSEST_INVALID_RECORD')).toBe(true);
      expect((error as Error).message).toMatch(/records\.jsonl:3.*config\.part/);
    }
  });
});
