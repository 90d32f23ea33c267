import { describe, expect, it } from 'vitest';
import { BOARDS, boardOfPart, findDevice, listDevices, resolveDevice } from './boards.js';
import { isHlsestError } from './errors.js';
import { bram18ToBram36, bram36ToBram18 } from './units.js';

describe('board catalogue', () => {
  it.each([
    ['pynq-z2', 'xc7z020', { bram18k: 280, dsp: 220, ff: 106_400, lut: 53_200, uram: 0 }],
    ['zcu102', 'xczu9eg', { bram18k: 1_824, dsp: 2_520, ff: 548_160, lut: 274_080, uram: 0 }],
    ['alveo-u200', 'xcu200', { bram18k: 4_320, dsp: 6_840, ff: 2_364_480, lut: 1_182_240, uram: 960 }],
    ['alveo-u250', 'xcu250', { bram18k: 5_376, dsp: 12_288, ff: 3_456_000, lut: 1_728_000, uram: 1_280 }],
    ['vu9p', 'xcvu9p', { bram18k: 4_320, dsp: 6_840, ff: 2_364_480, lut: 1_182_240, uram: 960 }],
    ['vu13p', 'xcvu13p', { bram18k: 5_376, dsp: 12_288, ff: 3_456_000, lut: 1_728_000, uram: 1_280 }],
    ['z7007s', 'xc7z007s', { bram18k: 100, dsp: 66, ff: 28_800, lut: 14_400, uram: 0 }],
    ['kv260', 'xck26', { bram18k: 288, dsp: 1_248, ff: 234_240, lut: 117_120, uram: 64 }],
    ['vx690t', 'xc7vx690t', { bram18k: 2_940, dsp: 3_600, ff: 866_400, lut: 433_200, uram: 0 }],
  ])('%s is %s with its capacities', (board, device, capacity) => {
    const resolved = resolveDevice(board);
    expect(resolved.device).toBe(device);
    expect(resolved.capacity).toEqual(capacity);
    expect(resolveDevice(resolved.defaultPart)).toBe(resolved);
  });

  it.each([
    ['xc7z020clg400-1', 'xc7z020'],
    ['xc7z020-clg400-1', 'xc7z020'],
    ['XCZU9EG-FFVB1156-2-E', 'xczu9eg'],
    ['xcu200-fsgd2104-2-e', 'xcu200'],
    ['xcu250-figd2104-2L-e', 'xcu250'],
    ['xcvu9p-flgb2104-2-e', 'xcvu9p'],
    ['xcvu9p-flgb2104-2L-e', 'xcvu9p'],
    ['xcvu9p-flgb2104-2-i', 'xcvu9p'],
    ['xcvu9p-flga2577-2-e', 'xcvu9p'],
    ['xcvu13p-flga2577-2-e', 'xcvu13p'],
    ['xc7z007s-clg225-2', 'xc7z007s'],
    ['xck26-sfvc784-2LV-c', 'xck26'],
  ])('part %s resolves to %s', (part, device) => {
    expect(findDevice(part)?.device).toBe(device);
  });

  it('names every board by alias and maps parts back to boards', () => {
    expect(resolveDevice('U250').device).toBe('xcu250');
    expect(boardOfPart('xc7z020clg400-1')).toBe('pynq-z2');
    expect(boardOfPart('xcku115-flvb2104-2-i')).toBeUndefined();
    expect(new Set(BOARDS.map((b) => b.name)).size).toBe(BOARDS.length);
    expect(listDevices().length).toBeGreaterThanOrEqual(9);
  });

  it('refuses an unknown part with a clear error', () => {
    expect(() => resolveDevice('xcku115-flvb2104-2-i')).toThrowError(/Unknown board or part "xcku115-flvb2104-2-i"/);
    try {
      resolveDevice('nope');
    } catch (error) {
      expect(isHlsestError(error, 'HLSEST_UNKNOWN_PART')).toBe(true);
    }
  });
});

describe('BRAM units', () => {
  it('converts Vivado 36K tiles to 18K blocks and back', () => {
    expect(bram36ToBram18(0.5)).toBe(1);
    expect(bram36ToBram18(17.5)).toBe(35);
    expect(bram18ToBram36(6)).toBe(3);
  });
});
