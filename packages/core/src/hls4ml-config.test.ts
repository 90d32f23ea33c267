import { describe, expect, it } from 'vitest';
import { HlsestError } from './errors.js';
import { parseHls4mlConfigText } from './hls4ml-config.js';
import { formatPrecision } from './precision.js';

// Shaped like the hls4ml_config.yml that hls4ml's writer leaves in a project folder.
const WRITTEN_BY_HLS4ML = `Backend: Vitis
ClockPeriod: 5
HLSConfig:
  LayerName:
    fc1:
      Precision:
        weight: fixed<8,2>
        result: fixed<16,6>
      ReuseFactor: 4
  LayerType:
    Dense:
      Strategy: Resource
  Model:
    Precision: fixed<16,6>
    ReuseFactor: 1
    Strategy: Latency
IOType: io_stream
InputShape: !!python/tuple [16]
KerasModel: !keras_model 'jets/hls4ml_prj/keras_model.h5'
Part: xcu250-figd2104-2L-e
`;

describe('parseHls4mlConfigText', () => {
  it('reads a config hls4ml wrote, tags and all', () => {
    const config = parseHls4mlConfigText(WRITTEN_BY_HLS4ML, 'hls4ml_config.yml');
    expect(config.clockPeriodNs).toBe(5);
    expect(config.ioType).toBe('io_stream');
    expect(config.part).toBe('xcu250-figd2104-2L-e');
    expect(config.backend).toBe('vitis');
    expect(config.model.strategy).toBe('latency');
    expect(config.layerType['Dense']?.strategy).toBe('resource');
    expect(config.layerName['fc1']?.reuseFactor).toBe(4);
    expect(formatPrecision(config.layerName['fc1']!.precision!.weight!)).toBe('fixed<8,2>');
  });

  it('reads the JSON form too', () => {
    const config = parseHls4mlConfigText('{"Model": {"ReuseFactor": "8", "Strategy": "Resource"}}');
    expect(config.model).toMatchObject({ reuseFactor: 8, strategy: 'resource' });
  });

  it.each([
    ['broken YAML', 'HLSConfig:\n  Model: [unclosed', /not valid YAML or JSON/],
    ['a list', '- 1\n- 2', /must be a mapping/],
    ['a bad reuse factor', 'Model:\n  ReuseFactor: 0', /Model\.ReuseFactor must be a positive integer/],
    ['an unknown strategy', 'Model:\n  Strategy: Fastest', /unknown strategy "Fastest"/],
  ])('refuses %s with a message naming the file', (_, text, reason) => {
    const parse = () => parseHls4mlConfigText(text, 'my_config.yml');
    expect(parse).toThrow(HlsestError);
    expect(parse).toThrow(/my_config\.yml/);
    expect(parse).toThrow(reason);
  });
});
