import { configureNetwork, isHlsestError, parseHls4mlConfigText, parseKerasModel, type DesignRecord } from '@hlsest/core';
import { draftOf, rejected, type DraftResult } from '../draft.js';
import { cellNumber, hasColumns, type TableReader, type TableRow } from './table-reader.js';

/**
 * The SeparableConv2D sweeps of calwilee/hls4ml-automated-testing (`rf_pf_study.csv`,
 * `precision_study.csv`, see the folder's FORMAT.md): Input → SeparableConv2D(no bias) → Flatten
 * → Dense(2), io_parallel, Latency, fixed<16,6>, xcu250 at 5 ns, Vivado HLS 2020.1, a
 * development hls4ml branch. ReuseFactor and ParallelizationFactor are set on the separable
 * layer; the Precision column sets the input layer's result type only.
 */
const COLUMNS = ['Precision', 'rf', 'pf', 'Input_Height', 'Input_Width', 'Channels', 'Filter_Height', 'Filter_Width', 'Filters', 'BRAM', 'DSP', 'FF', 'LUT', 'BestLatency', 'WorstLatency', 'IntervalMin', 'IntervalMax'];

export const SEPCONV_STUDY: TableReader = {
  name: 'sepconv-study',
  matches: (header) => hasColumns(header, COLUMNS),
  read: (rows, file) => rows.map((row, i) => recordOf(row, file, `row ${i + 2}`)),
};

function recordOf(row: TableRow, file: string, position: string): DraftResult {
  const n = (c: string) => cellNumber(row, c);
  const [rf, pf, h, w, c, fh, fw, filters] = ['rf', 'pf', 'Input_Height', 'Input_Width', 'Channels', 'Filter_Height', 'Filter_Width', 'Filters'].map(n);
  const input = /^FXD<\s*(\d+)\s*,\s*(-?\d+)\s*>$/.exec(row['Precision']?.trim() ?? '');
  if ([rf, pf, h, w, c, fh, fw, filters].some((v) => v === undefined) || !input) return rejected(file, position, 'a shape, rf/pf or Precision cell is missing');
  try {
    const network = parseKerasModel(
      {
        class_name: 'Sequential',
        config: {
          name: 'sepconv',
          layers: [
            { class_name: 'InputLayer', config: { name: 'input_1', batch_input_shape: [null, h, w, c] } },
            { class_name: 'SeparableConv2D', config: { name: 'separable_conv2d', filters, kernel_size: [fh, fw], use_bias: false, padding: 'valid' } },
            { class_name: 'Flatten', config: { name: 'flatten' } },
            { class_name: 'Dense', config: { name: 'dense', units: 2 } },
          ],
        },
      },
      file,
    );
    const config = parseHls4mlConfigText(
      JSON.stringify({
        IOType: 'io_parallel',
        ClockPeriod: 5,
        Part: 'xcu250-figd2104-2L-e',
        Backend: 'Vivado',
        HLSConfig: {
          Model: { Precision: 'fixed<16,6>', ReuseFactor: 1, Strategy: 'Latency' },
          LayerName: { input_1: { Precision: { result: `fixed<${input[1]},${input[2]}>` } }, separable_conv2d: { ReuseFactor: rf, ParallelizationFactor: pf } },
        },
      }),
      file,
    );
    const configured = configureNetwork(network.layers, config);
    const record = {
      network: { layers: configured.layers },
      config: configured.config,
      toolchain: { hlsTool: 'vivado_hls' as const, hlsToolVersion: '2020.1', hls4mlVersion: 'dev' },
      results: {
        hls: { bram18k: n('BRAM')!, dsp: n('DSP')!, ff: n('FF')!, lut: n('LUT')! },
        latency: { cyclesMin: n('BestLatency')!, cyclesMax: n('WorstLatency')!, intervalMin: n('IntervalMin')!, intervalMax: n('IntervalMax')!, targetClockNs: 5 },
      },
      provenance: { source: 'calwilee-sepconv', format: 'sepconv-csv' as const, file, position, sourceId: `${row['Precision']}/rf${rf}/pf${pf}`, subset: 'calwilee-sepconv' },
      warnings: ['development hls4ml branch (SeparableConv2D ParallelizationFactor support, not a release); other layers used `auto` precision'],
    } satisfies Omit<DesignRecord, 'id' | 'schemaVersion'>;
    return { ok: true, draft: draftOf(record) };
  } catch (error) {
    if (isHlsestError(error)) return rejected(file, position, error.message);
    throw error;
  }
}
