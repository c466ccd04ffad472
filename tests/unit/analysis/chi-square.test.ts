import { describe, expect, it } from 'vitest';
import { chiSquareTest } from '../../../lib/analysis/chi-square';

describe('chiSquareTest (Pearson, no continuity correction)', () => {
  it('chiSquareTest([[12, 8], [5, 15]]) → χ² 5.012788, df 1, p 0.025161', () => {
    // n = 40; rows 20, 20; columns 17, 23. Expected: 20·17/40 = 8.5, 20·23/40 = 11.5 (both rows).
    // χ² = 2·(12 − 8.5)²/8.5 + 2·(8 − 11.5)²/11.5 = 2·12.25/8.5 + 2·12.25/11.5 = 2.882353 + 2.130435 = 5.012788
    // Check with the 2×2 shortcut: (ad − bc)²·n / (r1·r2·c1·c2) = (180 − 40)²·40 / (20·20·17·23) = 784000/156400
    // p = P(χ²₁ ≥ 5.012788) = 2·(1 − Φ(√5.012788 = 2.238926)) ≈ 0.02516
    // R: chisq.test(matrix(c(12, 5, 8, 15), 2), correct = FALSE) → X-squared = 5.012787724, p-value = 0.0251607592
    const test = chiSquareTest([
      [12, 8],
      [5, 15],
    ])!;
    expect(test.statistic).toBeCloseTo(784000 / 156400, 12);
    expect(test.df).toBe(1);
    expect(test.p).toBeCloseTo(0.0251607592, 9);
  });

  it('chiSquareTest([[10, 20, 30], [20, 20, 10]]) → χ² 451/36 = 12.527778, df 2, p = e^(−χ²/2) = 0.0019038', () => {
    // n = 110; rows 60, 50; columns 30, 40, 40.
    // Expected row 1: 60·30/110 = 16.3636, 60·40/110 = 21.8182 (×2); row 2: 13.6364, 18.1818 (×2)
    // (10 − 16.3636)²/16.3636 = 2.474747   (20 − 21.8182)²/21.8182 = 0.151515   (30 − 21.8182)²/21.8182 = 3.068182
    // (20 − 13.6364)²/13.6364 = 2.969697   (20 − 18.1818)²/18.1818 = 0.181818   (10 − 18.1818)²/18.1818 = 3.681818
    // sum = 12.527778 = 451/36; df = (2 − 1)(3 − 1) = 2; for df 2 the upper tail is exactly e^(−x/2) = e^(−6.263889)
    // R: chisq.test(matrix(c(10, 20, 20, 20, 30, 10), 2), correct = FALSE) → 12.5277777777778, p 0.00190382760769549
    const test = chiSquareTest([
      [10, 20, 30],
      [20, 20, 10],
    ])!;
    expect(test.statistic).toBeCloseTo(451 / 36, 10);
    expect(test.df).toBe(2);
    expect(test.p).toBeCloseTo(Math.exp(-451 / 72), 12);
    expect(test.p).toBeCloseTo(0.00190382760769549, 12);
  });

  it('chiSquareTest([[8, 2], [2, 8]]) → χ² 7.2, df 1, p 0.0072904', () => {
    // all expected 5: 4·(3²/5) = 7.2; R: chisq.test(matrix(c(8, 2, 2, 8), 2), correct = FALSE) → p 0.00729035809153564
    const test = chiSquareTest([
      [8, 2],
      [2, 8],
    ])!;
    expect(test.statistic).toBeCloseTo(7.2, 12);
    expect(test.p).toBeCloseTo(0.00729035809153564, 12);
  });

  it('chiSquareTest([[5, 0, 5], [5, 0, 15]]) drops the empty column → the 2×2 [[5, 5], [5, 15]]: χ² 1.875, df 1 (not 2)', () => {
    // shortcut: (5·15 − 5·5)²·30 / (10·20·10·20) = 2500·30/40000 = 1.875; R p-value 0.170903520230798
    const test = chiSquareTest([
      [5, 0, 5],
      [5, 0, 15],
    ])!;
    expect(test.statistic).toBeCloseTo(1.875, 12);
    expect(test.df).toBe(1);
    expect(test.p).toBeCloseTo(0.170903520230798, 12);
  });

  it('chiSquareTest([[0, 0], [3, 4], [5, 1]]) drops the empty row → χ² 3757/1680 = 2.236310, df 1', () => {
    // (3·1 − 4·5)²·13 / (7·6·8·5) = 289·13/1680; R chisq.test(matrix(c(3, 5, 4, 1), 2), correct = FALSE): p 0.134802374642804
    const test = chiSquareTest([
      [0, 0],
      [3, 4],
      [5, 1],
    ])!;
    expect(test.statistic).toBeCloseTo(3757 / 1680, 12);
    expect(test.df).toBe(1);
    expect(test.p).toBeCloseTo(0.134802374642804, 12);
  });

  it('chiSquareTest of an independent table [[2, 4], [3, 6]] → χ² 0, p 1', () => {
    // every cell equals its expected count: 6·5/15 = 2, 6·10/15 = 4, 9·5/15 = 3, 9·10/15 = 6
    const test = chiSquareTest([
      [2, 4],
      [3, 6],
    ])!;
    expect(test.statistic).toBeCloseTo(0, 12);
    expect(test.p).toBeCloseTo(1, 12);
  });

  it.each<[string, number[][]]>([
    ['one row', [[1, 2]]],
    [
      'one non-empty column',
      [
        [3, 0],
        [4, 0],
      ],
    ],
    [
      'all zero',
      [
        [0, 0],
        [0, 0],
      ],
    ],
    ['no rows', []],
  ])('chiSquareTest(%s) → null: nothing to test', (_, table) => {
    expect(chiSquareTest(table)).toBeNull();
  });
});
