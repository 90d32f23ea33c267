import { describe, expect, it } from 'vitest';
import { bandHalfWidth, MAX_BAND_HALF_WIDTH } from './reach.js';

describe('bandHalfWidth', () => {
  it('widens the base width with distance and adds the left-out families’ margin once', () => {
    const band = { halfWidth: 0.2, widen: 0.5, margin: 0.7 };
    expect(bandHalfWidth(band, 0.5, 8)).toBeCloseTo(0.2 + 0.7, 12);
    // 3 units beyond the data: the base widens by 1 + 0.5·3, the margin does not.
    expect(bandHalfWidth(band, 4, 8)).toBeCloseTo(0.2 * 2.5 + 0.7, 12);
    // Past `far` the widening saturates, and no band is wider than the cap.
    expect(bandHalfWidth(band, 100, 8)).toBeCloseTo(0.2 * (1 + 0.5 * 7) + 0.7, 12);
    expect(bandHalfWidth({ halfWidth: 3, widen: 1, margin: 1 }, 100, 8)).toBe(MAX_BAND_HALF_WIDTH);
    // Bundles written before margins existed read as margin 0.
    expect(bandHalfWidth({ halfWidth: 0.2, widen: 0 }, 4, 8)).toBeCloseTo(0.2, 12);
  });
});
