import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../test/data-root.js';
import { buildDesign } from './build-model/build-design.js';
import { configureNetwork } from './hls4ml-config.js';
import { parseKerasModel } from './keras/parse-keras-model.js';
import { LAYER_FEATURE_NAMES, LAYER_REUSE_FEATURES, layerTerms } from './layer-features.js';
import { TARGETS, type Target } from './targets.js';

const example = (name: string) => parseKerasModel(readFileSync(`${REPO_ROOT}/examples/${name}.json`, 'utf8'));
const termsOf = (name: string, overrides: Parameters<typeof configureNetwork>[2]) => {
  const { layers, config } = configureNetwork(example(name).layers, undefined, overrides);
  const build = buildDesign(layers, config);
  return { build, terms: layerTerms(build, layers, config) };
};
const column = (terms: ReturnType<typeof layerTerms>, target: Target) => Array.from({ length: terms.count }, (_, l) => terms.shares[l * TARGETS.length + TARGETS.indexOf(target)]!);
const feature = (terms: ReturnType<typeof layerTerms>, l: number, name: string) => terms.features[l * LAYER_FEATURE_NAMES.length + LAYER_FEATURE_NAMES.indexOf(name)]!;

describe('per-layer vectors of the shared layer network', () => {
  it('has one name per value and no duplicates', () => {
    expect(new Set(LAYER_FEATURE_NAMES).size).toBe(LAYER_FEATURE_NAMES.length);
  });

  it('describes the jet tagger layer by layer: four Dense products and their activations, no input', () => {
    const { build, terms } = termsOf('jet-tagger', { part: 'xc7z020clg400-1', strategy: 'latency', reuseFactor: 1 });
    const costly = build.layers.filter((b) => b.kind !== 'input' && (b.cycles > 0 || b.hls.ff > 0 || b.hls.lut > 0 || b.hls.dsp > 0 || b.hls.bram18k > 0));
    expect(terms.count).toBe(costly.length);
    expect(terms.features).toHaveLength(terms.count * LAYER_FEATURE_NAMES.length);
    const dense = Array.from({ length: terms.count }, (_, l) => l).filter((l) => feature(terms, l, 'family=dense') === 1);
    expect(dense).toHaveLength(4);
    // 16→64 first: log1p of its sizes, 16-bit operands, a DSP product.
    expect(feature(terms, dense[0]!, 'log_nin')).toBeCloseTo(Math.log1p(16));
    expect(feature(terms, dense[0]!, 'log_nout')).toBeCloseTo(Math.log1p(64));
    expect(feature(terms, dense[0]!, 'weight_width')).toBe(16);
    expect(feature(terms, dense[0]!, 'product=dsp')).toBe(1);
    expect(feature(terms, dense[0]!, 'io_stream')).toBe(0);
  });

  it('weights each layer by its share of the rule: every target sums to 1 over the layers, or to 0 where none adds to it', () => {
    const { build, terms } = termsOf('jet-tagger', { part: 'xc7z020clg400-1', strategy: 'resource', reuseFactor: 4 });
    for (const target of TARGETS) {
      const sum = column(terms, target).reduce((a, b) => a + b, 0);
      expect([0, 1]).toContainEqual(expect.closeTo(sum, 6));
    }
    // The DSPs are the Dense layers' alone: their shares follow their DSP counts.
    const withDsp = build.layers.filter((b) => b.kind !== 'input' && (b.cycles > 0 || b.hls.ff > 0 || b.hls.lut > 0 || b.hls.dsp > 0 || b.hls.bram18k > 0));
    const total = withDsp.reduce((a, b) => a + b.hls.dsp, 0);
    expect(column(terms, 'hls_dsp')).toEqual(withDsp.map((b) => expect.closeTo(b.hls.dsp / total, 6)));
  });

  it('sees the reuse factor only in its last block, as hls4ml applies it', () => {
    const at = (reuseFactor: number) => termsOf('jet-tagger', { part: 'xc7z020clg400-1', strategy: 'resource', reuseFactor });
    const [two, eight, seven] = [at(2), at(8), at(7)];
    const width = LAYER_FEATURE_NAMES.length;
    const reuse = width - LAYER_REUSE_FEATURES.length;
    expect(LAYER_FEATURE_NAMES.slice(reuse)).toEqual(LAYER_REUSE_FEATURES);
    expect(eight.terms.count).toBe(two.terms.count);
    const block = (terms: ReturnType<typeof layerTerms>, from: number, to: number) => Array.from({ length: terms.count }, (_, l) => Array.from(terms.features.subarray(l * width + from, l * width + to)));
    // Everything before the block is the same at RF 2 and 8…
    expect(block(eight.terms, 0, reuse)).toEqual(block(two.terms, 0, reuse));
    // …which holds each kernel's applied reuse factor and multipliers per step (16×64 at RF 8: 8, 128).
    const dense = eight.build.layers.filter((b) => b.kind !== 'input' && (b.cycles > 0 || b.hls.ff > 0 || b.hls.lut > 0 || b.hls.dsp > 0 || b.hls.bram18k > 0));
    expect(dense[0]!.mult?.nIn).toBe(16);
    expect(Math.expm1(feature(eight.terms, 0, 'log_reuse'))).toBeCloseTo(8);
    expect(Math.expm1(feature(eight.terms, 0, 'log_block_factor'))).toBeCloseTo(128);
    // Layers without a kernel (activations) carry none.
    const relu = Array.from({ length: eight.terms.count }, (_, l) => l).find((l) => feature(eight.terms, l, 'family=activation') === 1)!;
    expect(feature(eight.terms, relu, 'log_reuse')).toBe(0);
    // RF 7 is built as the nearest valid factor: the same hardware, the same vectors.
    expect(seven.build.layers.map((l) => l.reuse?.applied)).toEqual(eight.build.layers.map((l) => l.reuse?.applied));
    expect(Array.from(seven.terms.features)).toEqual(Array.from(eight.terms.features));
  });

  it('marks streamed CNN layers and sizes their convolutions', () => {
    const { terms } = termsOf('svhn-cnn', { part: 'xcu250-figd2104-2L-e', strategy: 'resource', reuseFactor: 1, ioType: 'io_stream' });
    const conv = Array.from({ length: terms.count }, (_, l) => l).filter((l) => feature(terms, l, 'family=conv2d') === 1);
    expect(conv.length).toBeGreaterThan(0);
    for (let l = 0; l < terms.count; l++) expect(feature(terms, l, 'io_stream')).toBe(1);
    expect(feature(terms, conv[0]!, 'log_line_buffer_bits')).toBeGreaterThan(0);
  });
});
