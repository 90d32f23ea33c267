import { isModelledRelease, type Target } from '@hlsest/core';
import type { HeldOutSample } from './held-out.js';
import { bandHalfWidth, bandSigma, beyond, gateOf, MAX_BAND_HALF_WIDTH } from '@hlsest/predictor';
import { evenly, pushTo } from './collections.js';

/** What held-out families decide for one target: whether and how far the correction reaches, and the band. */
export interface TargetChoice {
  readonly enabled: boolean;
  readonly gateScale: number;
  readonly halfWidth: number;
  readonly widen: number;
  /** Added to the widened half-width: what families left out of the choice needed (`safetyMargin`). */
  readonly margin: number;
}

export const NEUTRAL_CHOICE: TargetChoice = { enabled: false, gateScale: 0, halfWidth: 1, widen: 0.5, margin: 0 };

const Z80 = 1.2815515655446004;
/** Gate scales tried: 0 keeps the correction inside the data only; larger ones let it reach further. */
const GATE_SCALES = [0, 0.25, 0.5, 1, 2, 4, 1e6];
const WIDENINGS = [0, 0.05, 0.1, 0.25, 0.5];
/**
 * Bands are the width the other families need plus a safety margin (log1p space) held-out
 * families justify, up to this (e^1.5 ≈ 4.5× either way). A margin, not a factor: where the other
 * families' rule errors are nil the width they need is 0, and no factor widens that.
 */
const MAX_MARGIN = 1.5;
/** The share of a family left out of the choice its band should hold, where a margin up to `MAX_MARGIN` can make it. */
const LEFT_OUT_FLOOR = 0.75;
/** Families count equally: the band holds 80 % on average over families, and at least this in each one. */
const FAMILY_FLOOR = 0.5;
/** A family counts for the band only with this many samples. */
const MIN_FAMILY_SAMPLES = 5;
/** The correction may not make any group worse than hls4ml's rule alone by more than this (sMAPE points). */
const NO_WORSE = 3;
/**
 * The correction ships only if it lowers the mean sMAPE of the families left out whole by at
 * least this (points): gains on a family's own unseen designs alone say nothing about a user's
 * design from a family the bundle never saw, and there the correction can only do harm.
 */
const MIN_TRANSFER = 0.1;

export const smape = (t: number, p: number) => (200 * Math.abs(t - p)) / (Math.abs(t) + Math.abs(p) + 1);

/** The estimate of a held-out sample under a choice, with its band, in target units. */
export function estimateOf(s: HeldOutSample, choice: TargetChoice, far: number): { value: number; lo: number; hi: number } {
  if (s.exact) return { value: s.rule, lo: Math.max(0, s.rule * (1 - s.tolerance)), hi: s.rule * (1 + s.tolerance) };
  const mu = centre(s, choice, far);
  const half = bandHalfWidth(choice, s.distance, far);
  const sigma = bandSigma(half, s.variance, Z80);
  return { value: Math.max(0, Math.expm1(mu)), lo: Math.max(0, Math.expm1(mu - sigma)), hi: Math.max(0, Math.expm1(mu + sigma)) };
}

/** The estimate's centre in log1p space. */
function centre(s: HeldOutSample, choice: TargetChoice, far: number): number {
  return Math.log1p(s.rule) + gateOf(choice, s.distance, far) * s.correction;
}

/**
 * Samples by the group that judges them: a family left out whole, or a family's own designs
 * kept out of a fit that saw the family (the correction's home ground). Each group counts once.
 */
function byFamily(samples: readonly HeldOutSample[]): Map<string, readonly HeldOutSample[]> {
  const map = new Map<string, HeldOutSample[]>();
  for (const s of samples) pushTo(map, s.inside ? `${s.record.family} (inside)` : s.record.family, s);
  return new Map([...map].map(([group, list]) => [group, evenly(list, MAX_GROUP_SAMPLES)]));
}

/**
 * Groups count once each, so a group's mean sMAPE and coverage need no more samples than this:
 * an even spread of them keeps every choice's cost flat in the dataset's size (a 500k-row
 * family would otherwise cost minutes per target).
 */
const MAX_GROUP_SAMPLES = 1000;

