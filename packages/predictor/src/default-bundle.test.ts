import { describe, expect, it } from 'vitest';
import { loadDefaultPredictor } from './node.js';

interface HeldOut {
  n: number;
  smape: number;
  r2: number;
  baselines: { mean: { smape: number }; analytic: { smape: number } };
}

describe('the shipped default bundle', () => {
  it('loads, verifies its checksums and covers every target', async () => {
    const predictor = await loadDefaultPredictor();
    expect(predictor.manifest.name).toBe('hlsest-default');
    // No implementation targets: the only post-implementation numbers come from an hls4ml fork.
    expect(predictor.targets).toEqual(['bram', 'dsp', 'ff', 'lut', 'hls_bram', 'hls_dsp', 'hls_ff', 'hls_lut', 'cycles', 'interval']);
    expect(predictor.manifest.members.length).toBeGreaterThanOrEqual(3);
  });

  it('was scored one family at a time, and beats the mean on families it never saw', async () => {
    const predictor = await loadDefaultPredictor();
    expect(predictor.manifest.training['split']).toEqual({ kind: 'leave-one-out', by: 'family' });
    expect(predictor.manifest.training['heldOutFamilies']).toEqual(expect.arrayContaining(['argykokk-mlp', 'hls4ml-baselines', 'kebl-cnn', 'wa-hls4ml-flat', 'wa-hls4ml-records']));
    const heldOut = predictor.manifest.metrics['heldOut'] as Record<string, HeldOut>;
    for (const target of predictor.targets) {
      const m = heldOut[target]!;
      // HLS-estimate targets and the II come from a few hundred designs; the rest from thousands.
      expect(m.n, target).toBeGreaterThan(['bram', 'dsp', 'ff', 'lut', 'cycles'].includes(target) ? 1000 : 100);
      expect(m.smape, `${target}: ${m.smape} vs mean ${m.baselines.mean.smape}`).toBeLessThan(m.baselines.mean.smape);
    }
  });

  it('ships bands that held 80 % on families left out of their choice, on average over families', async () => {
    const predictor = await loadDefaultPredictor();
    const heldOut = predictor.manifest.metrics['heldOut'] as Record<string, HeldOut & { subsets: { family: Record<string, { n: number; coverage80: number }> } }>;
    for (const target of ['bram', 'dsp', 'ff', 'lut', 'cycles', 'interval', 'hls_bram'] as const) {
      const families = Object.values(heldOut[target]!.subsets.family).filter((f) => f.n >= 5);
      const mean = families.reduce((a, f) => a + f.coverage80, 0) / families.length;
      expect(mean, target).toBeGreaterThanOrEqual(0.6);
    }
  });
});
