import { describe, expect, it } from 'vitest';
import { buildDesign, movedRomBits, shiftRegisterLuts } from './build-design.js';
import { bram18kForRom, estimateProduct } from './operand-widths.js';
import { memoryStorage, priceOperators, profileOf, synthTransferOf, toolProfile } from './tool-profiles.js';
import { constantMultiplicationShare, kernelSpread, significantBits } from './constant-products.js';
import { DEFAULT_PRECISION, parsePrecision } from '../precision.js';
import { resolveDevice } from '../boards.js';
import { configureNetwork } from '../hls4ml-config.js';
import { parseKerasModel } from '../keras/parse-keras-model.js';
import { isHlsestError } from '../errors.js';
import type { HlsConfig, Layer, Toolchain } from '../schema.js';

const dense = (name: string, nIn: number, nOut: number, inbound: string, extra: Partial<Layer> = {}): Layer => ({
  name, className: 'Dense', kind: 'dense', inputShape: [nIn], outputShape: [nOut], params: nIn * nOut + nOut, units: nOut, inbound: [inbound], ...extra,
});
const input = (n: number): Layer => ({ name: 'in', className: 'InputLayer', kind: 'input', inputShape: [n], outputShape: [n], params: 0, inbound: [] });
const config = (extra: Partial<HlsConfig> = {}): HlsConfig => ({
  strategy: 'resource', ioType: 'io_parallel', precision: parsePrecision('fixed<16,6>'), reuseFactor: 64, clockPeriodNs: 5, part: 'xcu250-figd2104-2L-e', ...extra,
});
const VITIS_2023: Toolchain = { hlsTool: 'vitis_hls', hlsToolVersion: '2023.2', hls4mlVersion: '0.8.1' };

describe('buildDesign on a Resource dense network (hand-worked)', () => {
  const layers = [input(16), dense('fc1', 16, 64, 'in'), dense('fc2', 64, 32, 'fc1')];
  const build = buildDesign(layers, config(), { toolchain: VITIS_2023 });
  const profile = toolProfile(VITIS_2023);

  it('applies reuse factors, block factors and multipliers per layer', () => {
    const [, fc1, fc2] = build.layers;
    // 16×64 at RF 64: 1024/64 = 16 multipliers; 64×32 at RF 64: 2048/64 = 32.
    expect([fc1!.reuse!.applied, fc1!.blockFactor, fc1!.multipliers, fc1!.totalMults]).toEqual([64, 16, 16, 1024]);
    expect([fc2!.reuse!.applied, fc2!.blockFactor, fc2!.multipliers, fc2!.totalMults]).toEqual([64, 32, 32, 2048]);
    // Resource weights come from a ROM: no constant folding, 16-bit × 16-bit fits one DSP48E2 each.
    expect(build.totals.expectedDsp).toBe(48);
    expect(build.hls.dsp).toBe(48);
    expect(fc1!.product).toBe('dsp');
  });

  it('selects no operands at RF 1, where a Resource kernel has no step to share its multipliers over', () => {
    const wide = [input(16), dense('fc1', 16, 64, 'in'), dense('fc2', 64, 32, 'fc1')];
    const at = (reuseFactor: number) => buildDesign(wide, config({ reuseFactor }), { toolchain: VITIS_2023 }).layers[1]!;
    expect(at(1).operators).toMatchObject({ productBits: 0, muxBits: 0 });
    expect(at(2).operators.productBits).toBe(512 * 32);
    expect(at(2).operators.muxBits).toBeGreaterThan(0);
    // So the costs fitted where every multiplier is shared hundreds of times do not price RF 1 at
    // many times the Latency kernel the same products make (the jet tagger had 648k LUTs).
    for (const toolchain of [VITIS_2023, { hlsTool: 'vitis_hls', hlsToolVersion: '2024.2' } as const, { hlsTool: 'vivado_hls', hlsToolVersion: '2020.1' } as const]) {
      const lut = (strategy: HlsConfig['strategy']) => buildDesign(wide, config({ strategy, reuseFactor: 1 }), { toolchain }).hls.lut;
      expect(lut('resource'), toolchain.hlsToolVersion).toBeLessThan(4 * lut('latency'));
    }
  });

  it('sizes the weight ROM: words of block_factor × width, RF deep, stored where the tool puts them', () => {
    const fc2 = build.layers[2]!;
    expect(fc2.weightRom).toMatchObject({ wordBits: 32 * 16, depth: 64 });
    expect(fc2.weightRom!.bram18k).toBe(memoryStorage(512, 64, profile).bram18k);
    expect(fc2.weightBits).toBe(2048 * 16 + 32 * 16);
  });

  it('tabulates the accumulator offsets of a kernel whose RF exceeds its inputs, as narrow as the offsets', () => {
    // dense_resource_rf_gt_nin_rem0: outidx[RF] holds 0 … RF/n_in − 1; fc1 (RF 64, n_in 16): 2 bits × 64, in LUTs.
    const [, fc1, fc2] = build.layers;
    expect(fc1!.indexRam).toEqual({ wordBits: 2, depth: 64, bram18k: 0 });
    expect(fc2!.indexRam).toBeUndefined(); // RF 64 = n_in: dense_resource_rf_leq_nin has no table
    const wide = buildDesign([input(128), dense('fc', 128, 64, 'in')], config({ reuseFactor: 1024 }), { toolchain: VITIS_2023 });
    const fc = wide.layers[1]!;
    expect(fc.indexRam).toEqual({ wordBits: 3, depth: 1024, bram18k: 1 });
    expect(fc.hls.bram18k).toBe(fc.weightRom!.bram18k + 1);
    // Synthesis moves the weight ROM by the tool's transfer and keeps the table.
    const transfer = synthTransferOf(profile, VITIS_2023).bram18k;
    expect(wide.totals.indexBram18k).toBe(1);
    expect(wide.synth.bram18k).toBe(Math.round(fc.weightRom!.bram18k * transfer) + 1);
    const latency = buildDesign([input(128), dense('fc', 128, 64, 'in')], config({ reuseFactor: 1024, strategy: 'latency' }), { toolchain: VITIS_2023 });
    expect(latency.layers[1]!.indexRam).toBeUndefined();
  });

  it('adds cycles over layers in a DATAFLOW region and takes the largest II', () => {
    expect(build.topology).toBe('dataflow');
    const fill = profile.timing.foldedFillCycles;
    expect(build.cycles).toBe(64 + fill + (64 + fill) + profile.timing.dataflowCycles);
    expect(build.interval).toBe(64);
  });

  it('prices every layer with the profile and sums the design, with the top function\'s output port', () => {
    const sum = (k: 'ff' | 'lut') => build.layers.reduce((s, l) => s + l.hls[k], 0);
    const last = build.layers.at(-1)!;
    expect(build.totals.outputPortBits).toBe(32 * last.resultWidth);
    expect(build.hls.ff).toBe(sum('ff') + Math.round(profile.ff.top.portBits * build.totals.outputPortBits));
    expect(build.hls.lut).toBe(sum('lut') + Math.round(profile.lut.top.portBits * build.totals.outputPortBits));
    expect(profile.lut.top.portBits).toBeGreaterThan(0);
    expect(build.hls.lut).toBeGreaterThan(0);
  });

  it('marks the layers that meet the top function\'s ports in io_parallel only', () => {
    const [, first, second] = build.layers;
    expect(first!.readsPort).toBe(true);
    expect(first!.writesPort).toBeUndefined();
    expect(second!.readsPort).toBeUndefined();
    expect(second!.writesPort).toBe(true);
    const streamed = buildDesign([input(128), dense('fc', 128, 64, 'in'), dense('out', 64, 32, 'fc')], config({ ioType: 'io_stream' }), { toolchain: VITIS_2023 });
    expect(streamed.totals.outputPortBits).toBe(0);
    expect(streamed.layers.some((l) => l.readsPort || l.writesPort)).toBe(false);
  });
});