/**
 * Chooses, from samples the scoring bundles never saw (whole families left out, and each fit's
 * own validation designs), how far one target's correction may reach and how wide its band must
 * be: the gate that lowers the mean of the groups' sMAPEs most while no group does worse than
 * hls4ml's rule alone and families left out whole gain on average, then the narrowest band (half-width and
 * widening with distance) that holds the truth 80 % of the time on average over groups, and at
 * least half the time in each.
 */
export function chooseForTarget(samples: readonly HeldOutSample[], far: number): TargetChoice {
  const families = byFamily(samples.filter((s) => !s.exact && judges(s)));
  if (families.size === 0) return NEUTRAL_CHOICE;
  const familySmape = (choice: TargetChoice, list: readonly HeldOutSample[]) => list.reduce((a, s) => a + smape(s.truth, estimateOf(s, choice, far).value), 0) / list.length;
  const score = (choice: TargetChoice) => new Map([...families].map(([f, list]) => [f, familySmape(choice, list)]));
  const base = { choice: NEUTRAL_CHOICE, scores: score(NEUTRAL_CHOICE) };
  const leftOut = [...families.keys()].filter((f) => !families.get(f)![0]!.inside);
  const transfer = (scores: Map<string, number>) => mean(leftOut.map((f) => base.scores.get(f)! - scores.get(f)!));
  let best = base.choice;
  let bestScore = mean([...base.scores.values()]);
  for (const gateScale of GATE_SCALES) {
    const choice: TargetChoice = { ...NEUTRAL_CHOICE, enabled: true, gateScale };
    const scores = score(choice);
    if ([...scores].some(([f, v]) => v > base.scores.get(f)! + NO_WORSE)) continue;
    // Without a family left out whole (holdout, k-fold) nothing speaks for or against transfer.
    if (leftOut.length > 0 && transfer(scores) < MIN_TRANSFER) continue;
    const total = mean([...scores.values()]);
    if (total < bestScore - 1e-9) {
      best = choice;
      bestScore = total;
    }
  }
  return { ...best, ...chooseBand(samples, best, far) };
}

/**
 * Whether a sample may set gates and bands: its family was built by an hls4ml release the rules
 * describe. Forks, development branches and pre-0.6 releases are scored and reported, but a
 * band that had to hold them would be too wide to tell a release user anything.
 */
function judges(s: HeldOutSample): boolean {
  return isModelledRelease(s.record.record.toolchain.hls4mlVersion);
}

function chooseBand(samples: readonly HeldOutSample[], choice: TargetChoice, far: number): Pick<TargetChoice, 'halfWidth' | 'widen'> {
  const free = samples.filter((s) => !s.exact && judges(s));
  const families = [...byFamily(free).values()].filter((list) => list.length >= MIN_FAMILY_SAMPLES);
  if (families.length === 0) return { halfWidth: NEUTRAL_CHOICE.halfWidth, widen: NEUTRAL_CHOICE.widen };
  const residuals = families.map((list) => list.map((s) => ({ r: Math.abs(Math.log1p(s.truth) - centre(s, choice, far)), d: beyond(s.distance, far), v: s.variance })));
  const holds = (h: number, w: number) => {
    const shares = residuals.map((list) => list.filter(({ r, d, v }) => r <= bandSigma(Math.min(MAX_BAND_HALF_WIDTH, h * (1 + w * d)), v, Z80)).length / list.length);
    return mean(shares) >= 0.8 && Math.min(...shares) >= FAMILY_FLOOR;
  };
  let best = { halfWidth: MAX_BAND_HALF_WIDTH, widen: 0, width: Infinity };
  for (const widen of WIDENINGS) {
    let lo = 0;
    let hi = MAX_BAND_HALF_WIDTH;
    if (!holds(hi, widen)) continue;
    for (let i = 0; i < 40; i++) {
      const mid = (lo + hi) / 2;
      if (holds(mid, widen)) hi = mid;
      else lo = mid;
    }
    const width = mean(residuals.map((list) => mean(list.map(({ d }) => Math.min(MAX_BAND_HALF_WIDTH, hi * (1 + widen * d))))));
    if (width < best.width) best = { halfWidth: hi, widen, width };
  }
  return { halfWidth: best.halfWidth, widen: best.widen };
}

