import { describe, expect, it } from 'vitest';
import type { Target } from '@hlsest/core';
import { chooseForTarget, crossFittedEstimates } from './calibrate.js';
import type { HeldOutSample } from './held-out.js';
import type { PreparedRecord } from './prepared.js';
import { seededRandom } from './rng.js';

const FAR = 8;

/**
 * Synthetic held-out samples of one target: per family, truths off hls4ml's rule by a
 * log-space error of the given spread, a correction that fixes `fixes` of that error, at a
 * distance from the training data.
 */
function family(name: string, options: { n?: number; spread: number; fixes: number; distance: number; inside?: boolean; scored?: boolean; version?: string; seed?: number }): HeldOutSample[] {
  const random = seededRandom(options.seed ?? name.length);
  const record = { family: name, record: { toolchain: { ...(options.version && { hls4mlVersion: options.version }) } } } as unknown as PreparedRecord;
  return Array.from({ length: options.n ?? 60 }, () => {
    const rule = 100 + 900 * random();
    const error = options.spread * (2 * random() - 1);
    return {
      record,
      target: 'lut' as Target,
      truth: Math.expm1(Math.log1p(rule) + error),
      rule,
      correction: options.fixes * error,
      variance: 0,
      distance: options.distance,
      exact: false,
      tolerance: 0.01,
      logMean: 6,
      inside: options.inside ?? false,
      scored: options.scored ?? !(options.inside ?? false),
    };
  });
}

const covered = (list: readonly { sample: HeldOutSample; lo: number; hi: number }[]) => list.filter((e) => e.sample.truth >= e.lo && e.sample.truth <= e.hi).length / list.length;