describe('buildDesign, other structures', () => {
  it('caps Latency multipliers by RF and zero weights (ALLOCATION multiplier_limit)', () => {
    const layers = [input(16), dense('fc1', 16, 64, 'in', { strategy: 'latency', reuseFactor: 4, weights: { count: 1024, zeros: 100 } })];
    const build = buildDesign(layers, config({ strategy: 'latency', reuseFactor: 4 }));
    expect(build.topology).toBe('pipeline');
    expect(build.layers[1]!.multipliers).toBe(256 - 25);
    expect(build.layers[1]!.multipliersDense).toBe(256);
    expect(build.layers[1]!.reuse).toEqual({ requested: 4, applied: 4, validated: false });
  });

  it('builds 8×8-bit products of variables in LUTs, while 8-bit constants keep a share on DSPs', () => {
    const p8 = parsePrecision('ap_fixed<8,3>');
    const layers = [input(16), dense('fc1', 16, 64, 'in', { precision: { weight: p8, bias: p8, result: p8, accum: p8 } })];
    const at = (strategy: 'resource' | 'latency', precision: string) => buildDesign(layers, config({ strategy, reuseFactor: 4, precision: parsePrecision(precision) }), { toolchain: { hlsTool: 'vivado_hls', hlsToolVersion: '2019.1' } }).layers[1]!;
    expect(at('resource', 'ap_fixed<8,3>')).toMatchObject({ product: 'lut', expectedDsp: 0 });
    // A 16-bit input needs the DSP again.
    expect(at('resource', 'ap_fixed<16,6>')).toMatchObject({ product: 'dsp', expectedDsp: 256 });
    expect(at('latency', 'ap_fixed<8,3>').product).toBe('dsp');
  });

  it("counts the registers a pipelined top keeps between its layers (the report's Register line)", () => {
    const layers = [input(16), dense('fc1', 16, 8, 'in'), dense('fc2', 8, 4, 'fc1')];
    const latency = config({ strategy: 'latency', reuseFactor: 1 });
    const vitis: Toolchain = { hlsTool: 'vitis_hls', hlsToolVersion: '2021.1' };
    const build = buildDesign(layers, latency, { toolchain: vitis });
    expect(build.topology).toBe('pipeline');
    expect(build.totals.topRegisterBits).toBe((8 + 4) * 16);
    const layerFf = build.layers.reduce((sum, l) => sum + l.hls.ff, 0);
    expect(build.hls.ff).toBe(layerFf + Math.round(profileOf('vitis_hls_2020').ff.top.pipelineBits * (8 + 4) * 16));
    // One timed layer waits for no call; a DATAFLOW design has FIFOs instead.
    expect(buildDesign(layers.slice(0, 2), latency, { toolchain: vitis }).totals.topRegisterBits).toBe(0);
    expect(buildDesign(layers, config({ strategy: 'latency', reuseFactor: 1, ioType: 'io_stream' }), { toolchain: vitis }).totals.topRegisterBits).toBe(0);
  });

  it('gives max pooling a select at every node of its tree, average pooling none', () => {
    const pool = (className: string) =>
      buildDesign(
        parseKerasModel({ class_name: 'Sequential', config: { layers: [{ class_name: className, config: { name: 'p', batch_input_shape: [null, 8, 8, 4], pool_size: [2, 2] } }] } }).layers,
        config({ strategy: 'latency', reuseFactor: 1 }),
      ).layers[1]!.operators;
    // io_parallel: 4×4×4 outputs, 3 nodes per 2×2 window, 16 bits.
    expect(pool('MaxPooling2D').muxBits).toBe(64 * 3 * 16);
    expect(pool('AveragePooling2D').muxBits).toBe(0);
    expect(pool('AveragePooling2D').adderBits).toBe(64 * 3 * 16);
  });

  it('folds a LeakyReLU of slope 1 into a wire in io_parallel, keeps its stream copy in io_stream, and prices a power-of-two slope as a shift', () => {
    const leaky = (alpha: number, ioType: 'io_parallel' | 'io_stream' = 'io_parallel') =>
      buildDesign(
        parseKerasModel({ class_name: 'Sequential', config: { layers: [
          { class_name: 'Dense', config: { name: 'd', units: 64, batch_input_shape: [null, 1] } },
          { class_name: 'LeakyReLU', config: { name: 'a', alpha } },
        ] } }).layers,
        config({ strategy: 'latency', reuseFactor: 1, ioType }),
        { toolchain: VITIS_2023 },
      ).layers.find((l) => l.name === 'a')!;
    expect(leaky(1).hls).toEqual({ bram18k: 0, dsp: 0, ff: 0, lut: 0 });
    expect(leaky(1).cycles).toBe(0);
    expect(leaky(1, 'io_stream').cycles).toBeGreaterThan(0);
    expect(leaky(1, 'io_stream').operators.lutProductBits).toBe(0);
    expect(leaky(0.5).operators.lutProductBits).toBe(0);
    expect(leaky(0.3).operators.lutProductBits).toBeGreaterThan(0);
  });

  it('registers every call of a pipelined top, a 0-cycle ReLU too, and once more after each kernel at RF 1', () => {
    const mlp = parseKerasModel({ class_name: 'Sequential', config: { layers: [
      { class_name: 'Dense', config: { name: 'd1', units: 16, batch_input_shape: [null, 8], activation: 'relu' } },
      { class_name: 'Dense', config: { name: 'd2', units: 4 } },
    ] } }).layers;
    const base = profileOf('vitis_hls_2020');
    const profile = { ...base, timing: { ...base.timing, pipelineCyclesPerLayer: 1, kernelCallCycles: 1 } };
    const at = (reuseFactor: number) => buildDesign(mlp, config({ strategy: 'latency', reuseFactor }), { profile });
    for (const [rf, kernelRegisters] of [[1, 2], [2, 0]] as const) {
      const build = at(rf);
      expect(build.topology).toBe('pipeline');
      const calls = build.layers.filter((l) => l.kind !== 'input');
      expect(calls.map((l) => l.name)).toEqual(['d1', 'd1_relu', 'd2']);
      expect(calls.find((l) => l.name === 'd1_relu')!.cycles).toBe(0);
      expect(build.cycles).toBe(calls.reduce((sum, l) => sum + l.cycles, 0) + (calls.length - 1) + kernelRegisters);
    }
  });

  it('reads the weights of a layer past BramFactor from a top-level port: no ROM in the design, no constant folding', () => {
    const mlp = [input(16), dense('fc1', 16, 64, 'in'), dense('fc2', 64, 4, 'fc1')];
    const latency = (bramFactor?: number) => buildDesign(mlp, config({ strategy: 'latency', reuseFactor: 1, ...(bramFactor && { bramFactor }) }), { toolchain: VITIS_2023 });
    const [, fc1, fc2] = latency(512).layers;
    // fc1's 1,024 weights exceed 512: every product is a real 16 × 16 multiplication; fc2's 256 stay constants.
    expect(fc1!.expectedDsp).toBe(1024);
    expect(fc1!.notes.some((n) => n.includes('BramFactor 512'))).toBe(true);
    expect(fc2!.expectedDsp).toBe(latency().layers[2]!.expectedDsp);
    expect(latency().layers[1]!.expectedDsp).toBeLessThan(1024);
    const resource = (bramFactor?: number) => buildDesign(mlp, config({ strategy: 'resource', reuseFactor: 16, ...(bramFactor && { bramFactor }) }), { toolchain: VITIS_2023 }).layers[1]!;
    expect(resource().weightRom!.bram18k).toBeGreaterThan(0);
    expect(resource(512).weightRom).toBeUndefined();
    expect(resource(512).hls.bram18k).toBe(resource(512).indexRam?.bram18k ?? 0);
  });

  it("schedules an io_parallel top as each hls4ml release's writer does, PipelineStyle included", () => {
    const mlp = [input(16), dense('fc1', 16, 32, 'in'), dense('fc2', 32, 8, 'fc1')];
    const cnn = parseKerasModel({ class_name: 'Sequential', config: { layers: [
      { class_name: 'Conv1D', config: { name: 'c', filters: 4, kernel_size: [3], batch_input_shape: [null, 16, 2] } },
    ] } }).layers;
    const topology = (layers: Layer[], hls4mlVersion: string, extra: Partial<HlsConfig>) => buildDesign(layers, config({ reuseFactor: 1, ...extra }), { toolchain: { ...VITIS_2023, hls4mlVersion } }).topology;
    // v1.0+ (SetPipelineStyle): auto pipelines dense Latency and resource_unrolled, flows convolutions and Resource; a named style wins.
    expect(topology(mlp, '1.1.0', { strategy: 'latency' })).toBe('pipeline');
    expect(topology(mlp, '1.1.0', { strategy: 'resource_unrolled', reuseFactor: 4 })).toBe('pipeline');
    expect(topology(mlp, '1.1.0', { strategy: 'resource', reuseFactor: 4 })).toBe('dataflow');
    expect(topology(cnn, '1.1.0', { strategy: 'latency' })).toBe('dataflow');
    expect(topology(mlp, '1.1.0', { strategy: 'latency', pipelineStyle: 'dataflow' })).toBe('dataflow');
    expect(topology(mlp, '1.1.0', { strategy: 'resource', reuseFactor: 4, pipelineStyle: 'pipeline' })).toBe('pipeline');
    // v0.8 (_validate_hls_config): DATAFLOW on request, and whatever the request for Resource or a convolution.
    expect(topology(mlp, '0.8.1', { strategy: 'latency', pipelineStyle: 'dataflow' })).toBe('dataflow');
    expect(topology(mlp, '0.8.1', { strategy: 'resource', reuseFactor: 4, pipelineStyle: 'pipeline' })).toBe('dataflow');
    expect(topology(cnn, '0.8.1', { strategy: 'latency', pipelineStyle: 'pipeline' })).toBe('dataflow');
    // v0.7 (vivado_writer.py): the model's strategy alone decides; PipelineStyle does not exist.
    expect(topology(cnn, '0.7.1', { strategy: 'latency' })).toBe('pipeline');
    expect(topology(mlp, '0.7.1', { strategy: 'latency', pipelineStyle: 'dataflow' })).toBe('pipeline');
    expect(topology(mlp, '0.7.1', { strategy: 'resource', reuseFactor: 4 })).toBe('dataflow');
  });

  it('lets a streamed ReLU that fits in the clock hand each beat on without a fill of its own; a table lookup has one', () => {
    const net = (activation?: string) =>
      parseKerasModel({ class_name: 'Sequential', config: { layers: [
        { class_name: 'Dense', config: { name: 'd', units: 64, batch_input_shape: [null, 1] } },
        ...(activation ? [{ class_name: 'Activation', config: { name: 'a', activation } }] : []),
      ] } }).layers;
    const toolchain: Toolchain = { hlsTool: 'vitis_hls', hlsToolVersion: '2024.1', hls4mlVersion: '0.8.1' };
    const cycles = (activation?: string) => buildDesign(net(activation), config({ strategy: 'latency', reuseFactor: 1, ioType: 'io_stream' }), { toolchain }).cycles;
    // hls4ml's test_activations on Vitis HLS 2024.1 (io_stream): ReLU 2 cycles, ELU and sigmoid 4.
    expect(cycles('relu')).toBe(cycles());
    expect(cycles('elu')).toBeGreaterThan(cycles('relu'));
  });

  it('lets synthesis rebuild a shallow FIFO C-synthesis put in BRAM as LUTRAM where the tool profile says so (Vitis HLS 2024)', () => {
    const cnn = parseKerasModel({ class_name: 'Sequential', config: { layers: [
      { class_name: 'Conv1D', config: { name: 'c', filters: 16, kernel_size: [3], batch_input_shape: [null, 40, 8] } },
      { class_name: 'Activation', config: { name: 'a', activation: 'relu' } },
    ] } }).layers;
    const at = (toolchain: Toolchain) => buildDesign(cnn, config({ strategy: 'latency', reuseFactor: 1, ioType: 'io_stream' }), { toolchain });
    const vitis = at({ hlsTool: 'vitis_hls', hlsToolVersion: '2024.2', hls4mlVersion: '1.1.0' });
    const fifo = vitis.layers.find((l) => l.name === 'c')!.fifo!;
    expect(fifo.depth).toBe(38);
    expect(fifo.bram18k).toBeGreaterThan(0);
    expect(profileOf('vitis_hls_2024').lutramFifoDepth).toBeGreaterThanOrEqual(fifo.depth);
    expect(vitis.hls.bram18k).toBeGreaterThanOrEqual(fifo.bram18k);
    expect(vitis.synth.bram18k).toBe(vitis.hls.bram18k - fifo.bram18k);
    // Vivado HLS keeps C-synthesis's binding: no report shows otherwise.
    const vivado = at({ hlsTool: 'vivado_hls', hlsToolVersion: '2020.1', hls4mlVersion: '0.8.1' });
    expect(vivado.synth.bram18k).toBe(vivado.hls.bram18k);
    expect(vivado.hls.bram18k).toBeGreaterThan(0);
  });

  it("spans a softmax's reduction trees over whole clock periods: fewer cycles at a slower clock", () => {
    const layers: Layer[] = [input(16), { name: 'sm', className: 'Softmax', kind: 'activation', activation: 'softmax', inputShape: [16], outputShape: [16], params: 0, inbound: ['in'] }];
    const softmaxAt = (clockPeriodNs: number) => buildDesign(layers, { ...config({ strategy: 'latency', reuseFactor: 1 }), clockPeriodNs }, { toolchain: { hlsTool: 'vitis_hls', hlsToolVersion: '2021.1' } }).layers[1]!.cycles;
    const t = profileOf('vitis_hls_2020').timing;
    // 16 inputs: 4 levels in each of the stable softmax's two trees.
    expect(softmaxAt(3.33)).toBe(t.softmaxCycles + Math.ceil((8 * t.softmaxLevelNs) / 3.33));
    expect(softmaxAt(5)).toBeLessThan(softmaxAt(3.33));
    expect(softmaxAt(10)).toBeLessThan(softmaxAt(5));
  });

  it('says that an accelerator backend\'s AXI wrapper is not in the estimate', () => {
    const layers = [input(16), dense('fc1', 16, 8, 'in')];
    const notesFor = (backend: HlsConfig['backend']) => buildDesign(layers, config({ ...(backend && { backend }) }), { toolchain: VITIS_2023 }).notes.join(' ');
    expect(notesFor('vivado_accelerator')).toMatch(/VivadoAccelerator: .*AXI wrapper .* not priced/);
    expect(notesFor('vivado')).not.toMatch(/AXI wrapper/);
    expect(notesFor(undefined)).not.toMatch(/AXI wrapper/);
  });

  it('gives a pooling layer its configured result type, and the input type only where that is auto', () => {
    const relu6 = parsePrecision('ufixed<6,0>');
    const wide = parsePrecision('fixed<16,6>');
    const layers = (pool: Partial<Layer>): Layer[] => [
      { ...input(64), inputShape: [8, 8, 1], outputShape: [8, 8, 1] },
      { name: 'relu', className: 'QActivation', kind: 'activation', activation: 'relu', inputShape: [8, 8, 1], outputShape: [8, 8, 1], params: 0, inbound: ['in'], precision: { result: relu6 } },
      { name: 'pool', className: 'MaxPooling2D', kind: 'pooling2d', inputShape: [8, 8, 1], outputShape: [4, 4, 1], poolSize: [2, 2], params: 0, inbound: ['relu'], ...pool },
      { ...dense('fc', 16, 4, 'pool'), inputShape: [16] },
    ];
    const fcInput = (pool: Partial<Layer>) => buildDesign(layers(pool), config({ ioType: 'io_stream' }), { toolchain: VITIS_2023 }).layers.find((l) => l.name === 'fc')!.inputWidth;
    // A Vivado HLS 2019.2 project's reports name it: pooling2d_cl<array<ap_ufixed<6,0>>, array<ap_fixed<16,6>>>.
    expect(fcInput({ precision: { result: wide } })).toBe(16);
    expect(fcInput({ precision: { result: wide }, autoPrecision: ['result'] })).toBe(6);
  });

  it("shares an io_stream softmax's lookups and products over its reuse factor, as the pipeline's II", () => {
    const layers: Layer[] = [input(13), { name: 'sm', className: 'Softmax', kind: 'activation', activation: 'softmax', inputShape: [13], outputShape: [13], params: 0, inbound: ['in'] }];
    const softmaxAt = (reuseFactor: number, ioType: HlsConfig['ioType'] = 'io_stream') =>
      buildDesign(layers, config({ strategy: 'resource', reuseFactor, ioType }), { toolchain: { hlsTool: 'vivado_hls', hlsToolVersion: '2019.2' } }).layers[1]!;
    // 13 outputs at RF 256: one multiplier, II 13; one exp table copy serves the 13 lookups, plus the inverse table.
    const shared = softmaxAt(256);
    expect(shared.operators.dsp).toBe(1);
    expect(shared.operators.bram18k).toBe(2);
    expect(shared.interval).toBe(13);
    // RF 4: ceil(13 / 4) = 4 multipliers, II floor(13 / 4) = 3.
    expect(softmaxAt(4).operators.dsp).toBe(4);
    expect(softmaxAt(4).interval).toBe(3);
    // RF 1 and io_parallel: every product and lookup of its own.
    for (const full of [softmaxAt(1), softmaxAt(256, 'io_parallel')]) {
      expect(full.operators.dsp).toBe(13);
      expect(full.operators.bram18k).toBe(13);
    }
    expect(shared.cycles).toBeGreaterThan(softmaxAt(1).cycles);
  });

  it('gives an element-wise layer a cycle (and registers) of its own only where its logic does not fit in the clock period', () => {
    const relu = (clockPeriodNs: number) =>
      buildDesign(
        parseKerasModel({ class_name: 'Sequential', config: { layers: [
          { class_name: 'Dense', config: { name: 'd', units: 64, batch_input_shape: [null, 16] } },
          { class_name: 'Activation', config: { name: 'a', activation: 'relu' } },
        ] } }).layers,
        { ...config({ strategy: 'latency', reuseFactor: 1 }), clockPeriodNs },
        { toolchain: { hlsTool: 'vitis_hls', hlsToolVersion: '2021.1' } },
      ).layers.find((l) => l.name === 'a')!;
    const ns = profileOf('vitis_hls_2020').timing.activationNs;
    expect(ns).toBeGreaterThan(3.33);
    expect(ns).toBeLessThan(5);
    expect(relu(5)).toMatchObject({ cycles: 0, hls: { ff: 0 } });
    expect(relu(3.33).cycles).toBe(1);
    expect(relu(3.33).hls.ff).toBeGreaterThan(0);
    expect(relu(5).hls.lut).toBe(relu(3.33).hls.lut);
    // A table in BRAM is read on a clock edge: it keeps its registers at 0 cycles.
    const sigmoid = buildDesign(
      parseKerasModel({ class_name: 'Sequential', config: { layers: [
        { class_name: 'Dense', config: { name: 'd', units: 64, batch_input_shape: [null, 1] } },
        { class_name: 'Activation', config: { name: 'a', activation: 'sigmoid' } },
      ] } }).layers,
      config({ strategy: 'latency', reuseFactor: 1 }),
      { toolchain: { hlsTool: 'vivado_hls', hlsToolVersion: '2020.1' } },
    ).layers.find((l) => l.name === 'a')!;
    expect(sigmoid.operators.bram18k).toBeGreaterThan(0);
    expect(sigmoid.hls.ff).toBeGreaterThan(0);
  });

  it('builds a divider per output where Vivado HLS divides padded average-pooling windows by their pixel count', () => {
    const design = (className: string, padding: string, toolchain: Toolchain, ioType: 'io_parallel' | 'io_stream' = 'io_parallel') =>
      buildDesign(
        parseKerasModel({ class_name: 'Sequential', config: { layers: [{ class_name: className, config: { name: 'p', batch_input_shape: [null, 121, 3], padding } }] } }).layers,
        config({ strategy: 'latency', reuseFactor: 1, ioType }),
        { toolchain },
      );
    const pool = (...args: Parameters<typeof design>) => design(...args).layers[1]!;
    const vivado: Toolchain = { hlsTool: 'vivado_hls', hlsToolVersion: '2020.1' };
    const divider = profileOf('vivado_hls').poolingDivision;
    if (divider.kind !== 'divider') throw new Error('Vivado HLS divides padded average-pooling windows');
    // 121 inputs, pool 2, 'same': 61 windows per channel, the last one half padding.
    const padded = pool('AveragePooling1D', 'same', vivado);
    expect(padded.operators.dividers).toBe(61 * 3);
    const unpadded = pool('AveragePooling1D', 'valid', vivado);
    expect(unpadded.operators.dividers).toBe(0);
    expect(padded.cycles - unpadded.cycles).toBe(divider.cycles);
    expect(padded.hls.ff).toBeGreaterThan(61 * 3 * divider.ff);
    expect(pool('MaxPooling1D', 'same', vivado).operators.dividers).toBe(0);
    expect(pool('AveragePooling1D', 'same', VITIS_2023).operators.dividers).toBe(0);
    expect(pool('AveragePooling1D', 'same', vivado, 'io_stream').operators.dividers).toBe(0);
    // The user is told, with what avoids them.
    expect(design('AveragePooling1D', 'same', vivado).notes.join('\n')).toMatch(/p: 183 dividers.*'valid' padding, MaxPooling or Vitis HLS avoid them/);
    expect(design('AveragePooling1D', 'valid', vivado).notes.join('\n')).not.toMatch(/dividers/);
  });

  it('keeps on DSPs the constant products that stay multiplications: counted from trained weights, else from the initializer\'s spread', () => {
    const vivado: Toolchain = { hlsTool: 'vivado_hls', hlsToolVersion: '2020.1' };
    const dspOf = (extra: Partial<Layer>) => buildDesign([input(16), dense('fc1', 16, 64, 'in', extra)], config({ strategy: 'latency', reuseFactor: 1 }), { toolchain: vivado }).layers[1]!.expectedDsp;
    expect(dspOf({ weights: { count: 1024, zeros: 24, powersOfTwo: 100, multiplications: 300 } })).toBe(300);
    // LeCun-uniform over 16 inputs spans ±443 steps of 2^-10, Glorot-uniform over 16 + 64 fans ±280.
    const wide = dspOf({ kernelInit: { kind: 'variance', scale: 1, mode: 'fan_in' } });
    expect(wide).toBe(Math.round(1024 * constantMultiplicationShare(DEFAULT_PRECISION, Math.sqrt(3 / 16))));
    expect(wide).toBeGreaterThan(dspOf({}));
    expect(dspOf({ kernelInit: { kind: 'limit', limit: 0.003 } })).toBe(0);
  });

  it('folds a Resource kernel at RF 1 like constants: its one-word weight ROM keeps the constant DSP share', () => {
    const layers = [input(16), dense('fc1', 16, 64, 'in')];
    const vivado: Toolchain = { hlsTool: 'vivado_hls', hlsToolVersion: '2020.1' };
    const at = (reuseFactor: number) => buildDesign(layers, config({ strategy: 'resource', reuseFactor }), { toolchain: vivado }).layers[1]!;
    expect(at(1).expectedDsp).toBe(Math.round(1024 * constantMultiplicationShare(DEFAULT_PRECISION, kernelSpread(undefined, 16, 64))));
    // From RF 2 the ROM has depth: every multiplier is a DSP.
    expect(at(2).expectedDsp).toBe(512);
  });

  it('shares only real multiplications over RF steps on Vitis: 4-bit constants never, 16-bit ones always', () => {
    const ii = (weight: string) => {
      const layers = [input(32), dense('fc1', 32, 16, 'in', { strategy: 'latency', reuseFactor: 32, precision: { weight: parsePrecision(weight) } })];
      return buildDesign(layers, config({ strategy: 'latency', reuseFactor: 32 }), { toolchain: { hlsTool: 'vitis_hls', hlsToolVersion: '2024.2' } }).interval;
    };
    expect(ii('fixed<4,2>')).toBe(2);
    expect(ii('fixed<16,2>')).toBe(32);
    const eight = ii('fixed<8,2>');
    expect(eight).toBeGreaterThan(2);
    expect(eight).toBeLessThan(32);
  });

  it('streams a `same` convolution through the ZeroPadding node hls4ml inserts, its line buffer over the padded rows', () => {
    const net = parseKerasModel({
      class_name: 'Sequential',
      config: { layers: [
        { class_name: 'Conv2D', config: { name: 'c', batch_input_shape: [null, 8, 8, 3], filters: 4, kernel_size: [3, 3], padding: 'same' } },
        { class_name: 'ReLU', config: { name: 'r' } },
      ] },
    });
    const { layers, config: cfg } = configureNetwork(net.layers, undefined, { ioType: 'io_stream', strategy: 'latency', reuseFactor: 1 });
    const build = buildDesign(layers, cfg);
    expect(build.layers.map((l) => l.name)).toEqual(['c_input', 'zp2d_c', 'c', 'r']);
    const conv = build.layers.find((l) => l.name === 'c')!;
    expect(conv.mult).toEqual({ nIn: 27, nOut: 4, applications: 64, extra: [] });
    expect(conv.lineBufferBits).toBe(2 * 10 * 3 * 16);
    // (8+2)×(8+2) padded pixels, one per cycle at RF 1, plus the kernel's pipeline depth.
    expect(conv.interval).toBe(100);
    expect(conv.cycles).toBeGreaterThan(100);
    expect(build.layers[1]!.fifo).toMatchObject({ depth: 100, widthBits: 3 * 16 });
    expect(conv.fifo).toMatchObject({ depth: 64, widthBits: 4 * 16 });
    // The design's output streams into the top function's port: no FIFO of its own.
    expect(build.layers[3]!.fifo).toBeUndefined();
    expect(buildDesign(layers, cfg, { toolchain: { hlsTool: 'vivado_hls', hlsToolVersion: '2020.1' } }).layers[2]!.fifo).toMatchObject({ bram18k: 4 });
    expect(build.topology).toBe('dataflow');
  });

  it('has a streamed Dense read its input one stream element per cycle, through an in-place Flatten', () => {
    const build = (filters: number, length: number) => {
      const net = parseKerasModel({
        class_name: 'Sequential',
        config: {
          layers: [
            { class_name: 'Conv1D', config: { name: 'c', batch_input_shape: [null, length, 2], filters, kernel_size: [3], padding: 'same' } },
            { class_name: 'Flatten', config: { name: 'f' } },
            { class_name: 'Dense', config: { name: 'd', units: 4 } },
          ],
        },
      });
      const { layers, config: cfg } = configureNetwork(net.layers, undefined, { ioType: 'io_stream', strategy: 'resource', reuseFactor: 64 });
      return buildDesign(layers, cfg).layers.find((l) => l.name === 'd')!;
    };
    // Both Dense layers take 256 inputs at the same reuse factor: as 64 elements of 4, or 16 of 16.
    const long = build(4, 64);
    const wide = build(16, 16);
    expect(long.mult?.nIn).toBe(256);
    expect(wide.mult?.nIn).toBe(256);
    expect(long.cycles - wide.cycles).toBe(64 - 16);
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
    // A weight that fits the 18-bit port keeps one slice however wide the input (hls4ml 1.x's inferred sums).
    expect(estimateProduct(parsePrecision('fixed<16,2>'), parsePrecision('fixed<61,20>'), device)).toMatchObject({ kind: 'dsp', dspPerMultiplier: 1 });
    expect(bram18kForRom(512, 64)).toBe(15);
  });

  it('counts the softmax tables and notes unmodelled layers', () => {
    const layers: Layer[] = [
      input(8),
      { name: 'sm', className: 'Softmax', kind: 'activation', activation: 'softmax', inputShape: [8], outputShape: [8], params: 0, inbound: ['in'] },
      { name: 'g', className: 'GarNet', kind: 'other', inputShape: [8], outputShape: [4], params: 0, inbound: ['sm'] },
    ];
    const build = buildDesign(layers, config({ strategy: 'latency' }));
    expect(build.layers[1]!.tableBits).toBe(9 * 1024 * 18);
    expect(build.layers[1]!.hls.dsp).toBe(8);
    expect(build.notes).toEqual(['not modelled: GarNet']);
  });

  it("builds the softmax hls4ml defaults to: v0.6 the latency one (no max tree), v0.7 on the stable one; a named one either way", () => {
    const softmax = (extra: Partial<Layer> = {}): Layer[] => [input(8), { name: 'sm', className: 'Softmax', kind: 'activation', activation: 'softmax', inputShape: [8], outputShape: [8], params: 0, inbound: ['in'], ...extra }];
    const at = (version: string, layers = softmax()) => buildDesign(layers, config({ strategy: 'latency' }), { toolchain: { ...VITIS_2023, hls4mlVersion: version } }).layers[1]!;
    const [v06, v07, v06Stable] = [at('0.6.0'), at('0.7.1'), at('0.6.0', softmax({ implementation: 'stable' }))];
    const t = profileOf('vitis_hls_2023').timing;
    // 8 inputs: 3 levels per tree, at the config's 5 ns.
    expect(v07.cycles).toBe(t.softmaxCycles + Math.ceil((t.softmaxLevelNs * 3 * 2) / 5));
    expect(v06.cycles).toBe(t.softmaxCycles + Math.ceil((t.softmaxLevelNs * 3) / 5));
    expect(v06Stable.cycles).toBe(v07.cycles);
    // The max tree's comparators are gone: 7 adders of the 16-bit input fewer, and the subtractions.
    expect(v06.operators.adderBits).toBeLessThan(v07.operators.adderBits);
  });

  it('prices each table lookup its index logic: a sigmoid costs more than a ReLU, an ELU more than a sigmoid', () => {
    const activation = (fn: string) => {
      const layers: Layer[] = [input(64), { name: 'a', className: 'Activation', kind: 'activation', activation: fn, inputShape: [64], outputShape: [64], params: 0, inbound: ['in'] }];
      return buildDesign(layers, config({ strategy: 'latency' }), { toolchain: { hlsTool: 'vitis_hls', hlsToolVersion: '2024.1', hls4mlVersion: '1.0.0' } }).layers[1]!;
    };
    const [relu, sigmoid, elu] = ['relu', 'sigmoid', 'elu'].map(activation);
    // 64 lookups, 16-bit inputs, a 1024-entry table: a 26-bit index sum and 52 bits of clamp each.
    expect(sigmoid!.operators).toMatchObject({ adderBits: 64 * (16 + 10), muxBits: 64 * (2 * 16 + 2 * 10), bram18k: 32 });
    expect(sigmoid!.hls.lut).toBeGreaterThan(relu!.hls.lut + 64 * 20);
    expect(elu!.hls.lut).toBeGreaterThan(sigmoid!.hls.lut);
  });

  it('prices a rounding or saturating accumulator per cast and addition; the default ap_fixed has none', () => {
    const kernel = (precision: string) => {
      const layers = [input(32), dense('fc', 32, 8, 'in')];
      return buildDesign(layers, config({ strategy: 'latency', reuseFactor: 1, precision: parsePrecision(precision) }), { toolchain: { hlsTool: 'vivado_hls', hlsToolVersion: '2019.1' } }).layers[1]!;
    };
    const plain = kernel('fixed<16,8>');
    const saturating = kernel('fixed<16,8,RND,SAT>');
    expect(plain.operators.saturatingBits).toBe(0);
    // 256 products cast into accum_t, 248 additions in the 8 adder trees, 16 bits each.
    expect(saturating.operators.saturatingBits).toBe((256 + 248) * 16);
    expect(kernel('fixed<16,8,TRN,SAT>').operators.saturatingBits).toBe(saturating.operators.saturatingBits);
    expect(saturating.hls.lut).toBeGreaterThan(plain.hls.lut);
  });

  it('refuses a softmax on a multidimensional tensor in io_parallel, as hls4ml does (init_softmax)', () => {
    const layers: Layer[] = [
      { name: 'in', className: 'InputLayer', kind: 'input', inputShape: [4, 8], outputShape: [4, 8], params: 0, inbound: [] },
      { name: 'sm', className: 'Softmax', kind: 'activation', activation: 'softmax', inputShape: [4, 8], outputShape: [4, 8], params: 0, inbound: ['in'] },
    ];
    expect(() => buildDesign(layers, config({ strategy: 'latency' }))).toThrow(/Softmax with io_parallel strategy cannot be used on multidimensional tensors/);
    expect(() => buildDesign(layers, config({ strategy: 'latency', ioType: 'io_stream' }))).not.toThrow();
  });
});

