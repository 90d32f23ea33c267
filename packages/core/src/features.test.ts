import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../test/data-root.js';
import { extractFeatures, FEATURE_NAMES, featureCount, networkFeatures, writeFeatures } from './features.js';
import { configureNetwork } from './hls4ml-config.js';
import { parseKerasModel } from './keras/parse-keras-model.js';
import { parsePrecision } from './precision.js';
import { ruleEstimate } from './rule-estimate.js';

const example = (name: string) => parseKerasModel(readFileSync(`${REPO_ROOT}/examples/${name}.json`, 'utf8'));
const featuresOf = (values: Float64Array) => (name: string) => {
  const index = FEATURE_NAMES.indexOf(name);
  if (index < 0) throw new Error(`no feature ${name}`);
  return values[index]!;
};
const log = Math.log1p;

describe('feature extraction, hand-checked', () => {
  it('has one name per value and no duplicate names', () => {
    expect(new Set(FEATURE_NAMES).size).toBe(FEATURE_NAMES.length);
    expect(featureCount()).toBe(FEATURE_NAMES.length);
  });

  it('describes the 3-layer jet tagger (16→64→32→32→5, Latency, RF 1, fixed<16,6>, PYNQ-Z2)', () => {
    const { layers, config } = configureNetwork(example('jet-tagger').layers, undefined, { part: 'xc7z020clg400-1', strategy: 'latency', reuseFactor: 1 });
    const { values, build } = extractFeatures({ layers, config });
    const f = featuresOf(values);
    expect(f('n_layers')).toBeCloseTo(log(5));
    expect(f('n_weight_layers')).toBeCloseTo(log(4));
    expect(f('count_dense')).toBeCloseTo(log(4));
    expect(f('activation_relu')).toBeCloseTo(log(3));
    expect(f('activation_softmax')).toBeCloseTo(log(1));
    // Dense inputs 16, 64, 32, 32; outputs 64, 32, 32, 5; parameters 1088, 2080, 1056, 165.
    expect([f('dense_in_mean'), f('dense_in_min'), f('dense_in_max')]).toEqual([log(36), log(16), log(64)].map((v) => expect.closeTo(v, 12)));
    expect(f('dense_out_mean')).toBeCloseTo(log(33.25));
    expect(f('dense_params_max')).toBeCloseTo(log(2080));
    expect(f('dense_rf_max')).toBeCloseTo(log(1));
    expect(f('total_params')).toBeCloseTo(log(4389));
    expect([f('input_size'), f('output_size'), f('model_width'), f('model_integer')]).toEqual([log(16), log(5), 16, 6].map((v) => expect.closeTo(v, 12)));
    // 1024 + 2048 + 1024 + 160 products, all unrolled at RF 1, each 16×16 on one DSP.
    expect(f('rule_mults')).toBeCloseTo(log(4256));
    expect(f('rule_multipliers')).toBeCloseTo(log(4256));
    expect(f('rule_dsp')).toBeCloseTo(log(4256));
    expect(f('rule_weight_bits')).toBeCloseTo(log(4389 * 16));
    expect(f('rule_dataflow')).toBe(0);
    expect(f('capacity_dsp')).toBeCloseTo(log(220));
    expect(f('dsp48e2')).toBe(0);
    expect([f('strategy=latency'), f('strategy=resource'), f('ioType=io_parallel'), f('device=xc7z020'), f('device=other')]).toEqual([1, 0, 1, 1, 0]);
    expect(f('hls4ml=other')).toBe(1);
    expect(ruleEstimate('dsp', build)).toBe(4256);
  });

  it('describes the SVHN-style CNN (Resource, RF 27, io_stream, fixed<8,3>, ZCU102)', () => {
    const { layers, config } = configureNetwork(example('svhn-cnn').layers, undefined, {
      part: 'xczu9eg-ffvb1156-2-e',
      strategy: 'resource',
      ioType: 'io_stream',
      reuseFactor: 27,
      precision: parsePrecision('ap_fixed<8,3>'),
    });
    const { values, build } = extractFeatures({ layers, config, toolchain: { hlsTool: 'vitis_hls', hlsToolVersion: '2023.2', hls4mlVersion: '1.1.0' } });
    const f = featuresOf(values);
    expect([f('count_conv2d'), f('count_pooling'), f('count_dense')]).toEqual([log(3), log(3), log(3)].map((v) => expect.closeTo(v, 12)));
    // Conv inputs 32·32·3 = 3072, 15·15·16 = 3600, 6·6·16 = 576.
    expect([f('conv2d_in_mean'), f('conv2d_in_min'), f('conv2d_in_max')]).toEqual([log(2416), log(576), log(3600)].map((v) => expect.closeTo(v, 12)));
    // 30·30·27·16 + 13·13·144·16 + 4·4·144·24 + 96·42 + 42·64 + 64·10 multiplications.
    expect(f('rule_mults')).toBeCloseTo(log(388_800 + 389_376 + 55_296 + 4032 + 2688 + 640));
    // conv_0: 27×16 at RF 27 is valid; conv_1, conv_2 (144×n): 27 → 24; dense 42→64: 21; 64→10: 32.
    expect(build.layers.filter((b) => b.reuse).map((b) => b.reuse!.applied)).toEqual([27, 24, 24, 24, 21, 32]);
    expect(f('rule_rf_adjusted_layers')).toBe(5);
    expect(f('rule_max_rf')).toBeCloseTo(log(32));
    // Line buffers: (3−1) rows × width × channels × 8 bits for each conv.
    expect(f('rule_line_buffer_bits')).toBeCloseTo(log(2 * 32 * 3 * 8 + 2 * 15 * 16 * 8 + 2 * 6 * 16 * 8));
    expect(f('rule_dataflow')).toBe(1);
    expect([f('ioType=io_stream'), f('device=xczu9eg'), f('hls4ml=1.1'), f('hlsTool=vitis_hls_2023')]).toEqual([1, 1, 1, 1]);
  });

  it('maps values it has never seen to "other" instead of failing', () => {
    const { layers, config } = configureNetwork(example('jet-tagger').layers, undefined, { part: 'xc9unknown-part' });
    const f = featuresOf(extractFeatures({ layers, config, toolchain: { hls4mlVersion: '9.9.9', hlsTool: 'catapult' } }).values);
    expect([f('device=other'), f('hls4ml=other'), f('hlsTool=other')]).toEqual([1, 1, 1]);
    expect(f('dsp48e2')).toBe(0.5);
  });

  it('writes the same vector into a batch row, over whatever the row held, with the network part shared', () => {
    const svhn = example('svhn-cnn');
    const network = networkFeatures(configureNetwork(svhn.layers, undefined, { reuseFactor: 9, strategy: 'resource' }).layers);
    const width = featureCount();
    const batch = new Float64Array(3 * width).fill(Number.NaN);
    const parts = ['xc7z020clg400-1', 'xczu9eg-ffvb1156-2-e', 'xc9unknown-part'];
    parts.forEach((part, row) => {
      const { config } = configureNetwork([], undefined, { part, reuseFactor: 9, strategy: 'resource', ioType: row === 1 ? 'io_stream' : 'io_parallel' });
      const build = writeFeatures(network, config, { hls4mlVersion: '1.0.0' }, batch, row * width);
      const alone = extractFeatures({ layers: network.layers, config, toolchain: { hls4mlVersion: '1.0.0' } });
      expect([...batch.subarray(row * width, (row + 1) * width)]).toEqual([...alone.values]);
      expect(build.totals).toEqual(alone.build.totals);
    });
  });
});