describe('choosing gates and bands on held-out families', () => {
  it('lets the correction act near the data, where it helps, and not where it was never tested', () => {
    const samples = [
      // Inside the data the correction removes 80 % of the error…
      ...family('a', { spread: 1, fixes: 0.8, distance: 0.5, inside: true }),
      ...family('b', { spread: 1, fixes: 0.8, distance: 0.7, inside: true }),
      // …and on a family left out whole nearby it still helps…
      ...family('c', { spread: 1, fixes: 0.5, distance: 1.2 }),
      // …while other families left out whole lie far away, where it would be wrong.
      ...family('a', { spread: 0.5, fixes: -1, distance: 20 }),
      ...family('b', { spread: 0.5, fixes: -1, distance: 20 }),
    ];
    const choice = chooseForTarget(samples, FAR);
    expect(choice.enabled).toBe(true);
    // Past `far` the gate is closed whatever its scale: the far families keep hls4ml's rule.
    const far = crossFittedEstimates(samples, FAR).filter((e) => !e.sample.inside);
    for (const e of far) expect(e.value).toBeCloseTo(e.sample.rule, 6);
  });

  it('keeps the correction off when it helps only on unseen designs of families it was trained on', () => {
    const samples = [
      ...family('a', { spread: 1, fixes: 0.8, distance: 0.5, inside: true }),
      ...family('b', { spread: 1, fixes: 0.8, distance: 0.7, inside: true }),
      // Every family left out whole lies where the gate is closed: nothing shows the correction transfers.
      ...family('a', { spread: 0.5, fixes: 0.8, distance: 20 }),
      ...family('b', { spread: 0.5, fixes: 0.8, distance: 20 }),
    ];
    expect(chooseForTarget(samples, FAR).enabled).toBe(false);
  });

  it('scores unseen designs of a trained family with choices its validation designs made, not as a family never seen', () => {
    // A holdout split: every family is trained on; the fit's validation designs and the scored ones agree.
    const samples = [
      ...family('flat', { spread: 1, fixes: 0.8, distance: 0.5, inside: true }),
      ...family('flat', { spread: 1, fixes: 0.8, distance: 0.5, inside: true, scored: true, seed: 5 }),
      ...family('small', { n: 8, spread: 1, fixes: 0, distance: 0.5, inside: true, scored: true }),
    ];
    const flat = crossFittedEstimates(samples, FAR).filter((e) => e.sample.record.family === 'flat');
    expect(flat).toHaveLength(60);
    const error = (value: (e: (typeof flat)[number]) => number) => flat.reduce((sum, e) => sum + Math.abs(Math.log1p(e.sample.truth) - Math.log1p(value(e))), 0);
    // The correction is on for them (their own family's validation designs chose it)…
    expect(error((e) => e.value)).toBeLessThan(0.5 * error((e) => e.rule));
    // …and the scored designs themselves took no part: choosing on them alone gives the same answer.
    const chosenWithout = chooseForTarget(samples.filter((s) => !(s.scored && s.record.family === 'flat')), FAR);
    expect(chosenWithout.enabled).toBe(true);
  });

  it('turns the correction off when it makes any group worse', () => {
    const samples = [
      ...family('a', { spread: 1, fixes: 0.8, distance: 0.5, inside: true }),
      ...family('b', { spread: 1, fixes: -0.8, distance: 0.5, inside: true }),
    ];
    expect(chooseForTarget(samples, FAR).enabled).toBe(false);
  });

  it('sizes the band to hold 80 % on average over families, each family counting once', () => {
    const samples = [
      ...family('tight', { n: 400, spread: 0.2, fixes: 0, distance: 20 }),
      ...family('loose', { n: 40, spread: 1.5, fixes: 0, distance: 20 }),
      ...family('mid', { n: 40, spread: 0.6, fixes: 0, distance: 20 }),
    ];
    const choice = chooseForTarget(samples, FAR);
    const byFamily = (name: string) => samples.filter((s) => s.record.family === name);
    const share = (list: HeldOutSample[]) => {
      const half = choice.halfWidth * (1 + choice.widen * (FAR - 1));
      return list.filter((s) => Math.abs(Math.log1p(s.truth) - Math.log1p(s.rule)) <= Math.min(4, half)).length / list.length;
    };
    const shares = ['tight', 'loose', 'mid'].map((f) => share(byFamily(f)));
    expect(shares.reduce((a, b) => a + b, 0) / 3).toBeGreaterThanOrEqual(0.8);
    expect(Math.min(...shares)).toBeGreaterThanOrEqual(0.5);
    // The big tight family alone would have allowed a far narrower band.
    expect(chooseForTarget(byFamily('tight'), FAR).halfWidth).toBeLessThan(choice.halfWidth / 3);
  });

  it('widens bands by a margin so a family left out is held even where the others need no band at all', () => {
    const samples = [
      ...family('exact-a', { spread: 0, fixes: 0, distance: 20 }),
      ...family('exact-b', { spread: 0, fixes: 0, distance: 20, seed: 3 }),
      ...family('loose', { spread: 0.5, fixes: 0, distance: 20 }),
    ];
    // Chosen without it, the band is as narrow as the exact families allow…
    expect(chooseForTarget(samples.filter((s) => s.record.family !== 'loose'), FAR).halfWidth).toBeLessThan(1e-6);
    // …and the margin the left-out families need still holds it.
    const loose = crossFittedEstimates(samples, FAR).filter((e) => e.sample.record.family === 'loose');
    expect(covered(loose)).toBeGreaterThanOrEqual(0.75);
  });

  it('leaves families built by forks or pre-0.6 hls4ml out of the choice, but scores them', () => {
    const release = family('release', { spread: 0.3, fixes: 0, distance: 20 });
    const other = family('release-2', { spread: 0.3, fixes: 0, distance: 20, seed: 7 });
    const fork = family('fork', { spread: 3, fixes: 0, distance: 20, version: 'fork' });
    const old = family('old', { spread: 3, fixes: 0, distance: 20, version: '0.4' });
    const without = chooseForTarget([...release, ...other], FAR);
    const withForks = chooseForTarget([...release, ...other, ...fork, ...old], FAR);
    expect(withForks.halfWidth).toBeCloseTo(without.halfWidth, 6);
    const scored = crossFittedEstimates([...release, ...other, ...fork, ...old], FAR);
    expect(new Set(scored.map((e) => e.sample.record.family))).toEqual(new Set(['release', 'release-2', 'fork', 'old']));
    expect(covered(scored.filter((e) => e.sample.record.family === 'fork'))).toBeLessThan(0.5);
  });
});