describe('hls4ml strategy rules per layer kind (vivado_backend.py init_dense / init_conv2d / init_depconv2d)', () => {
  const conv = (className: string, extra: Record<string, unknown> = {}) =>
    parseKerasModel({ class_name: 'Sequential', config: { layers: [{ class_name: className, config: { name: 'k', batch_input_shape: [null, 8, 8, 2], kernel_size: [3, 3], filters: 4, ...extra } }] } }).layers;
  const strategyOf = (layers: Layer[], overrides: Parameters<typeof configureNetwork>[2], version = '1.1.0') => {
    const configured = configureNetwork(layers, undefined, overrides);
    const b = buildDesign(configured.layers, configured.config, { toolchain: { hls4mlVersion: version } }).layers.find((l) => l.name === 'k')!;
    return { strategy: b.strategy, rf: b.reuse?.applied, notes: b.notes.join(' | ') };
  };
  const denseNet = parseKerasModel({ class_name: 'Sequential', config: { layers: [{ class_name: 'Dense', config: { name: 'k', units: 8, batch_input_shape: [null, 16] } }] } }).layers;

  it('falls back from resource_unrolled to Resource at RF 1', () => {
    expect(strategyOf(denseNet, { strategy: 'resource_unrolled', reuseFactor: 1 })).toMatchObject({ strategy: 'resource', notes: expect.stringMatching(/cannot be combined with reuse factor 1/) });
    expect(strategyOf(denseNet, { strategy: 'resource_unrolled', reuseFactor: 4 }).strategy).toBe('resource_unrolled');
  });

  it('drops the largest valid RF for resource_unrolled (include_max_rf=False)', () => {
    // 16×8: valid RFs are divisors of 16 and 16·divisors of 8; the largest, 128, is not allowed.
    expect(strategyOf(denseNet, { strategy: 'resource_unrolled', reuseFactor: 200 }).rf).toBe(64);
    expect(strategyOf(denseNet, { strategy: 'resource', reuseFactor: 200 }).rf).toBe(128);
  });

  it('falls back from resource_unrolled to Resource on an io_parallel convolution, not on io_stream', () => {
    expect(strategyOf(conv('Conv2D'), { strategy: 'resource_unrolled', reuseFactor: 2 }).strategy).toBe('resource');
    expect(strategyOf(conv('Conv2D'), { strategy: 'resource_unrolled', reuseFactor: 2, ioType: 'io_stream' }).strategy).toBe('resource_unrolled');
  });

  it('builds depthwise layers with Resource or Latency only (init_depconv2d)', () => {
    expect(strategyOf(conv('DepthwiseConv2D'), { strategy: 'resource_unrolled', reuseFactor: 2 }).strategy).toBe('latency');
    expect(strategyOf(conv('DepthwiseConv2D'), { strategy: 'resource', reuseFactor: 2 }).strategy).toBe('resource');
  });

  it('knows resource_unrolled only from hls4ml 1.0', () => {
    expect(strategyOf(denseNet, { strategy: 'resource_unrolled', reuseFactor: 4 }, '0.8.1')).toMatchObject({ strategy: 'latency', notes: expect.stringMatching(/unknown to hls4ml 0\.8/) });
  });

  it('refuses distributed arithmetic above RF 1 with hls4ml\'s reason (v1.2 init_dense)', () => {
    try {
      strategyOf(denseNet, { strategy: 'distributed_arithmetic', reuseFactor: 2 }, '1.2.0');
      expect.unreachable();
    } catch (error) {
      expect(isHlsestError(error, 'HLSEST_BAD_CONFIG')).toBe(true);
      expect((error as Error).message).toMatch(/rf = 2 != 1, but has strategy = "distributed_arithmetic"/);
    }
    expect(strategyOf(denseNet, { strategy: 'distributed_arithmetic', reuseFactor: 1 }, '1.2.0').strategy).toBe('distributed_arithmetic');
  });

  it('moves an invalid ParallelizationFactor of an io_parallel convolution to the closest divisor of its output pixels', () => {
    const net = conv('Conv2D');
    const b = buildDesign(net.map((l) => (l.name === 'k' ? { ...l, parallelizationFactor: 5 } : l)), config({ strategy: 'latency', reuseFactor: 1 })).layers.find((l) => l.name === 'k')!;
    // 6×6 output pixels: valid factors are the divisors of 36; 5 → 4 (a tie goes to the smaller).
    expect(b.parallelization).toEqual({ requested: 5, applied: 4, partitions: 9 });
  });
});

