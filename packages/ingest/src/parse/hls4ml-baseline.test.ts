import { describe, expect, it } from 'vitest';
import { baselineModel, baselineToDraft } from './hls4ml-baseline.js';

const report = { CSynthesisReport: { TargetClockPeriod: '5.00', EstimatedClockPeriod: '2.9', BestLatency: '3', WorstLatency: '4', IntervalMin: '1', IntervalMax: '1', BRAM_18K: '1', DSP: '2', FF: '145', LUT: '354', URAM: '0' } };

describe('hls4ml regression baselines', () => {
  it.each([
    ['test_keras_api_test_dense_io_stream-Vitis.json', 'io_stream', ['InputLayer', 'Dense', 'Activation']],
    ['test_keras_api_test_activations_io_parallel-Vivado-leaky_relu.json', 'io_parallel', ['InputLayer', 'Dense', 'LeakyReLU']],
    ['test_keras_api_test_conv2d_io_parallel-Vitis-Resource-same-channels_last.json', 'io_parallel', ['InputLayer', 'Conv2D']],
    ['test_keras_api_test_depthwise2d_io_stream-Vivado.json', 'io_stream', ['InputLayer', 'DepthwiseConv2D']],
    ['test_keras_api_test_pooling_Vitis-channels_last-same-AveragePooling1D.json', 'io_parallel', ['InputLayer', 'AveragePooling1D']],
  ])('rebuilds the model of %s', (name, io, classes) => {
    const model = baselineModel(name);
    if (typeof model === 'string') throw new Error(model);
    expect(model.ioType).toBe(io);
    expect(model.layers.map((l) => l['class_name'])).toEqual(classes);
  });

  it('turns a summary into a record with the rebuilt network and its settings', () => {
    const result = baselineToDraft(report, 'baselines/Vitis/2024.1/test_keras_api_test_pooling_Vitis-channels_last-same-MaxPooling2D.json');
    if (!result.ok) throw new Error(result.rejection.reason);
    const { draft } = result;
    expect(draft.network.layers.map((l) => l.outputShape)).toEqual([[18, 15, 3], [9, 8, 3]]);
    expect(draft.config).toMatchObject({ part: 'xcvu13p-flga2577-2-e', strategy: 'latency', reuseFactor: 1, precision: 'fixed<16,6>', backend: 'vitis' });
    expect(draft.results.hls).toEqual({ bram18k: 1, dsp: 2, ff: 145, lut: 354, uram: 0 });
    expect(draft.results.latency).toEqual({ cyclesMin: 3, cyclesMax: 4, intervalMin: 1, intervalMax: 1, targetClockNs: 5, estimatedClockNs: 2.9 });
    const conv = baselineToDraft(report, 'b/Vivado/2020.1/test_keras_api_test_conv2d_io_parallel-Vivado-Resource-same-channels_last.json');
    expect(conv.ok && conv.draft.network.layers[1]).toMatchObject({ outputShape: [7, 7, 32], params: 4 * 4 * 3 * 32 });
  });

  it.each([
    ['b/oneAPI/2025.0.1/test_keras_api_test_dense_io_parallel-oneAPI.json', /oneAPI baseline/],
    ['b/Vitis/2024.1/test_keras_api_test_gru_io_parallel-Vitis.json', /no model is known for hls4ml test "gru"/],
    ['b/Vitis/2024.1/something.json', /not an hls4ml Keras API baseline/],
  ])('refuses %s', (file, reason) => {
    const result = baselineToDraft(report, file);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.rejection.reason).toMatch(reason);
  });
});
