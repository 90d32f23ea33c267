import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../test/data-root.js';
import { extractFeatures, FEATURE_NAMES, featureCount, networkFeatures, REUSE_FEATURES, writeFeatures } from './features.js';
import { configureNetwork } from './hls4ml-config.js';
import { parseKerasModel } from './keras/parse-keras-model.js';
import { parsePrecision } from './precision.js';

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
    // Four Dense layers, their ReLU/softmax activations split off as hls4ml does.
    expect(f('n_weight_layers')).toBeCloseTo(log(4));
    expect(f('count_dense')).toBeCloseTo(log(4));
    expect(f('activation_relu')).toBeCloseTo(log(3));
    expect(f('activation_softmax')).toBeCloseTo(log(1));
    // Dense inputs 16, 64, 32, 32; outputs 64, 32, 32, 5.
    expect([f('dense_nin_mean'), f('dense_nin_max'), f('dense_nout_mean'), f('dense_nout_max')]).toEqual([log(36), log(64), log(33.25), log(64)].map((v) => expect.closeTo(v, 12)));
    expect(f('total_params')).toBeCloseTo(log(1088 + 2080 + 1056 + 165));
    // 1024 + 2048 + 1024 + 160 products, every one 16×16 bits: a DSP each.
    expect(f('total_products')).toBeCloseTo(log(4256));
    expect([f('share_dsp_products'), f('share_lut_products'), f('share_free_products')]).toEqual([1, 0, 0]);
    expect([f('input_size'), f('output_size'), f('model_width'), f('model_integer')]).toEqual([log(16), log(5), 16, 6].map((v) => expect.closeTo(v, 12)));
    expect([f('weight_width_min'), f('weight_width_max')]).toEqual([16, 16]);
    expect(f('capacity_dsp')).toBeCloseTo(log(220));
    expect(f('dsp48e2')).toBe(0);
    expect(f('dataflow')).toBe(0);
    expect([f('strategy=latency'), f('strategy=resource'), f('ioType=io_parallel'), f('device=xc7z020'), f('device=other')]).toEqual([1, 0, 1, 1, 0]);
    // No version given: the build takes the newest rules, the features say "unknown".
    expect(f('hls4ml=other')).toBe(1);
    expect(build.totals.multipliers).toBe(4256);
  });

  it('sees the reuse factor only in its last block, and only as hls4ml applies it', () => {
    const at = (reuseFactor: number) => {
      const { layers, config } = configureNetwork(example('jet-tagger').layers, undefined, { part: 'xc7z020clg400-1', strategy: 'resource', reuseFactor });
      return extractFeatures({ layers, config });
    };
    const [one, many, alike] = [at(1), at(32), at(31)];
    const reuse = FEATURE_NAMES.length - REUSE_FEATURES.length;
    expect(FEATURE_NAMES.slice(reuse)).toEqual(REUSE_FEATURES);
    // Everything but the reuse block is the same at RF 1 and RF 32…
    expect([...many.values].slice(0, reuse)).toEqual([...one.values].slice(0, reuse));
    expect([...many.values].slice(reuse)).not.toEqual([...one.values].slice(reuse));
    // …which holds the applied reuse factors (16×64 at RF 32: 32; 32×5 at RF 32: 32) and multipliers.
    const f = featuresOf(many.values);
    expect(Math.exp(f('reuse_log_max'))).toBeCloseTo(32);
    expect(Math.expm1(f('multipliers_log_total'))).toBeCloseTo(many.build.totals.multipliers);
    // RF 31 is built as the nearest valid factor: the same hardware, the same vector.
    expect(alike.build.layers.map((l) => l.reuse?.applied)).toEqual(many.build.layers.map((l) => l.reuse?.applied));
    expect([...alike.values]).toEqual([...many.values]);
  });

  it('describes the SVHN-style CNN (Resource, io_stream, fixed<8,3>, ZCU102, Vitis 2023.2, hls4ml 1.1)', () => {
    const { layers, config } = configureNetwork(example('svhn-cnn').layers, undefined, {
      part: 'xczu9eg-ffvb1156-2-e',
      strategy: 'resource',
      ioType: 'io_stream',
      reuseFactor: 27,
      precision: parsePrecision('ap_fixed<8,3>'),
    });
    const { values } = extractFeatures({ layers, config, toolchain: { hlsTool: 'vitis_hls', hlsToolVersion: '2023.2', hls4mlVersion: '1.1.0' } });
    const f = featuresOf(values);
    expect([f('count_conv2d'), f('count_pooling'), f('count_dense')]).toEqual([log(3), log(3), log(3)].map((v) => expect.closeTo(v, 12)));
    // Products per pixel 3·3·3 = 27, 3·3·16 = 144, 144; pixels 30·30, 13·13, 4·4.
    expect([f('conv2d_nin_max'), f('conv2d_apps_max')]).toEqual([log(144), log(900)].map((v) => expect.closeTo(v, 12)));
    // 30·30·27·16 + 13·13·144·16 + 4·4·144·24 + 96·42 + 42·64 + 64·10 multiplications.
    expect(f('total_products')).toBeCloseTo(log(388_800 + 389_376 + 55_296 + 4032 + 2688 + 640));
    expect(f('share_resource_layers')).toBe(1);
    expect(f('dataflow')).toBe(1);
    expect([f('ioType=io_stream'), f('device=xczu9eg'), f('hls4ml=1.1'), f('toolGroup=vitis_hls_2023')]).toEqual([1, 1, 1, 1]);
  });

  it('maps values it has never seen to "other" instead of failing', () => {
    const { layers, config } = configureNetwork(example('jet-tagger').layers, undefined, { part: 'xc9unknown-part' });
    const f = featuresOf(extractFeatures({ layers, config, toolchain: { hls4mlVersion: 'fork', hlsTool: 'catapult' } }).values);
    expect([f('device=other'), f('hls4ml=other')]).toEqual([1, 1]);
    // An HLS tool hlsest does not know is built (and so described) as the newest Vitis HLS.
    expect(f('toolGroup=vitis_hls_2023')).toBe(1);
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
