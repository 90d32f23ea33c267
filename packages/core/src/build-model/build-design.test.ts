import { describe, expect, it } from 'vitest';
import { buildDesign } from './build-design.js';
import { bram18kForRom, estimateProduct } from './operand-widths.js';
import { parsePrecision } from '../precision.js';
import { resolveDevice } from '../boards.js';
import { configureNetwork } from '../hls4ml-config.js';
import { parseKerasModel } from '../keras/parse-keras-model.js';
import type { HlsConfig, Layer } from '../schema.js';

const dense = (name: string, nIn: number, nOut: number, inbound: string, extra: Partial<Layer> = {}): Layer => ({
  name, className: 'Dense', kind: 'dense', inputShape: [nIn], outputShape: [nOut], params: nIn * nOut + nOut, units: nOut, inbound: [inbound], ...extra,
});
const input = (n: number): Layer => ({ name: 'in', className: 'InputLayer', kind: 'input', inputShape: [n], outputShape: [n], params: 0, inbound: [] });
const config = (extra: Partial<HlsConfig> = {}): HlsConfig => ({
  strategy: 'resource', ioType: 'io_parallel', precision: parsePrecision('fixed<16,6>'), reuseFactor: 64, clockPeriodNs: 5, part: 'xcu250-figd2104-2L-e', ...extra,
});

describe('buildDesign on a Resource dense network (hand-worked)', () => {
  const layers = [input(16), dense('fc1', 16, 64, 'in'), dense('fc2', 64, 32, 'fc1')];
  const build = buildDesign(layers, config());

  it('applies reuse factors, block factors and multipliers per layer', () => {
    const [, fc1, fc2] = build.layers;
    // 16×64 at RF 64: 1024/64 = 16 multipliers; 64×32 at RF 64: 2048/64 = 32.
    expect([fc1!.reuse!.applied, fc1!.blockFactor, fc1!.multipliers, fc1!.totalMults]).toEqual([64, 16, 16, 1024]);
    expect([fc2!.reuse!.applied, fc2!.blockFactor, fc2!.multipliers, fc2!.totalMults]).toEqual([64, 32, 32, 2048]);
    // 16-bit weights × 16-bit inputs fit one DSP48E2 each.
    expect(build.totals.expectedDsp).toBe(48);
    expect(fc1!.product).toBe('dsp');
  });

  it('sizes the weight ROM: words of block_factor × width, RF deep', () => {
    const fc2 = build.layers[2]!;
    expect(fc2.weightRom).toEqual({ wordBits: 32 * 16, depth: 64, bram18k: bram18kForRom(512, 64) });
    expect(bram18kForRom(512, 64)).toBe(15); // 512×36 shape: ceil(512/36) = 15 blocks
    expect(fc2.weightBits).toBe(2048 * 16 + 32 * 16);
  });

  it('adds cycles over layers in a DATAFLOW region and takes the largest II', () => {
    expect(build.topology).toBe('dataflow');
    expect(build.cycles).toBe(64 + 3 + (64 + 3) - 1);
    expect(build.interval).toBe(64);
  });
});