describe('hls4ml graph passes by version', () => {
  const withBn = parseKerasModel({ class_name: 'Sequential', config: { layers: [
    { class_name: 'Dense', config: { name: 'd', units: 8, batch_input_shape: [null, 16] } },
    { class_name: 'BatchNormalization', config: { name: 'bn' } },
  ] } }).layers;

  it('folds a BatchNormalization into an unquantized Dense in v0.8 (fuse_batch_normalization)', () => {
    const build = buildDesign(withBn, config({ strategy: 'latency' }), { toolchain: { hls4mlVersion: '0.8.1' } });
    expect(build.layers.map((l) => l.name)).toEqual(['d_input', 'd']);
    expect(build.notes).toContain('bn: folded into d (fuse_batch_normalization)');
  });

  it('keeps it in v1.x when the Dense result type is set (only `auto` results fuse)', () => {
    const configured = configureNetwork(withBn, undefined, { strategy: 'latency' });
    const build = buildDesign(configured.layers, configured.config, { toolchain: { hls4mlVersion: '1.1.0' } });
    expect(build.layers.map((l) => l.name)).toEqual(['d_input', 'd', 'bn']);
  });

  describe('binary and ternary networks (bn_quant.py)', () => {
    const bnn = (dense: 'BinaryDense' | 'TernaryDense', act: string) => parseKerasModel({ class_name: 'Sequential', config: { layers: [
      { class_name: dense, config: { name: 'fc1', units: 64, batch_input_shape: [null, 16], use_bias: false } },
      { class_name: 'BatchNormalization', config: { name: 'bn1' } },
      { class_name: 'Activation', config: { name: 'act1', activation: act } },
      { class_name: dense, config: { name: 'fc2', units: 32, use_bias: false } },
    ] } }).layers;
    const build = (layers: ReturnType<typeof bnn>, version: string) => buildDesign(layers, config({ strategy: 'latency', reuseFactor: 1 }), { toolchain: { hls4mlVersion: version } });

    it.each(['0.8.1', '1.1.0'])('keeps a BatchNormalization after binary weights and merges it with the binary tanh into thresholds (v%s)', (version) => {
      const b = build(bnn('BinaryDense', 'binary_tanh'), version);
      expect(b.layers.map((l) => l.name)).toEqual(['fc1_input', 'fc1', 'bnbt_bn1', 'fc2']);
      const [, fc1, thresholds, fc2] = b.layers;
      // BinaryQuantizer(bits=2): the first layer's ±1 weights are ap_int<2> on 16-bit data.
      expect([fc1!.product, fc1!.weightWidth, fc1!.inputWidth]).toEqual(['sign', 2, 16]);
      expect([thresholds!.className, thresholds!.resultWidth, thresholds!.expectedDsp]).toEqual(['BatchNormalizationQuantizedTanh', 1, 0]);
      // quantize_dense_output: Xnor weights on 1-bit data, summed in ap_int<ceil(log2 64) + 2>.
      expect([fc2!.product, fc2!.weightWidth, fc2!.inputWidth, fc2!.accumWidth, fc2!.resultWidth]).toEqual(['xnor', 1, 1, 8, 8]);
      expect(b.notes).toContain('bn1 and act1: merged into bnbt_bn1, one comparison per value (merge_batch_norm_quantized_tanh)');
    });

    it('gives a ternary tanh two thresholds and keeps the next ternary weights 2-bit', () => {
      const b = build(bnn('TernaryDense', 'ternary_tanh'), '1.1.0');
      const thresholds = b.layers.find((l) => l.name === 'bnbt_bn1')!;
      const fc2 = b.layers.find((l) => l.name === 'fc2')!;
      expect([thresholds.resultWidth, thresholds.operators.adderBits]).toEqual([2, 64 * 2 * 16]);
      expect([fc2.weightWidth, fc2.inputWidth, fc2.accumWidth]).toEqual([2, 2, 8]);
    });

    it('costs the narrowed network less than the same layers at 16 bits', () => {
      const binary = build(bnn('BinaryDense', 'binary_tanh'), '1.1.0');
      const relu = build(bnn('BinaryDense', 'relu'), '1.1.0');
      expect(relu.layers.map((l) => l.name)).toEqual(['fc1_input', 'fc1', 'bn1', 'act1', 'fc2']);
      expect(binary.hls.lut).toBeLessThan(relu.hls.lut);
      expect(binary.hls.ff).toBeLessThan(relu.hls.ff);
    });
  });

  describe('QKeras quantizer alpha (qkeras_factorize_alpha)', () => {
    const qdense = (alpha: unknown) => parseKerasModel({ class_name: 'Sequential', config: { layers: [
      { class_name: 'QDense', config: { name: 'fc', units: 8, batch_input_shape: [null, 16], activation: 'relu', kernel_quantizer: { class_name: 'quantized_bits', config: { bits: 8, integer: 0, alpha } } } },
    ] } }).layers;
    const build = (alpha: unknown) => buildDesign(qdense(alpha), config({ strategy: 'latency', reuseFactor: 1 }), { toolchain: { hls4mlVersion: '1.1.0' } });

    it('inserts an ApplyAlpha scale after the layer, before its activation, unless alpha is 1 or unset', () => {
      expect(build(1).layers.map((l) => l.name)).toEqual(['fc_input', 'fc', 'fc_relu']);
      expect(build(null).layers.map((l) => l.name)).toEqual(['fc_input', 'fc', 'fc_relu']);
      const b = build('auto_po2');
      expect(b.layers.map((l) => [l.name, l.className])).toEqual([['fc_input', 'InputLayer'], ['fc', 'QDense'], ['fc_alpha', 'ApplyAlpha'], ['fc_relu', 'Activation']]);
      expect(b.notes).toContain("fc: its quantizer's alpha=auto_po2 is re-applied by fc_alpha (qkeras_factorize_alpha)");
    });

    it('shifts by a power-of-two alpha and multiplies by a trained one', () => {
      const po2 = build('auto_po2').layers.find((l) => l.name === 'fc_alpha')!;
      const two = build(2).layers.find((l) => l.name === 'fc_alpha')!;
      const trained = build('auto').layers.find((l) => l.name === 'fc_alpha')!;
      expect([po2.operators.lutProductBits, po2.expectedDsp, two.operators.lutProductBits, two.expectedDsp]).toEqual([0, 0, 0, 0]);
      expect(trained.operators.lutProductBits + trained.expectedDsp).toBeGreaterThan(0);
    });

    it('merges the alpha with a BatchNormalization after it: v0.8 keeps the alpha (a shift), v1.0+ the BatchNormalization', () => {
      const withBn = parseKerasModel({ class_name: 'Sequential', config: { layers: [
        { class_name: 'QDense', config: { name: 'fc', units: 8, batch_input_shape: [null, 16], kernel_quantizer: { class_name: 'quantized_bits', config: { bits: 8, integer: 0, alpha: 'auto_po2' } } } },
        { class_name: 'BatchNormalization', config: { name: 'bn' } },
        { class_name: 'Activation', config: { name: 'act', activation: 'relu' } },
      ] } }).layers;
      const at = (hls4mlVersion: string) => buildDesign(withBn, config({ strategy: 'latency', reuseFactor: 1 }), { toolchain: { hls4mlVersion } });
      const v08 = at('0.8.1');
      expect(v08.layers.map((l) => l.name)).toEqual(['fc_input', 'fc', 'fc_alpha', 'act']);
      expect(v08.notes).toContain('fc_alpha and bn: merged into fc_alpha (fuse_consecutive_batch_normalization)');
      const v11 = at('1.1.0');
      expect(v11.layers.map((l) => l.name)).toEqual(['fc_input', 'fc', 'bn', 'act']);
      expect(v11.notes).toContain('fc_alpha and bn: merged into bn (fuse_consecutive_batch_normalization)');
      // The merged scale is the BatchNormalization's, no longer a power of two: multiplications.
      const bn = v11.layers.find((l) => l.name === 'bn')!;
      const alpha = v08.layers.find((l) => l.name === 'fc_alpha')!;
      expect(bn.operators.lutProductBits + bn.expectedDsp).toBeGreaterThan(alpha.operators.lutProductBits + alpha.expectedDsp);
    });
  });

  it('clones an io_stream output that feeds two layers, one FIFO per copy (clone_output)', () => {
    const residual = parseKerasModel({ class_name: 'Functional', config: { layers: [
      { class_name: 'InputLayer', name: 'x', config: { name: 'x', batch_input_shape: [null, 64, 4] }, inbound_nodes: [] },
      { class_name: 'Conv1D', name: 'c', config: { name: 'c', filters: 4, kernel_size: [3], padding: 'same' }, inbound_nodes: [[['x', 0, 0, {}]]] },
      { class_name: 'Add', name: 'sum', config: { name: 'sum' }, inbound_nodes: [[['x', 0, 0, {}], ['c', 0, 0, {}]]] },
    ] } }).layers;
    const settings = config({ strategy: 'latency', reuseFactor: 1, ioType: 'io_stream' });
    const stream = buildDesign(residual, settings);
    expect(stream.layers.map((l) => [l.name, l.kind])).toEqual([['x', 'input'], ['clone_x', 'clone'], ['zp1d_c', 'zeropadding'], ['c', 'conv1d'], ['sum', 'merge']]);
    const clone = stream.layers.find((l) => l.name === 'clone_x')!;
    const single = stream.layers.find((l) => l.name === 'c')!;
    // Two copies of the 64-deep, 4-wide input stream: twice the FIFO of a layer of the same shape.
    expect(clone.fifo!.bits).toBe(2 * 64 * 4 * 16);
    expect(clone.fifo!.bits).toBe(2 * single.fifo!.bits);
    const parallel = buildDesign(residual, { ...settings, ioType: 'io_parallel' });
    expect(parallel.layers.some((l) => l.kind === 'clone')).toBe(false);
  });

  it('splits a SeparableConv2D into depthwise and pointwise nodes from v1.0, not before', () => {
    const sep = parseKerasModel({ class_name: 'Sequential', config: { layers: [{ class_name: 'SeparableConv2D', config: { name: 's', batch_input_shape: [null, 8, 8, 2], kernel_size: [3, 3], filters: 5, use_bias: false } }] } }).layers;
    const v1 = buildDesign(sep, config({ strategy: 'latency', reuseFactor: 1 }), { toolchain: { hls4mlVersion: '1.1.0' } });
    expect(v1.layers.map((l) => [l.name, l.kind, l.totalMults])).toEqual([
      ['s_input', 'input', 0],
      ['s_depthwise', 'depthwise_conv2d', 9 * 2 * 36],
      ['s_pointwise', 'conv2d', 2 * 5 * 36],
    ]);
    const v08 = buildDesign(sep, config({ strategy: 'latency', reuseFactor: 1 }), { toolchain: { hls4mlVersion: '0.8.1' } });
    expect(v08.layers.map((l) => [l.name, l.totalMults])).toEqual([['s_input', 0], ['s', 9 * 2 * 36 + 2 * 5 * 36]]);
  });

  it('removes linear activations (eliminate_linear_activation)', () => {
    const net = parseKerasModel({ class_name: 'Sequential', config: { layers: [{ class_name: 'Dense', config: { name: 'd', units: 8, batch_input_shape: [null, 16], activation: 'linear' } }] } }).layers;
    expect(net.map((l) => l.name)).toEqual(['d_input', 'd', 'd_linear']);
    expect(buildDesign(net, config()).layers.map((l) => l.name)).toEqual(['d_input', 'd']);
  });
});

