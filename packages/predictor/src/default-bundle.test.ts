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
    expect(predictor.manifest.training['heldOutFamilies']).toEqual(expect.arrayContaining(['argykokk-mlp', 'hls4ml-baselines', 'wa-hls4ml-flat', 'wa-hls4ml-records']));
    const heldOut = predictor.manifest.metrics['heldOut'] as Record<string, HeldOut>;
    for (const target of predictor.targets) {
      const m = heldOut[target]!;
      // HLS-estimate targets and the II come from a few hundred designs; the rest from thousands.
      expect(m.n, target).toBeGreaterThan(['bram', 'dsp', 'ff', 'lut', 'cycles'].includes(target) ? 1000 : 100);
      expect(m.smape, `${target}: ${m.smape} vs mean ${m.baselines.mean.smape}`).toBeLessThan(m.baselines.mean.smape);
    }
  });

  it('is no worse than the rule on any family it never saw, and its bands held 75 % on each release-built one', async () => {
    const predictor = await loadDefaultPredictor();
    type Family = { n: number; smape: number; ruleSmape: number; coverage80: number };
    const heldOut = predictor.manifest.metrics['heldOut'] as Record<string, HeldOut & { subsets: { family: Record<string, Family> } }>;
    // Built by a development branch, a fork or hls4ml 0.4: scored, but outside what the rules describe.
    const unmodelled = new Set(['calwilee-sepconv', 'enet', 'nas-lenet']);
    // Reports/rules: the share of 8-bit constant products Vitis keeps on DSPs follows the trained weights, which the projects do not ship.
    const knownMisses = new Set(['argykokk-mlp/hls_dsp']);
    const misses: string[] = [];
    for (const target of predictor.targets) {
      for (const [family, f] of Object.entries(heldOut[target]!.subsets.family)) {
        expect(f.smape, `${family} / ${target}`).toBeLessThanOrEqual(f.ruleSmape + 0.5);
        if (f.n >= 5 && !unmodelled.has(family) && f.coverage80 < 0.75) misses.push(`${family}/${target}`);
      }
    }
    expect(misses).toEqual([...knownMisses]);
  });
});
