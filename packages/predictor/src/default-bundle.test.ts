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
    expect(predictor.targets).toEqual(['bram', 'dsp', 'ff', 'lut', 'hls_bram', 'hls_dsp', 'hls_ff', 'hls_lut', 'cycles', 'interval']);
    expect(predictor.manifest.members.length).toBeGreaterThanOrEqual(3);
  });

  it('beats the mean baseline on held-out designs for every target', async () => {
    const predictor = await loadDefaultPredictor();
    const heldOut = (predictor.manifest.metrics['heldOut'] as Record<string, Record<string, HeldOut>>)['holdout']!;
    for (const target of predictor.targets) {
      const m = heldOut[target]!;
      // The HLS-estimate targets and the II have ~30 held-out designs; the rest, hundreds.
      expect(m.n, target).toBeGreaterThan(['bram', 'dsp', 'ff', 'lut', 'cycles'].includes(target) ? 500 : 20);
      expect(m.smape, `${target}: ${m.smape} vs mean ${m.baselines.mean.smape}`).toBeLessThan(m.baselines.mean.smape);
    }
    expect(heldOut['lut']!.r2).toBeGreaterThan(0.8);
    expect(heldOut['ff']!.r2).toBeGreaterThan(0.8);
  });
});
