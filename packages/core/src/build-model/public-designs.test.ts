import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../../test/data-root.js';
import { configureNetwork } from '../hls4ml-config.js';
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
  });
});
