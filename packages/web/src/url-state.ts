import type { IoType, Strategy } from '@hlsest/core';

/** What the page remembers in its URL: the configuration, never the model itself. */
export interface PageSettings {
  example: string;
  board: string;
  strategy: Strategy;
  ioType: IoType;
  precision: string;
  reuseFactor: number;
  clockPeriodNs: number;
}

export const DEFAULT_SETTINGS: PageSettings = {
  example: 'jet-tagger',
  board: 'pynq-z2',
  strategy: 'latency',
  ioType: 'io_parallel',
  precision: 'ap_fixed<16,6>',
  reuseFactor: 1,
  clockPeriodNs: 5,
};

export function readSettings(search: string): PageSettings {
  const params = new URLSearchParams(search);
  const number = (key: string, fallback: number) => {
    const value = Number(params.get(key));
    return Number.isFinite(value) && value > 0 ? value : fallback;
  };
  const strategy = params.get('strategy');
  const io = params.get('io');
  return {
    example: params.get('example') ?? DEFAULT_SETTINGS.example,
    board: params.get('board') ?? DEFAULT_SETTINGS.board,
    strategy: strategy === 'resource' || strategy === 'latency' || strategy === 'resource_unrolled' ? strategy : DEFAULT_SETTINGS.strategy,
    ioType: io === 'io_stream' || io === 'io_parallel' ? io : DEFAULT_SETTINGS.ioType,
    precision: params.get('precision') ?? DEFAULT_SETTINGS.precision,
    reuseFactor: Math.round(number('rf', DEFAULT_SETTINGS.reuseFactor)),
    clockPeriodNs: number('clock', DEFAULT_SETTINGS.clockPeriodNs),
  };
}

export function writeSettings(settings: PageSettings): string {
  const params = new URLSearchParams({
    example: settings.example,
    board: settings.board,
    strategy: settings.strategy,
    io: settings.ioType,
    precision: settings.precision,
    rf: String(settings.reuseFactor),
    clock: String(settings.clockPeriodNs),
  });
  return `?${params.toString()}`;
}
