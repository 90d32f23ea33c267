import { HLS4ML_VERSIONS, type IoType, type Strategy } from '@hlsest/core';
import type { Metric } from './sweep-view.js';

/**
 * What the page remembers in its URL: the configuration, never the model itself. Values are
 * kept as typed, so a field the user left invalid shows as invalid after a reload too.
 */
export interface PageSettings {
  example: string;
  board: string;
  /** Any FPGA part; when set it is used instead of the board's. */
  part: string;
  strategy: Strategy;
  ioType: IoType;
  precision: string;
  reuseFactor: string;
  clockPeriodNs: string;
  hls4ml: string;
  tool: string;
  metric: Metric;
}

export const TOOLS = { 'vitis_hls 2024.2': { hlsTool: 'vitis_hls', hlsToolVersion: '2024.2' }, 'vitis_hls 2023.2': { hlsTool: 'vitis_hls', hlsToolVersion: '2023.2' }, 'vitis_hls 2021.1': { hlsTool: 'vitis_hls', hlsToolVersion: '2021.1' }, 'vivado_hls 2020.1': { hlsTool: 'vivado_hls', hlsToolVersion: '2020.1' } } as const;

export const DEFAULT_SETTINGS: PageSettings = {
  example: 'jet-tagger',
  board: 'pynq-z2',
  part: '',
  strategy: 'latency',
  ioType: 'io_parallel',
  precision: 'ap_fixed<16,6>',
  reuseFactor: '1',
  clockPeriodNs: '5',
  hls4ml: '',
  tool: '',
  metric: 'scarcest',
};

const METRICS: readonly Metric[] = ['scarcest', 'lut', 'ff', 'dsp', 'bram', 'latency'];

export function readSettings(search: string): PageSettings {
  const params = new URLSearchParams(search);
  const get = (key: string, fallback: string) => params.get(key) ?? fallback;
  const strategy = params.get('strategy');
  const io = params.get('io');
  const metric = params.get('metric') as Metric | null;
  const hls4ml = get('hls4ml', '');
  const tool = get('tool', '');
  return {
    example: get('example', DEFAULT_SETTINGS.example),
    board: get('board', DEFAULT_SETTINGS.board),
    part: get('part', ''),
    strategy: strategy === 'resource' || strategy === 'latency' || strategy === 'resource_unrolled' ? strategy : DEFAULT_SETTINGS.strategy,
    ioType: io === 'io_stream' || io === 'io_parallel' ? io : DEFAULT_SETTINGS.ioType,
    precision: get('precision', DEFAULT_SETTINGS.precision),
    reuseFactor: get('rf', DEFAULT_SETTINGS.reuseFactor),
    clockPeriodNs: get('clock', DEFAULT_SETTINGS.clockPeriodNs),
    hls4ml: (HLS4ML_VERSIONS as readonly string[]).includes(hls4ml) ? hls4ml : '',
    tool: tool in TOOLS ? tool : '',
    metric: metric && METRICS.includes(metric) ? metric : 'scarcest',
  };
}

export function writeSettings(settings: PageSettings): string {
  const params = new URLSearchParams({
    example: settings.example,
    board: settings.board,
    ...(settings.part && { part: settings.part }),
    strategy: settings.strategy,
    io: settings.ioType,
    precision: settings.precision,
    rf: settings.reuseFactor,
    clock: settings.clockPeriodNs,
    ...(settings.hls4ml && { hls4ml: settings.hls4ml }),
    ...(settings.tool && { tool: settings.tool }),
    ...(settings.metric !== 'scarcest' && { metric: settings.metric }),
  });
  return `?${params.toString()}`;
}
