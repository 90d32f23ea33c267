import { describe, expect, it } from 'vitest';
import { labelsTarget } from './family.js';

describe('which numbers label a configuration', () => {
  const record = (warnings: string[], assumed?: ('reuseFactor' | 'ioType')[]) => ({ provenance: { source: 'x', format: 'hls4ml-project' as const, file: 'f', ...(assumed && { assumed }) }, warnings });

  it('drops only the DSP, LUT and latency labels of a design whose multipliers a setting outside the config moved onto LUTs', () => {
    const forced = record(['multipliers forced onto LUTs by a setting outside the config (the folder says LUT_…); DSP and LUT counts and the latency do not follow the config']);
    expect(labelsTarget(forced, 'hls_dsp')).toBe(false);
    expect(labelsTarget(forced, 'dsp')).toBe(false);
    expect(labelsTarget(forced, 'hls_lut')).toBe(false);
    expect(labelsTarget(forced, 'lut')).toBe(false);
    expect(labelsTarget(forced, 'cycles')).toBe(false);
    expect(labelsTarget(forced, 'hls_ff')).toBe(true);
    expect(labelsTarget(forced, 'interval')).toBe(true);
    expect(labelsTarget(record([]), 'hls_dsp')).toBe(true);
  });

  it('drops every label of a design whose reuse factor ingest had to guess, but not for an assumed IO type', () => {
    expect(labelsTarget(record([], ['reuseFactor']), 'cycles')).toBe(false);
    expect(labelsTarget(record([], ['ioType']), 'cycles')).toBe(true);
  });
});
