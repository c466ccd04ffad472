import { describe, expect, it } from 'vitest';
import { holmAdjust } from '../../../lib/analysis/multiple-comparisons';

describe('holmAdjust', () => {
  it.each<[string, number[], number[]]>([
    // sorted: 0.005 (#4), 0.01 (#1), 0.03 (#3), 0.04 (#2); m = 4
    // 4·0.005 = 0.02; max(0.02, 3·0.01 = 0.03) = 0.03; max(0.03, 2·0.03 = 0.06) = 0.06; max(0.06, 1·0.04) = 0.06
    // R p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm") → 0.03 0.06 0.06 0.02
    ['four p-values', [0.01, 0.04, 0.03, 0.005], [0.03, 0.06, 0.06, 0.02]],
    // 2·0.5 = 1; max(1, 0.6) = 1: never above 1
    ['capped at 1', [0.5, 0.6], [1, 1]],
    // ties: 2·0.01 = 0.02, max(0.02, 0.01) = 0.02
    ['ties', [0.01, 0.01], [0.02, 0.02]],
    // one test: unchanged
    ['a single p-value', [0.04], [0.04]],
    // the crosstab fixture's four cells (crosstab.test.ts): 4·0.0046133 = 0.0184531 (×2 by monotonicity), 2·0.0156806 = 0.0313611 (×2)
    [
      'the crosstab cells',
      [0.0156805504085073, 0.0046132868166852, 0.0156805504085073, 0.0046132868166852],
      [0.0313611008170146, 0.0184531472667408, 0.0313611008170146, 0.0184531472667408],
    ],
    ['none', [], []],
  ])('holmAdjust(%s) → R p.adjust(…, "holm")', (_, p, expected) => {
    const adjusted = holmAdjust(p);
    expect(adjusted).toHaveLength(expected.length);
    adjusted.forEach((value, i) => expect(value).toBeCloseTo(expected[i], 12));
  });

  it('holmAdjust([0.01, NaN, 0.04]) leaves NaN as NaN and counts m = 2: [0.02, NaN, 0.04]', () => {
    // without the NaN, m = 2: 2·0.01 = 0.02; max(0.02, 1·0.04) = 0.04
    const adjusted = holmAdjust([0.01, NaN, 0.04]);
    expect(adjusted[0]).toBeCloseTo(0.02, 12);
    expect(Number.isNaN(adjusted[1])).toBe(true);
    expect(adjusted[2]).toBeCloseTo(0.04, 12);
  });

  it('holmAdjust never lowers a p-value and keeps the order of the input', () => {
    const p = [0.2, 0.001, 0.049, 0.03];
    const adjusted = holmAdjust(p);
    adjusted.forEach((value, i) => expect(value).toBeGreaterThanOrEqual(p[i]));
    // 4·0.001 = 0.004; 3·0.03 = 0.09; 2·0.049 = 0.098; max(0.098, 0.2) = 0.2
    expect(adjusted.map((value) => +value.toFixed(6))).toEqual([0.2, 0.004, 0.098, 0.09]);
  });
});
