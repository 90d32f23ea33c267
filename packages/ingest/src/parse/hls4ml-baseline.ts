import { configureNetwork, isHlsestError, parseKerasModel, parsePrecision, type DesignRecord, type IoType, type Strategy } from '@hlsest/core';
import { draftOf, rejected, type DraftResult } from './draft.js';
import { numberOf } from './wa-record.js';

/**
 * hls4ml's synthesis regression baselines (`test/pytest/baselines/<Backend>/<version>/
 * test_keras_api_test_<test>_<io>-<Backend>[-<param>].json`) hold only a C-synthesis summary.
 * The models behind them are hls4ml's own small Keras API test models, described in its
 * test_keras_api.py (summarised in ../shared/hls4ml-data/hls4ml-test-reports/baselines_index.json);
 * this module rebuilds each one from the file name so the summary becomes a full record.
 * All use config_from_keras_model defaults: fixed<16,6>, RF 1, Latency, 5 ns, xcvu13p. Kernel
 * initializers are the tests' own: they decide how many constant products stay multiplications.
 */
interface BaselineModel {
  readonly layers: readonly Record<string, unknown>[];
  readonly ioType: IoType;
  readonly strategy?: Strategy;
  readonly precision?: string;
}

const input = (shape: number[]) => ({ class_name: 'InputLayer', config: { name: 'input_1', batch_input_shape: [null, ...shape] } });
const layer = (class_name: string, config: Record<string, unknown>) => ({ class_name, config: { name: class_name.toLowerCase(), ...config } });

const ACTIVATION_LAYERS: Readonly<Record<string, Record<string, unknown>>> = {
  relu: layer('Activation', { activation: 'relu' }),
  sigmoid: layer('Activation', { activation: 'sigmoid' }),
  elu: layer('ELU', { alpha: 1.0 }),
  leaky_relu: layer('LeakyReLU', { alpha: 1.0 }),
  prelu: layer('PReLU', {}),
};

/** The model a baseline file name stands for, or the reason it cannot be rebuilt. */
export function baselineModel(fileName: string): BaselineModel | string {
  const match = /^test_keras_api_test_(\w+?)_(io_parallel|io_stream|Vivado|Vitis|oneAPI)(?:-(.*))?\.json$/.exec(fileName);
  if (!match) return 'not an hls4ml Keras API baseline file name';
  const [, test, second, rest = ''] = match;
  const io = (second === 'io_parallel' || second === 'io_stream' ? second : 'io_parallel') as IoType;
  const params = rest.split('-').slice(second === 'io_parallel' || second === 'io_stream' ? 1 : 0);
  switch (test) {
    case 'dense':
      return { ioType: io, layers: [input([1]), layer('Dense', { units: 2, use_bias: true, kernel_initializer: { class_name: 'RandomUniform', config: { minval: 1, maxval: 10 } } }), layer('Activation', { activation: 'elu' })] };
    case 'activations': {
      const activation = ACTIVATION_LAYERS[params[0] ?? ''];
      if (!activation) return `unknown activation "${params[0]}"`;
      return { ioType: io, layers: [input([1]), layer('Dense', { units: 64, use_bias: true, kernel_initializer: 'lecun_uniform' }), activation] };
    }
    case 'conv2d':
      return {
        ioType: io,
        strategy: 'resource',
        layers: [input([28, 28, 3]), layer('Conv2D', { filters: 32, kernel_size: [4, 4], strides: [4, 4], padding: 'same', use_bias: false, kernel_initializer: 'normal' })],
      };
    case 'depthwise2d':
      return { ioType: io, precision: 'fixed<32,12>', layers: [input([32, 32, 3]), layer('DepthwiseConv2D', { kernel_size: [3, 3], strides: [1, 1], padding: 'valid', use_bias: true })] };
    case 'depthwise1d':
      return { ioType: io, layers: [input([32, 3]), layer('DepthwiseConv1D', { kernel_size: 3, strides: 1, padding: 'valid', use_bias: true })] };
    case 'pooling': {
      const [, padding, className] = params;
      if (!className || !/^(Max|Average)Pooling[12]D$/.test(className)) return `unknown pooling layer "${className}"`;
      const shape = className.endsWith('1D') ? [121, 3] : [18, 15, 3];
      return { ioType: 'io_parallel', layers: [input(shape), layer(className, { padding })] };
    }
    default:
      return `no model is known for hls4ml test "${test}"`;
  }
}

export function baselineToDraft(value: unknown, file: string): DraftResult {
  const segments = file.split(/[\\/]/);
  const fileName = segments[segments.length - 1]!;
  const version = segments[segments.length - 2];
  const backend = segments[segments.length - 3];
  if (backend !== 'Vivado' && backend !== 'Vitis') return rejected(file, undefined, `an hls4ml ${backend ?? 'unknown'} baseline: hlsest models Vivado and Vitis HLS only`);
  const model = baselineModel(fileName);
  if (typeof model === 'string') return rejected(file, undefined, model);
  const report = (value as { CSynthesisReport?: Record<string, unknown> })?.CSynthesisReport;
  if (!report) return rejected(file, undefined, 'no CSynthesisReport');
  const n = (key: string) => numberOf(report[key]);
  const [bram, dsp, ff, lut] = [n('BRAM_18K'), n('DSP') ?? n('DSP48E'), n('FF'), n('LUT')];
  if (bram === undefined || dsp === undefined || ff === undefined || lut === undefined) return rejected(file, undefined, 'the summary lacks one of BRAM_18K, DSP, FF, LUT');
  try {
    const network = parseKerasModel({ class_name: 'Sequential', config: { name: fileName, layers: model.layers } }, fileName);
    const configured = configureNetwork(network.layers, undefined, {
      part: 'xcvu13p-flga2577-2-e',
      clockPeriodNs: n('TargetClockPeriod') ?? 5,
      ioType: model.ioType,
      strategy: model.strategy ?? 'latency',
      reuseFactor: 1,
      precision: parsePrecision(model.precision ?? 'fixed<16,6>'),
      backend: backend === 'Vitis' ? 'vitis' : 'vivado',
    });
    const latency = Object.fromEntries(
      [
        ['cyclesMin', n('BestLatency')],
        ['cyclesMax', n('WorstLatency')],
        ['intervalMin', n('IntervalMin')],
        ['intervalMax', n('IntervalMax')],
        ['targetClockNs', n('TargetClockPeriod')],
        ['estimatedClockNs', n('EstimatedClockPeriod')],
      ].filter(([, v]) => v !== undefined && (v as number) >= 0),
    );
    const uram = n('URAM');
    const record = {
      network: { layers: configured.layers },
      config: configured.config,
      toolchain: { hlsTool: backend === 'Vitis' ? ('vitis_hls' as const) : ('vivado_hls' as const), ...(version && { hlsToolVersion: version }) },
      results: { hls: { bram18k: bram, dsp, ff, lut, ...(uram !== undefined && { uram }) }, ...(Object.keys(latency).length && { latency }) },
      provenance: { source: 'hls4ml-baselines', format: 'hls4ml-baseline-json' as const, file, sourceId: fileName.replace(/\.json$/, ''), subset: 'hls4ml-baselines' },
      warnings: ['model rebuilt from the baseline file name (hls4ml test_keras_api.py models)'],
    } satisfies Omit<DesignRecord, 'id' | 'schemaVersion'>;
    return { ok: true, draft: draftOf(record) };
  } catch (error) {
    if (isHlsestError(error)) return rejected(file, undefined, error.message);
    throw error;
  }
}