function byTarget(samples: readonly HeldOutSample[]): Map<Target, HeldOutSample[]> {
  const map = new Map<Target, HeldOutSample[]>();
  for (const s of samples) pushTo(map, s.target, s);
  return map;
}

/** Per target, the band margin families left out of the choice need (`safetyMargin`): costly, so computed once and shared. */
export function safetyMargins(samples: readonly HeldOutSample[], far: number): Map<Target, number> {
  return new Map([...byTarget(samples)].map(([t, list]) => [t, safetyMargin(list, far)]));
}

/** Choices for every target from all samples (what a bundle ships), bands widened by the margin held-out families need. */
export function chooseAll(samples: readonly HeldOutSample[], far: number, margins = safetyMargins(samples, far)): Map<Target, TargetChoice> {
  return new Map([...byTarget(samples)].map(([t, list]) => {
    const choice = chooseForTarget(list, far);
    return [t, { ...choice, margin: margins.get(t) ?? 0 }];
  }));
}

/**
 * How much wider than the other families need a band must be to hold 80 % on families left
 * out of the choice, on average over those families and at least `LEFT_OUT_FLOOR` in each one
 * (each judged with the choice made without it): the smallest margin that does, up to
 * `MAX_MARGIN`. Where no margin up to it reaches the floor in every family, the average alone
 * decides. A new user's design is a family of one the bundle never saw.
 */
function safetyMargin(samples: readonly HeldOutSample[], far: number): number {
  const families = [...byFamily(samples.filter((s) => !s.exact && !s.inside && judges(s)))].filter(([, list]) => list.length >= MIN_FAMILY_SAMPLES);
  if (families.length < 2) return 0;
  const left = families.map(([family, own]) => ({ own, choice: chooseForTarget(samples.filter((s) => s.record.family !== family), far) }));
  const shares = (k: number) =>
    left.map(({ own, choice }) => own.filter((s) => {
      const e = estimateOf(s, { ...choice, margin: k }, far);
      return s.truth >= e.lo && s.truth <= e.hi;
    }).length / own.length);
  const holdsWith = (floor: number) => (k: number) => {
    const each = shares(k);
    return mean(each) >= 0.8 && Math.min(...each) >= floor;
  };
  const strict = holdsWith(LEFT_OUT_FLOOR);
  const holds = strict(MAX_MARGIN) ? strict : holdsWith(0);
  if (holds(0)) return 0;
  if (!holds(MAX_MARGIN)) return MAX_MARGIN;
  let lo = 0;
  let hi = MAX_MARGIN;
  for (let i = 0; i < 30; i++) {
    const mid = (lo + hi) / 2;
    if (holds(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * Each scored sample's estimate with choices made without it: the honest score of a bundle,
 * gates and bands included (the band's safety margin, one number for all families, is the one
 * the bundle ships). A family left out whole is judged by choices that never saw it; designs of
 * a family the bundle trained on (holdout, k-fold) by choices that saw the family's validation
 * designs but not the scored ones, as a shipped bundle sees a family it was trained on.
 */
export function crossFittedEstimates(
  samples: readonly HeldOutSample[],
  far: number,
  margins = safetyMargins(samples, far),
): { sample: HeldOutSample; value: number; lo: number; hi: number; rule: number }[] {
  const out: { sample: HeldOutSample; value: number; lo: number; hi: number; rule: number }[] = [];
  const groups = new Map<string, HeldOutSample[]>();
  for (const s of samples) if (s.scored) pushTo(groups, `${s.inside ? 'inside' : 'left out'}\u0000${s.record.family}`, s);
  for (const own of groups.values()) {
    const { family } = own[0]!.record;
    const others = own[0]!.inside ? samples.filter((s) => !(s.scored && s.record.family === family)) : samples.filter((s) => s.record.family !== family);
    const choices = new Map([...new Set(others.map((s) => s.target))].map((t) => [t, chooseForTarget(others.filter((s) => s.target === t), far)]));
    for (const s of own) {
      const base = choices.get(s.target) ?? NEUTRAL_CHOICE;
      const choice = { ...base, margin: margins.get(s.target) ?? 0 };
      const e = estimateOf(s, choice, far);
      out.push({ sample: s, ...e, rule: s.rule });
    }
  }
  return out;
}

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