describe('tool profiles', () => {
  it('binds shared Latency multipliers to DSPs on Vivado HLS but keeps folding constants on Vitis HLS', () => {
    const layers = [input(32), dense('fc1', 32, 32, 'in', { strategy: 'latency', reuseFactor: 4 })];
    const vivado = buildDesign(layers, config({ strategy: 'latency', reuseFactor: 4 }), { toolchain: { hlsTool: 'vivado_hls', hlsToolVersion: '2019.2' } });
    const vitis = buildDesign(layers, config({ strategy: 'latency', reuseFactor: 4 }), { toolchain: VITIS_2023 });
    expect(vivado.layers[1]!.expectedDsp).toBe(256);
    expect(vitis.layers[1]!.expectedDsp).toBe(Math.min(256, Math.round(1024 * constantMultiplicationShare(DEFAULT_PRECISION, kernelSpread(undefined, 32, 32)))));
  });

  it('builds Vitis 2023+ shared Latency multipliers for variable operands: 8 × 8 products in LUTs, Vitis 2020–2022 on DSPs', () => {
    const layers = [input(64), dense('fc1', 64, 64, 'in', { strategy: 'latency', reuseFactor: 64, kernelInit: { kind: 'limit', limit: 1 } })];
    const cfg = config({ strategy: 'latency', reuseFactor: 64, precision: parsePrecision('fixed<8,3>') });
    const dspOn = (hlsToolVersion: string) => buildDesign(layers, cfg, { toolchain: { hlsTool: 'vitis_hls', hlsToolVersion } }).layers[1]!.expectedDsp;
    expect(dspOn('2024.2')).toBe(0);
    expect(dspOn('2021.1')).toBeGreaterThan(0);
  });

  it('stores a Vitis 2023 Resource kernel at RF = 8–9·n_in as ceil(bf/2) copies of its significant bits, which synthesis keeps or moves by width', () => {
    const at = (reuseFactor: number, precision = 'fixed<16,6>', toolchain: Toolchain = VITIS_2023, nOut = 128) =>
      buildDesign([input(128), dense('fc', 128, nOut, 'in')], config({ reuseFactor, precision: parsePrecision(precision) }), { toolchain });
    // 128×128 at RF 1024 (outscale 8): 16 multipliers, 8 copies of 16,384 words.
    const bits = significantBits(parsePrecision('fixed<16,6>'), kernelSpread(undefined, 128, 128));
    expect(bits).toBe(9); // Glorot's ±0.153 spans 157 steps of 2^-10: 8 bits and the sign
    const copied = at(1024);
    expect(copied.layers[1]!.weightRom).toEqual({ wordBits: 9, depth: 16_384, bram18k: 8 * bram18kForRom(9, 16_384), copies: 8, keptBySynthesis: true });
    expect(copied.totals.weightBram18k).toBe(0); // kept: nothing for the BRAM transfer to move
    expect(copied.synth.bram18k).toBe(copied.hls.bram18k);
    // Outscale 16 or 4 (no report shows copies there), hls4ml 1.x (weights bound to a BRAM ROM) or Vitis 2024: the reshaped RF-deep ROM.
    for (const other of [at(2048), at(512), at(1024, 'fixed<16,6>', { ...VITIS_2023, hls4mlVersion: '1.1.0' }), at(1024, 'fixed<16,6>', { hlsTool: 'vitis_hls', hlsToolVersion: '2024.2', hls4mlVersion: '0.8.1' })]) {
      expect(other.layers[1]!.weightRom!.copies).toBeUndefined();
      expect(other.layers[1]!.weightRom!.depth).toBe(other.layers[1]!.reuse!.applied);
    }
    // 16-bit weights in 4 copies (128×64): C-synthesis binds them, synthesis moves them as the other ROMs.
    const few = at(1024, 'fixed<16,6>', VITIS_2023, 64);
    expect(few.layers[1]!.weightRom).toMatchObject({ copies: 4, keptBySynthesis: false });
    expect(few.totals.weightBram18k).toBe(few.layers[1]!.weightRom!.bram18k);
    // 8-bit weights keep any two copies or more.
    expect(at(1024, 'fixed<8,1>', VITIS_2023, 64).layers[1]!.weightRom).toMatchObject({ copies: 4, keptBySynthesis: true });
  });

  it('keeps small memories in LUTs and a narrow width remainder out of BRAM', () => {
    const vivado = profileOf('vivado_hls');
    expect(memoryStorage(16, 8, vivado)).toEqual({ bram18k: 0, lutramBits: 128 });
    // 512-bit words: 14 whole 36-bit ports and 8 bits left, narrower than a port is worth.
    expect(memoryStorage(512, 3, vivado)).toEqual({ bram18k: 14, lutramBits: 8 * 3 });
    expect(memoryStorage(6144, 2, vivado).bram18k).toBe(171);
  });

  it("takes post-synthesis LUTs and FFs with the ratios of the tool's year where fitted, else its group's, plus the LUTs of the ROMs it moves out of BRAM and of the output port", () => {
    const layers = [input(16), dense('fc1', 16, 64, 'in'), dense('fc2', 64, 32, 'fc1')];
    const vitis = profileOf('vitis_hls_2023');
    const years = Object.keys(vitis.synthTransferByYear);
    expect(years.length).toBeGreaterThan(0);
    expect(vitis.synthTransfer.lutPerOutputBit).toBeGreaterThan(0);
    const romLuts = (b: ReturnType<typeof buildDesign>) =>
      movedRomBits(b.totals.romBitsInBram, vitis.synthTransfer) * vitis.synthTransfer.lutPerMovedRomBit + b.totals.outputPortBits * vitis.synthTransfer.lutPerOutputBit;
    for (const year of years) {
      const b = buildDesign(layers, config(), { toolchain: { hlsTool: 'vitis_hls', hlsToolVersion: `${year}.2` } });
      const ratio = vitis.synthTransferByYear[year]!;
      expect(b.synth).toMatchObject({ lut: Math.round(b.hls.lut * ratio.lut + romLuts(b)), ff: Math.round(b.hls.ff * ratio.ff), dsp: b.hls.dsp });
    }
    const unknownYear = buildDesign(layers, config(), { toolchain: { hlsTool: 'vitis_hls' } });
    // fc2's 32 outputs of 16 bits reach the port.
    expect(unknownYear.totals.outputPortBits).toBe(32 * 16);
    expect(unknownYear.synth.lut).toBe(Math.round(unknownYear.hls.lut * vitis.synthTransfer.lut + romLuts(unknownYear)));
    // Both ROMs (16 and 32 words of 16 bits, 64 deep) are in BRAM at C-synthesis; Vitis 2023's transfer moves them all.
    expect(unknownYear.layers.map((l) => l.weightRom?.bram18k ?? 0).every((blocks, i) => i === 0 || blocks > 0)).toBe(true);
    expect(unknownYear.totals.romBitsInBram).toBe((16 + 32) * 16 * 64);
    expect(romLuts(unknownYear)).toBeGreaterThan(0);
    expect(synthTransferOf(vitis, { hlsTool: 'vitis_hls', hlsToolVersion: '2031.1' })).toBe(vitis.synthTransfer);
  });

  it('prices a streamed convolution\'s or pooling\'s line buffer in C-synthesis, and after synthesis builds it from SRLs (2-D) or flip-flops (1-D)', () => {
    const toolchain: Toolchain = { hlsTool: 'vitis_hls', hlsToolVersion: '2024.2' };
    const vitis = profileOf('vitis_hls_2024');
    const transfer = synthTransferOf(vitis, toolchain);
    const build = (conv: Record<string, unknown>) => {
      const network = parseKerasModel({ class_name: 'Sequential', config: { layers: [conv] } });
      const { layers, config: cfg } = configureNetwork(network.layers, undefined, { ioType: 'io_stream', strategy: 'resource', reuseFactor: 4, precision: parsePrecision('ap_fixed<16,6>') });
      const design = buildDesign(layers, cfg, { toolchain });
      return { design, conv: design.layers.find((l) => l.name === 'c')! };
    };
    const romLuts = (b: ReturnType<typeof buildDesign>) => movedRomBits(b.totals.romBitsInBram, transfer) * transfer.lutPerMovedRomBit;

    // 3×3 over a 20×40×16 input: two rows of 40 pixels of 16 channels, 16 bits each.
    const two = build({ class_name: 'Conv2D', config: { name: 'c', filters: 8, kernel_size: [3, 3], batch_input_shape: [null, 20, 40, 16] } });
    expect(two.conv.shiftRegister).toEqual({ bits: 2 * 40 * 16 * 16, depth: 40 });
    expect(two.conv.hls).toEqual(priceOperators(two.conv.operators, vitis, two.conv.priceClass));
    expect(two.design.totals.shiftRegisterLut).toBeCloseTo(vitis.lut[two.conv.priceClass].lutramBits * 2 * 40 * 16 * 16, 6);
    // 512 chains 40 deep: two SRLC32Es each.
    expect(two.design.totals.shiftRegisterSynthLut).toBe(512 * 2);
    expect(two.design.synth.lut).toBe(Math.round((two.design.hls.lut - two.design.totals.shiftRegisterLut) * transfer.lut + romLuts(two.design) + 1024));

    // 1-D: the kernel window's two older positions are registers, no LUT after synthesis.
    const one = build({ class_name: 'Conv1D', config: { name: 'c', filters: 8, kernel_size: [3], batch_input_shape: [null, 40, 16] } });
    expect(one.conv.shiftRegister).toEqual({ bits: 2 * 16 * 16, depth: 1 });
    expect(shiftRegisterLuts(one.conv.shiftRegister!)).toBe(0);
    expect(one.design.synth.lut).toBe(Math.round((one.design.hls.lut - one.design.totals.shiftRegisterLut) * transfer.lut + romLuts(one.design)));

    // 2×2 max pooling keeps one row of its 40×16 input (`compute_pool_buffer_2d`).
    const pool = build({ class_name: 'MaxPooling2D', config: { name: 'c', pool_size: [2, 2], batch_input_shape: [null, 20, 40, 16] } });
    expect(pool.conv.shiftRegister).toEqual({ bits: 40 * 16 * 16, depth: 40 });
    expect(pool.conv.operators.lutramBits).toBe(40 * 16 * 16);
    expect(pool.design.totals.shiftRegisterSynthLut).toBe(256 * 2);
  });
});
