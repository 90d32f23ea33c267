import { configureNetwork, isHlsestError, parsePrecision, type DesignRecord, type Network } from '@hlsest/core';
import { draftOf, rejected, type DraftResult } from '../draft.js';
import { cellNumber, hasColumns, type TableReader, type TableRow } from './table-reader.js';

/**
 * The ENet segmentation CNN sweep (nicologhielmetti/enet-script `data_pickles/data6.pkl`, see the
 * folder's FORMAT.md): QKeras models on a ZCU102 through hls4ml's VivadoAccelerator backend,
 * io_stream, Resource strategy, Vivado 2019.2. Its resources are a third kind of number:
 * post-implementation integer percentages of the whole xczu9eg, block design included; its
 * latency comes from C/RTL co-simulation. Both are recorded as exactly that, never as HLS or
 * post-synthesis numbers.
 */
const COLUMNS = ['ID', 'Filters', 'Clock', 'ReuseFactor', 'Quantization', 'Precision', 'LUTs%', 'FFs%', 'RAM36Bs%', 'RAM18s%', 'DSPs%', 'MaxLatency'];

/** xczu9eg-ffvb1156-2-e totals (FORMAT.md, from reports of the same part). */
const DEVICE = { lut: 274_080, ff: 548_160, ramb36: 912, ramb18: 1_824, dsp: 2_520 };

export const ENET: TableReader = {
  name: 'enet',
  matches: (header) => hasColumns(header, COLUMNS),
  modelFiles: (rows) => [...new Set(rows.map(modelFile).filter((f): f is string => f !== undefined))],
  read(rows, file, models) {
    // NA_models.csv lists rows data6.csv already holds: refuse it as a whole rather than count them twice.
    if (/NA_models\.csv$/.test(file)) return [rejected(file, undefined, 'the six designs listed here are also rows of data6.csv (with their latency); they are read from there')];
    return rows.map((row, i) => recordOf(row, file, `row ${i + 2}`, models));
  },
};

function modelFile(row: TableRow): string | undefined {
  const q = cellNumber(row, 'Quantization');
  const f = cellNumber(row, 'Filters');
  return q === undefined || f === undefined ? undefined : `models/hom${q}_32_${f}_${f}_${f}_${f}_${f}.model_config.json`;
}

function recordOf(row: TableRow, file: string, position: string, models: ReadonlyMap<string, Network | Error>): DraftResult {
  const path = modelFile(row);
  const network = path ? models.get(path) : undefined;
  if (!network) return rejected(file, position, `no model file ${path ?? '(Filters/Quantization missing)'} beside the table`);
  if (network instanceof Error) return rejected(file, position, `${path}: ${network.message}`);
  const rf = cellNumber(row, 'ReuseFactor');
  const clock = cellNumber(row, 'Clock');
  const precision = /^\s*(\d+)\s*,\s*(-?\d+)\s*$/.exec(row['Precision'] ?? '');
  if (rf === undefined || clock === undefined || !precision) return rejected(file, position, 'ReuseFactor, Clock or Precision is missing');
  const percent = (column: string) => cellNumber(row, column);
  const [lut, ff, ram36, ram18, dsp] = ['LUTs%', 'FFs%', 'RAM36Bs%', 'RAM18s%', 'DSPs%'].map(percent);
  const latency = cellNumber(row, 'MaxLatency');
  const implemented = [lut, ff, ram36, ram18, dsp].every((v) => v !== undefined);
  try {
    const configured = configureNetwork(network.layers, undefined, {
      ioType: 'io_stream',
      strategy: 'resource',
      reuseFactor: rf,
      precision: parsePrecision(`ap_fixed<${precision[1]},${precision[2]}>`),
      clockPeriodNs: clock,
      part: 'xczu9eg-ffvb1156-2-e',
      backend: 'vivado_accelerator',
    });
    const record = {
      network: { layers: configured.layers },
      config: configured.config,
      toolchain: { hlsTool: 'vivado_hls' as const, hlsToolVersion: '2019.2', vivadoVersion: '2019.2', hls4mlVersion: 'fork' },
      results: {
        ...(implemented && {
          impl: {
            // Integer % of the device → counts; BRAM as 18 Kb blocks (a RAMB36 is two).
            lut: (lut! * DEVICE.lut) / 100,
            ff: (ff! * DEVICE.ff) / 100,
            bram18k: (2 * ram36! * DEVICE.ramb36 + ram18! * DEVICE.ramb18) / 100,
            dsp: (dsp! * DEVICE.dsp) / 100,
            scope: 'block-design' as const,
            percentResolution: 1,
          },
        }),
        ...(latency !== undefined && { cosim: { cyclesMax: latency } }),
      },
      provenance: { source: 'enet', format: 'enet-csv' as const, file, position, sourceId: row['ID'] ?? position, subset: 'enet' },
      warnings: [
        'post-implementation utilization of the whole VivadoAccelerator block design (PS wrapper, DMA, interconnect, hls4ml IP), integer-rounded % of the xczu9eg',
        'latency from C/RTL co-simulation, not the C-synthesis estimate',
        'hls4ml fork nicologhielmetti/hls4ml@enet with FIFO depth optimisation',
        ...(implemented ? [] : ['implementation failed: no resources']),
      ],
    } satisfies Omit<DesignRecord, 'id' | 'schemaVersion'>;
    return { ok: true, draft: draftOf(record) };
  } catch (error) {
    if (isHlsestError(error)) return rejected(file, position, error.message);
    throw error;
  }
}
