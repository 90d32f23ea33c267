/**
 * How far the learned correction reaches and how bands widen with distance from the training
 * data. Shared by the predictor and by training, which chooses `gateScale` and `widen` on
 * held-out families: one definition, so what training scores is what the bundle does.
 */

export interface Reach {
  readonly enabled: boolean;
  /** 0: the correction acts inside the data only; larger values let it fade out further. */
  readonly gateScale: number;
}

/** The correction's weight at distance `d` (1 = the edge of the training data): full inside, fading beyond, none past `far`. */
export function gateOf(reach: Reach, d: number, far: number): number {
  if (!reach.enabled || d > far) return 0;
  if (d <= 1) return 1;
  return reach.gateScale === 0 ? 0 : Math.exp(-(((d - 1) / reach.gateScale) ** 2));
}

/** How far beyond the training data a design lies, for widening bands: saturates at `far`, where the correction is off anyway. */
export function beyond(d: number, far: number): number {
  return Math.min(Math.max(0, d - 1), Math.max(0, far - 1));
}

/**
 * The widest band half-width (log1p space) a bundle gives: e^4 ≈ 55× either way. Past that a
 * band says nothing a user can act on; the estimate's warnings say why it is that unsure.
 */
export const MAX_BAND_HALF_WIDTH = 4;

/**
 * The band's half-width in log1p space at distance `d`, before the members' spread is added: the
 * width the training families' held-out designs need, widened with distance, plus the margin
 * families left out whole needed on top (not widened again: it was measured on far designs).
 */
export function bandHalfWidth(band: { readonly halfWidth: number; readonly widen: number; readonly margin?: number }, d: number, far: number): number {
  return Math.min(MAX_BAND_HALF_WIDTH, band.halfWidth * (1 + band.widen * beyond(d, far)) + (band.margin ?? 0));
}

/** The band's half-width with the members' disagreement (variance `spread`, z-scaled) added, capped. */
export function bandSigma(half: number, spread: number, z: number): number {
  return Math.min(MAX_BAND_HALF_WIDTH, Math.sqrt(half * half + z * z * spread));
}