describe('buildDesign, other structures', () => {
  it('keeps a Latency network as one pipeline and caps multipliers by RF and zero weights', () => {
    const layers = [input(16), dense('fc1', 16, 64, 'in', { strategy: 'latency', reuseFactor: 4 })];
    const build = buildDesign(layers, config({ strategy: 'latency', reuseFactor: 4 }), { zeroWeights: { fc1: 100 } });
    expect(build.topology).toBe('pipeline');
    expect(build.layers[1]!.multipliers).toBe(256 - 25);
    expect(build.layers[1]!.reuse).toEqual({ requested: 4, applied: 4, validated: false });
    expect(build.interval).toBe(4);
  });

  it('sizes an io_stream convolution by its padded input pixels, with a line buffer', () => {
    const net = parseKerasModel({
      class_name: 'Sequential',
      config: { layers: [{ class_name: 'Conv2D', config: { name: 'c', batch_input_shape: [null, 8, 8, 3], filters: 4, kernel_size: [3, 3], padding: 'same' } }] },
    });
    const { layers, config: cfg } = configureNetwork(net.layers, undefined, { ioType: 'io_stream', strategy: 'latency', reuseFactor: 1 });
    const build = buildDesign(layers, cfg);
    const conv = build.layers[1]!;
    expect(conv.mult).toEqual({ nIn: 27, nOut: 4, applications: 64, extra: [] });
    expect(conv.lineBufferBits).toBe(2 * 8 * 3 * 16);
    // (8+2)×(8+2) padded pixels at RF 1, plus the adder tree.
    expect(conv.cycles).toBe(100 + Math.ceil(Math.log2(27)) + 2);
    expect(conv.fifoBits).toBe(8 * 8 * 4 * 16);
    expect(build.topology).toBe('dataflow');
  });

  it('marks multiplier-free products and narrow LUT products', () => {
    const device = resolveDevice('pynq-z2');
    const p16 = parsePrecision('fixed<16,6>');
    expect(estimateProduct(parsePrecision('xnor'), p16, device)).toMatchObject({ kind: 'sign', dspPerMultiplier: 0 });
    expect(estimateProduct(parsePrecision('int<2>'), p16, device)).toMatchObject({ kind: 'sign', dspPerMultiplier: 0 });
    expect(estimateProduct(parsePrecision('exponent<4>'), p16, device)).toMatchObject({ kind: 'shift' });
    expect(estimateProduct(parsePrecision('fixed<4,1>'), p16, device)).toMatchObject({ kind: 'lut', confidence: 'likely' });
    expect(estimateProduct(parsePrecision('fixed<6,1>'), p16, device)).toMatchObject({ kind: 'lut', confidence: 'uncertain' });
    expect(estimateProduct(parsePrecision('fixed<8,1>'), p16, device)).toMatchObject({ kind: 'dsp', dspPerMultiplier: 1 });
    // 32×32 on a DSP48E1 (25×18): ceil(32/25)·ceil(32/18) = 4 slices.
    expect(estimateProduct(parsePrecision('fixed<32,8>'), parsePrecision('fixed<32,8>'), device)).toMatchObject({ dspPerMultiplier: 4 });
  });

  it('counts activation tables and notes unmodelled layers', () => {
    const layers: Layer[] = [
      input(8),
      { name: 'sm', className: 'Softmax', kind: 'activation', activation: 'softmax', inputShape: [8], outputShape: [8], params: 0, inbound: ['in'] },
      { name: 'g', className: 'GarNet', kind: 'other', inputShape: [8], outputShape: [4], params: 0, inbound: ['sm'] },
    ];
    const build = buildDesign(layers, config({ strategy: 'latency' }));
    expect(build.layers[1]!.tableBits).toBe(2 * 1024 * 18);
    expect(build.notes).toEqual(['not modelled: GarNet']);
  });
});

describe('configureNetwork overrides', () => {
  it('lets an overridden setting beat per-layer config values, and only that setting', () => {
    const net = parseKerasModel({ class_name: 'Sequential', config: { layers: [
      { class_name: 'Dense', config: { name: 'a', units: 4, batch_input_shape: [null, 8] } },
      { class_name: 'Dense', config: { name: 'b', units: 2 } },
    ] } });
    const file = { model: { reuseFactor: 2, strategy: 'latency' as const }, layerType: {}, layerName: { a: { reuseFactor: 4, strategy: 'resource' as const } } };
    const plain = configureNetwork(net.layers, file);
    expect(plain.layers.map((l) => [l.name, l.reuseFactor, l.strategy])).toEqual([['a_input', 2, 'latency'], ['a', 4, 'resource'], ['b', 2, 'latency']]);
    const rf = configureNetwork(net.layers, file, { reuseFactor: 8 });
    expect(rf.layers.map((l) => [l.name, l.reuseFactor, l.strategy])).toEqual([['a_input', 8, 'latency'], ['a', 8, 'resource'], ['b', 8, 'latency']]);
  });
});
