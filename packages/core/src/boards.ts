import { BoundedCache } from './bounded-cache.js';
import { HlsestError } from './errors.js';

/** What a device offers, in hlsest's units (BRAM in 18 Kb blocks). */
export interface Capacity {
  readonly bram18k: number;
  readonly dsp: number;
  readonly ff: number;
  readonly lut: number;
  readonly uram: number;
}

export interface Device {
  /** Device name without package and speed grade, lower case (`xcu250`). */
  readonly device: string;
  /** The full part string hls4ml projects use by default for it. */
  readonly defaultPart: string;
  readonly family: 'zynq-7000' | 'virtex-7' | 'zynq-ultrascale+' | 'virtex-ultrascale+' | 'alveo' | 'kria';
  /** DSP slice generation: sets the native multiplier width (25×18 vs 27×18). */
  readonly dspKind: 'DSP48E1' | 'DSP48E2';
  readonly capacity: Capacity;
}

export interface Board {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly device: Device;
}

// Capacities as C-synthesis prints them in <AvailableResources> of csynth.xml for these parts
// (checked against the reports in ../shared/hls4ml-data where the part occurs), else from the
// vendor product tables.
const DEVICES = {
  xc7z007s: dev('xc7z007s', 'xc7z007s-clg225-2', 'zynq-7000', 'DSP48E1', { bram18k: 100, dsp: 66, ff: 28_800, lut: 14_400, uram: 0 }),
  xc7z020: dev('xc7z020', 'xc7z020clg400-1', 'zynq-7000', 'DSP48E1', { bram18k: 280, dsp: 220, ff: 106_400, lut: 53_200, uram: 0 }),
  xc7vx690t: dev('xc7vx690t', 'xc7vx690tffg1927-2', 'virtex-7', 'DSP48E1', { bram18k: 2_940, dsp: 3_600, ff: 866_400, lut: 433_200, uram: 0 }),
  xczu9eg: dev('xczu9eg', 'xczu9eg-ffvb1156-2-e', 'zynq-ultrascale+', 'DSP48E2', { bram18k: 1_824, dsp: 2_520, ff: 548_160, lut: 274_080, uram: 0 }),
  xck26: dev('xck26', 'xck26-sfvc784-2LV-c', 'kria', 'DSP48E2', { bram18k: 288, dsp: 1_248, ff: 234_240, lut: 117_120, uram: 64 }),
  xcvu9p: dev('xcvu9p', 'xcvu9p-flgb2104-2-e', 'virtex-ultrascale+', 'DSP48E2', { bram18k: 4_320, dsp: 6_840, ff: 2_364_480, lut: 1_182_240, uram: 960 }),
  xcvu13p: dev('xcvu13p', 'xcvu13p-flga2577-2-e', 'virtex-ultrascale+', 'DSP48E2', { bram18k: 5_376, dsp: 12_288, ff: 3_456_000, lut: 1_728_000, uram: 1_280 }),
  xcu200: dev('xcu200', 'xcu200-fsgd2104-2-e', 'alveo', 'DSP48E2', { bram18k: 4_320, dsp: 6_840, ff: 2_364_480, lut: 1_182_240, uram: 960 }),
  xcu250: dev('xcu250', 'xcu250-figd2104-2L-e', 'alveo', 'DSP48E2', { bram18k: 5_376, dsp: 12_288, ff: 3_456_000, lut: 1_728_000, uram: 1_280 }),
} as const satisfies Record<string, Device>;

export const BOARDS: readonly Board[] = [
  { name: 'pynq-z2', aliases: ['pynqz2', 'pynq'], device: DEVICES.xc7z020 },
  { name: 'zcu102', aliases: [], device: DEVICES.xczu9eg },
  { name: 'alveo-u200', aliases: ['u200'], device: DEVICES.xcu200 },
  { name: 'alveo-u250', aliases: ['u250'], device: DEVICES.xcu250 },
  { name: 'vu9p', aliases: ['xcvu9p'], device: DEVICES.xcvu9p },
  { name: 'vu13p', aliases: ['xcvu13p'], device: DEVICES.xcvu13p },
  { name: 'z7007s', aliases: ['xc7z007s', 'zynq-7007s'], device: DEVICES.xc7z007s },
  { name: 'kv260', aliases: ['kria-kv260', 'k26'], device: DEVICES.xck26 },
  { name: 'vx690t', aliases: ['xc7vx690t', 'virtex7-690t'], device: DEVICES.xc7vx690t },
];

/** hls4ml's default part when a config names none. */
export const DEFAULT_PART = 'xcvu13p-flga2577-2-e';

export const RESOURCE_KEYS = ['bram18k', 'dsp', 'ff', 'lut', 'uram'] as const satisfies readonly (keyof Capacity)[];

/**
 * Device of a part string, tolerant of case, speed grade, temperature grade and package:
 * `XCU250-FIGD2104-2L-E`, `xcu250-figd2104-2-e` and `xcu250` all name the same device.
 */
// Every design build looks its part up; a sweep does so per configuration.
const deviceByPart = new BoundedCache<string, Device | undefined>(1024);

export function findDevice(part: string): Device | undefined {
  return deviceByPart.get(part, lookUpDevice);
}

function lookUpDevice(part: string): Device | undefined {
  const name = part.trim().toLowerCase();
  const exact = Object.values(DEVICES).find((device) => device.device === name);
  if (exact) return exact;
  // Device names are prefixes of the part; the longest match avoids xcvu13p matching xcvu1….
  const candidates = Object.values(DEVICES).filter((device) => name.startsWith(device.device));
  return candidates.sort((a, b) => b.device.length - a.device.length)[0];
}

export function findBoard(name: string): Board | undefined {
  const key = name.trim().toLowerCase();
  return BOARDS.find((board) => board.name === key || board.aliases.includes(key));
}

/** A board name or a part string, to its device; throws `HLSEST_UNKNOWN_PART`. */
export function resolveDevice(boardOrPart: string): Device {
  const device = findBoard(boardOrPart)?.device ?? findDevice(boardOrPart);
  if (device) return device;
  throw new HlsestError(
    'HLSEST_UNKNOWN_PART',
    `Unknown board or part "${boardOrPart}". Known boards: ${BOARDS.map((b) => b.name).join(', ')}; ` +
      `known devices: ${Object.keys(DEVICES).join(', ')}.`,
    { part: boardOrPart },
  );
}

/** The board name for a part, when a catalogued board carries that device. */
export function boardOfPart(part: string): string | undefined {
  const device = findDevice(part);
  return device && BOARDS.find((board) => board.device === device)?.name;
}

export function listDevices(): readonly Device[] {
  return Object.values(DEVICES);
}

function dev(device: string, defaultPart: string, family: Device['family'], dspKind: Device['dspKind'], capacity: Capacity): Device {
  return { device, defaultPart, family, dspKind, capacity };
}
