import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { configureNetwork, parseKerasModel, parseOnnxModel, parsePrecision, readHls4mlConfig, type Hls4mlConfig, type Network } from '@hlsest/core';
import { REPO_ROOT } from '../../../test/data-root.js';
import { loadDefaultPredictor } from './node.js';
import type { Predictor } from './predictor.js';

const jetTagger = () => parseKerasModel(readFileSync(`${REPO_ROOT}/examples/jet-tagger.json`, 'utf8'));
const MODELS: Record<string, () => Network> = {
  'jet tagger': jetTagger,
  // As hls4ml 1.x's config_from_keras_model(granularity='name') writes it: every result and accumulator `auto`.
  'jet tagger, auto types': jetTagger,
  // A DATAFLOW top asked for, and the larger layers' weights on top-level BRAM ports.
  'jet tagger, DATAFLOW, BramFactor 1024': jetTagger,
  'SVHN CNN': () => parseKerasModel(readFileSync(`${REPO_ROOT}/examples/svhn-cnn.json`, 'utf8')),
  'QONNX MLP': () => parseOnnxModel(new Uint8Array(readFileSync(`${REPO_ROOT}/packages/core/test-fixtures/onnx/qonnx-mlp.onnx`))),
  'small CNN (ONNX)': () => parseOnnxModel(new Uint8Array(readFileSync(`${REPO_ROOT}/packages/core/test-fixtures/onnx/small-cnn.onnx`))),
};
const AUTO_TYPES = readHls4mlConfig({
  HLSConfig: { Model: { Precision: 'ap_fixed<16,6>' }, LayerName: Object.fromEntries(['fc1', 'fc2', 'fc3', 'output'].map((n) => [n, { Precision: { result: 'auto', accum: 'auto' } }])) },
});
const CONFIGS: Record<string, Hls4mlConfig | undefined> = {
  'jet tagger, auto types': AUTO_TYPES,
  'jet tagger, DATAFLOW, BramFactor 1024': readHls4mlConfig({ HLSConfig: { Model: { Precision: 'ap_fixed<16,6>', PipelineStyle: 'dataflow', BramFactor: 1024 } } }),
};
const BOARDS = ['pynq-z2', 'zcu102', 'alveo-u250'];
const STRATEGIES = ['latency', 'resource'] as const;
const IO = ['io_parallel', 'io_stream'] as const;
const PRECISIONS = ['ap_fixed<4,2>', 'ap_fixed<8,3>', 'ap_fixed<16,6>', 'ap_fixed<24,10>'];
const RFS = [1, 2, 3, 7, 16, 64, 1024];

let predictor: Predictor;
beforeAll(async () => {
  predictor = await loadDefaultPredictor();
});

/**
 * Whatever the design, an estimate keeps physics and hls4ml: whole, non-negative, bounded
 * counts with lo ≤ value ≤ hi; cycles ≥ 1; 1 ≤ II ≤ latency; and, where hls4ml's rule is
 * monotone in the reuse factor (Resource: fewer multipliers, more cycles), so is the estimate.
 */
describe('estimates keep their invariants over models × boards × strategies × IO × precisions × reuse factors', () => {
  it.each(Object.keys(MODELS))('%s', (name) => {
    const network = MODELS[name]!();
    let checked = 0;
    for (const board of BOARDS) {
      for (const strategy of STRATEGIES) {
        for (const ioType of IO) {
          for (const precision of PRECISIONS) {
            const series: { dsp: number; hlsDsp: number; cycles: number; applied: number }[] = [];
            for (const reuseFactor of RFS) {
              const design = configureNetwork(network.layers, CONFIGS[name], { board, strategy, ioType, precision: parsePrecision(precision), reuseFactor });
              let estimate;
              try {
                estimate = predictor.predict(design);
              } catch (error) {
                // hls4ml's own refusals (a multidimensional softmax under io_parallel) are answers too.
                expect((error as Error).message).toMatch(/hls4ml|cannot/);
                continue;
              }
              checked++;
              const where = `${name} ${board} ${strategy} ${ioType} ${precision} RF ${reuseFactor}`;
              for (const [target, band] of Object.entries(estimate.targets)) {
                for (const v of [band.lo, band.value, band.hi]) {
                  expect(Number.isInteger(v) && v >= 0 && v <= 1e12, `${where} ${target} ${v}`).toBe(true);
                }
                expect(band.lo <= band.value && band.value <= band.hi, `${where} ${target} band`).toBe(true);
              }
              const cycles = estimate.targets.cycles!;
              const interval = estimate.targets.interval!;
              expect(cycles.value, where).toBeGreaterThanOrEqual(1);
              expect(interval.value, where).toBeGreaterThanOrEqual(1);
              expect(interval.value, where).toBeLessThanOrEqual(cycles.value);
              expect(interval.hi, where).toBeLessThanOrEqual(cycles.hi);
              const applied = Math.max(...estimate.build.layers.map((l) => l.reuse?.applied ?? 1));
              series.push({ dsp: estimate.targets.dsp!.value, hlsDsp: estimate.targets.hls_dsp!.value, cycles: cycles.value, applied });
            }
            if (strategy !== 'resource') continue;
            for (let i = 1; i < series.length; i++) {
              const [a, b] = [series[i - 1]!, series[i]!];
              if (b.applied < a.applied) continue;
              const where = `${name} ${board} ${ioType} ${precision} RF ${RFS[i - 1]}→${RFS[i]}`;
              expect(b.dsp, `${where} DSP`).toBeLessThanOrEqual(a.dsp);
              expect(b.hlsDsp, `${where} HLS DSP`).toBeLessThanOrEqual(a.hlsDsp);
              expect(b.cycles, `${where} cycles`).toBeGreaterThanOrEqual(a.cycles);
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
