import { readCsvMapping, type CsvMapping } from '../parse/csv-mapping.js';

/**
 * The flattened wa-hls4ml CSVs (`concatenated_*json_to_csv.csv`). Their column names mislead:
 * `*_hls` resource columns hold post-synthesis values with BRAM in 36 Kb tiles, and
 * `IntervalMin/Max_hls` copy the latency, so they are not mapped. Settings every row shares come
 * from the wa-hls4ml description (see ../shared/hls4ml-data/README.md).
 */
export const WA_HLS4ML_FLAT: CsvMapping = readCsvMapping(
  {
    name: 'wa-hls4ml-flat',
    description: 'wa-hls4ml dense sets flattened to CSV (2-layer, 3-layer, conv2d)',
    requiredColumns: ['model_name', 'prec', 'model_file', 'model_string', 'rf', 'strategy', 'BestLatency_hls', 'WorstLatency_hls', 'BRAM_18K_hls', 'DSP_hls', 'FF_hls', 'LUT_hls'],
    sourceIdColumn: 'model_file',
    columns: {
      rf: { field: 'config.reuseFactor' },
      strategy: { field: 'config.strategy', unit: 'text' },
      TargetClockPeriod_hls: { field: 'latency.targetClockNs', unit: 'ns' },
      EstimatedClockPeriod_hls: { field: 'latency.estimatedClockNs', unit: 'ns' },
      BestLatency_hls: { field: 'latency.cyclesMin', unit: 'cycles' },
      WorstLatency_hls: { field: 'latency.cyclesMax', unit: 'cycles' },
      BRAM_18K_hls: { field: 'synth.bram18k', unit: 'bram36' },
      DSP_hls: { field: 'synth.dsp' },
      FF_hls: { field: 'synth.ff' },
      LUT_hls: { field: 'synth.lut' },
      URAM_hls: { field: 'synth.uram' },
    },
    constants: {
      strategy: 'resource',
      ioType: 'io_parallel',
      precision: 'fixed<16,6>',
      clockPeriodNs: 5,
      part: 'xcu250-figd2104-2L-e',
      backend: 'vivado',
      hls4mlVersion: '0.8.1',
      hlsToolVersion: '2023.2',
    },
    network: { kind: 'dense-chain', column: 'model_string', separator: '-', layerClass: 'QDense', useBias: true, weightBitsColumn: 'prec', weightIntegerBits: 1 },
    rejectRows: [
      {
        column: 'model_name',
        matches: 'conv2d',
        reason: 'conv2d rows list only the Dense widths in model_string; their convolution layers are not described, so the network is unknown',
      },
    ],
    source: 'wa-hls4ml',
  },
  'wa-hls4ml-flat mapping',
);

export const SHIPPED_CSV_MAPPINGS: readonly CsvMapping[] = [WA_HLS4ML_FLAT];
