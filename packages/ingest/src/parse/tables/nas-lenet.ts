import { configureNetwork, isHlsestError, parseKerasModel, parsePrecision, type DesignRecord } from '@hlsest/core';
import { draftOf, rejected, type DraftResult } from '../draft.js';
import { cellNumber, hasColumns, type TableReader, type TableRow } from './table-reader.js';

/**
 * The NAS-LeNet random search (filipemlins/nas-hls4ml `model_multistart/dic_all.csv`, see the
 * folder's FORMAT.md): one fixed LeNet, ap_fixed<W,I,AP_RND,AP_SAT> for the whole model and a
 * requested ReuseFactor per row, Resource strategy, xc7z007s at 5 ns, Vivado HLS 2018.3 with an
 * old locally modified hls4ml, untrained weights. The HLS estimate is given as fractions of the
 * part's resources rounded to 2 decimals (BRAM and DSP exact, FF ±144, LUT ±72); the latency is
 * the average case only.
 */
const COLUMNS = ['total_bits', 'int_bits', 'BRAM_frac', 'DSP_frac', 'FF_frac', 'LUT_frac', 'avg_latency_cycles', 'reuse_factor'];
const AVAILABLE = { bram18k: 100, dsp: 66, ff: 28_800, lut: 14_400 };

const LENET = [
  { class_name: 'InputLayer', config: { name: 'input_1', batch_input_shape: [null, 32, 32, 1] } },
  { class_name: 'Conv2D', config: { name: 'conv2d_1', filters: 8, kernel_size: [4, 4], padding: 'valid' } },
  { class_name: 'Activation', config: { name: 'relu_1', activation: 'relu' } },
  { class_name: 'MaxPooling2D', config: { name: 'max_pooling2d_1', pool_size: [2, 2] } },
  { class_name: 'Conv2D', config: { name: 'conv2d_2', filters: 16, kernel_size: [2, 2], padding: 'valid' } },
  { class_name: 'Activation', config: { name: 'relu_2', activation: 'relu' } },
  { class_name: 'MaxPooling2D', config: { name: 'max_pooling2d_2', pool_size: [2, 2] } },
  { class_name: 'Flatten', config: { name: 'flatten_1' } },
  { class_name: 'Dense', config: { name: 'dense_1', units: 120 } },
  { class_name: 'Activation', config: { name: 'relu_3', activation: 'relu' } },
  { class_name: 'Dense', config: { name: 'dense_2', units: 84 } },
  { class_name: 'Activation', config: { name: 'relu_4', activation: 'relu' } },
  { class_name: 'Dense', config: { name: 'dense_3', units: 10 } },
  { class_name: 'Activation', config: { name: 'softmax', activation: 'softmax' } },
];

export const NAS_LENET: TableReader = {
  name: 'nas-lenet',
  matches: (header) => hasColumns(header, COLUMNS),
  read: (rows, file) => rows.map((row, i) => recordOf(row, file, `row ${i + 2}`)),
};

function recordOf(row: TableRow, file: string, position: string): DraftResult {
  const [width, integer, bram, dsp, ff, lut, avg, rf] = COLUMNS.map((c) => cellNumber(row, c));
  if ([width, integer, bram, dsp, ff, lut, avg, rf].some((v) => v === undefined)) return rejected(file, position, 'a value is missing');
  try {
    const network = parseKerasModel({ class_name: 'Sequential', config: { name: 'nas-lenet', layers: LENET } }, file);
    const configured = configureNetwork(network.layers, undefined, {
      ioType: 'io_parallel',
      strategy: 'resource',
      reuseFactor: rf!,
      precision: parsePrecision(`ap_fixed<${width},${integer},AP_RND,AP_SAT>`),
      clockPeriodNs: 5,
      part: 'xc7z007sclg225-1',
      backend: 'vivado',
    });
    const record = {
      network: { layers: configured.layers },
      config: configured.config,
      toolchain: { hlsTool: 'vivado_hls' as const, hlsToolVersion: '2018.3', hls4mlVersion: '0.4' },
      results: {
        hls: {
          bram18k: Math.round(bram! * AVAILABLE.bram18k),
          dsp: Math.round(dsp! * AVAILABLE.dsp),
          ff: Math.round(ff! * AVAILABLE.ff),
          lut: Math.round(lut! * AVAILABLE.lut),
        },
        latency: { cyclesAvg: avg!, targetClockNs: 5 },
      },
      provenance: { source: 'nas-lenet', format: 'nas-lenet-csv' as const, file, position, sourceId: `W${width}I${integer}rf${rf}`, subset: 'nas-lenet' },
      warnings: [
        'HLS estimate recovered from fractions of the xc7z007s rounded to 2 decimals: FF ±144, LUT ±72',
        'average-case latency only; untrained weights; old locally modified hls4ml (pre-0.5 API) and Vivado HLS 2018.3',
      ],
    } satisfies Omit<DesignRecord, 'id' | 'schemaVersion'>;
    return { ok: true, draft: draftOf(record) };
  } catch (error) {
    if (isHlsestError(error)) return rejected(file, position, error.message);
    throw error;
  }
}
