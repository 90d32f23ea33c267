import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../../test/data-root.js';
import { configureNetwork, readHls4mlConfig } from '../hls4ml-config.js';
import { parseKerasModel } from '../keras/parse-keras-model.js';
import { parsePrecision } from '../precision.js';
import { withSparsity } from '../weights.js';
import { buildDesign } from './build-design.js';

/**
 * The rules against C-synthesis totals of public designs that are not in the fitted data, so a
 * refit that only chases its own data shows here. Factor-of-two bounds: the example model is
 * close to, not the same as, the reported one.
 */
describe('rules on public designs outside the data', () => {
  it('the hls4ml tutorial CNN (part 6, pruned to 50 %, Vivado HLS 2020.1, xcu250): cycles, DSPs, FFs and LUTs within 2×', () => {
    // fastmachinelearning/hls4ml-tutorial @ 5a2b7c8, pruned_cnn/.../myproject_csynth.rpt: latency 1,044,
    // II 1,028, DSP48E 5,414, FF 52,549, LUT 245,466 (io_stream, Latency, RF 1, ap_fixed<16,6>; the
    // tutorial's model adds BatchNormalization, and does not prune its output layer).
    const network = parseKerasModel(readFileSync(`${REPO_ROOT}/examples/svhn-cnn.json`, 'utf8'));
    const { layers, config } = configureNetwork(network.layers, undefined, { ioType: 'io_stream', strategy: 'latency', reuseFactor: 1, precision: parsePrecision('ap_fixed<16,6>'), board: 'alveo-u250' });
    const pruned = withSparsity(layers, Object.fromEntries(layers.filter((l) => l.name !== 'output').map((l) => [l.name, 0.5])));
    const design = buildDesign(pruned, config, { toolchain: { hlsTool: 'vivado_hls', hlsToolVersion: '2020.1' } });
    const within2x = (estimate: number, reported: number) => expect(Math.abs(Math.log(estimate / reported))).toBeLessThan(Math.log(2));
    within2x(design.cycles, 1044);
    within2x(design.interval, 1028);
    within2x(design.hls.dsp, 5414);
    within2x(design.hls.ff, 52_549);
    within2x(design.hls.lut, 245_466);
    // Its streamed ReLUs: 855–859 LUTs for 16 channels of 16 bits, 1,231 for 24 (relu_array_array_…_config5/10/15).
    const reluLuts = ['conv_0_relu', 'conv_2_relu'].map((name) => design.layers.find((l) => l.name === name)!.hls.lut);
    expect(Math.abs(reluLuts[0]! - 857) / 857).toBeLessThan(0.25);
    expect(Math.abs(reluLuts[1]! - 1231) / 1231).toBeLessThan(0.25);
  });

  it('a convolutional autoencoder (Vivado HLS 2019.2, io_stream, Resource, ap_fixed<32,16>): cycles, II and BRAM within 10 %', () => {
    // ChiRuiChen/AutoEncoder_hls4ml @ dd6f3c2, myproject_csynth.rpt: latency 96,165, II 95,949,
    // BRAM_18K 285 (254 in 105 per-element FIFOs, 31 in weight ROMs), DSP48E 118, FF 51,414,
    // LUT 33,365 on an xc7z020; RFs as its parameters.h applies them. Every `same` convolution gets
    // hls4ml's ZeroPadding node, and each tensor one FIFO per channel.
    const conv = (name: string, filters: number, extra: Record<string, unknown> = {}) => ({ class_name: 'Conv2D', config: { name, filters, kernel_size: [3, 3], padding: 'same', activation: 'relu', ...extra } });
    const pool = (name: string) => ({ class_name: 'MaxPooling2D', config: { name, pool_size: [2, 2] } });
    const up = (name: string) => ({ class_name: 'UpSampling2D', config: { name, size: [2, 2] } });
    const network = parseKerasModel({
      class_name: 'Sequential',
      config: { layers: [
        conv('c1', 8, { batch_input_shape: [null, 32, 32, 1] }), pool('p1'), conv('c2', 4), pool('p2'), conv('c3', 4), pool('p3'),
        conv('c4', 4), up('u1'), conv('c5', 4), up('u2'), conv('c6', 8), up('u3'), conv('c7', 1),
      ] },
    });
    const rf = { c1: 9, c2: 72, c3: 36, c4: 36, c5: 36, c6: 36, c7: 72 };
    const file = readHls4mlConfig({ HLSConfig: { Model: { Precision: 'ap_fixed<32,16>', ReuseFactor: 64, Strategy: 'Resource' }, LayerName: Object.fromEntries(Object.entries(rf).map(([n, r]) => [n, { ReuseFactor: r }])) }, IOType: 'io_stream', Part: 'xc7z020clg400-1' });
    const { layers, config } = configureNetwork(network.layers, file);
    const design = buildDesign(layers, config, { toolchain: { hlsTool: 'vivado_hls', hlsToolVersion: '2019.2', hls4mlVersion: '0.6.0' } });
    expect(design.layers.filter((l) => l.kind === 'zeropadding')).toHaveLength(7);
    const within = (estimate: number, reported: number, share: number) => expect(Math.abs(estimate - reported) / reported).toBeLessThan(share);
    within(design.cycles, 96_165, 0.1);
    within(design.interval, 95_949, 0.1);
    within(design.hls.bram18k, 285, 0.1);
    within(design.hls.dsp, 118, 0.25);
    const within2x = (estimate: number, reported: number) => expect(Math.abs(Math.log(estimate / reported))).toBeLessThan(Math.log(2));
    within2x(design.hls.ff, 51_414);
    within2x(design.hls.lut, 33_365);
  });
});
