import { describe, expect, it } from 'vitest';
import { benjaminiHochbergAdjust } from '../../../lib/analysis/false-discovery-rate';

describe('benjaminiHochbergAdjust', () => {
  it.each([
    // By hand, sorted 0.005, 0.01, 0.03, 0.04 (m = 4): p·m/rank = 0.02, 0.02, 0.04, 0.04, already monotone; R: p.adjust(p, "BH").
    ['four p-values, by hand and R', [0.01, 0.04, 0.03, 0.005], [0.02, 0.04, 0.04, 0.02]],
    // 0.9·2/1 = 1.8 is above 0.95·2/2: the step-up minimum from the top keeps 0.95 (R: 0.95 0.95).
    ['a smaller p whose raw ratio passes a larger one', [0.9, 0.95], [0.95, 0.95]],
    // Ties share their q: both 0.02·3/3 = 0.02 once the minimum runs down; 0.001·3 = 0.003.
    ['ties', [0.02, 0.001, 0.02], [0.02, 0.003, 0.02]],
    ['one test: q = p', [0.3], [0.3]],
    ['none', [], []],
  ])('benjaminiHochbergAdjust(%s)', (_, p, q) => {
    benjaminiHochbergAdjust(p).forEach((value, k) => expect(value).toBeCloseTo(q[k], 14));
  });

  it('benjaminiHochbergAdjust([0.01, NaN, 0.04]) → NaN stays NaN and m = 2: 0.02, NaN, 0.04', () => {
    const adjusted = benjaminiHochbergAdjust([0.01, NaN, 0.04]);
    expect(adjusted[0]).toBeCloseTo(0.02, 14);
    expect(adjusted[1]).toBeNaN();
    expect(adjusted[2]).toBeCloseTo(0.04, 14);
  });

  it('benjaminiHochbergAdjust(p) never exceeds 1 and never falls below p', () => {
    const p = [0.5, 0.7, 0.99, 0.001, 0.2];
    benjaminiHochbergAdjust(p).forEach((q, k) => {
      expect(q).toBeLessThanOrEqual(1);
      expect(q).toBeGreaterThanOrEqual(p[k]);
    });
  });
});
