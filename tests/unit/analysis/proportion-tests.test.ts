import { describe, expect, it } from 'vitest';
import { testIndependentSamples, testSegmentAgainstRest, type GroupTally, type ProportionTest } from '../../../lib/analysis/proportion-tests';
import type { Tally } from '../../../lib/analysis/tally';

const unweighted = (count: number): Tally => ({ count, sumW: count, sumW2: count });
const group = (chose: number, base: number): GroupTally => ({ option: unweighted(chose), base: unweighted(base) });

/** A weighted tally from the weights of its respondents. */
const weighted = (...weights: number[]): Tally => ({
  count: weights.length,
  sumW: weights.reduce((a, b) => a + b, 0),
  sumW2: weights.reduce((a, b) => a + b * b, 0),
});

/**
 * Six respondents, worked by hand (and checked with R survey 4.1.1):
 *   row  w  y (chose)  in segment  in base
 *    1   1     0          yes        yes
 *    2   2     1          yes        yes
 *    3   1     0          yes        yes
 *    4   1     1          no         yes
 *    5   3     0          no         yes
 *    6   1     —          no         no
 * Segment: W = 4, p₁ = 2/4 = 0.5, Σw² = 6 (chose: 4)
 *   Σz² = [(1 − 0.5)²·4 + 0.5²·(6 − 4)] / 4² = 1.5/16 = 0.09375
 * Rest:    W = 4, p₂ = 1/4 = 0.25, Σw² = 10 (chose: 1)
 *   Σz² = [0.75²·1 + 0.25²·9] / 4² = 1.125/16 = 0.0703125
 * One sample of N = 6: var = 6/5 · 0.1640625 = 0.196875, SE = 0.443705983732471
 *   t = 0.25/SE = 0.563436169819011, df = 5 in base − 2 = 3, p = 0.612506050667194
 *   R: svyttest(y ~ g, subset(svydesign(ids = ~1, weights = ~w), in_base))
 * As two waves (rows 1–3 and 6 are wave a of 4 respondents, rows 4–5 wave b of 2):
 *   var = 4/3 · 0.09375 + 2/1 · 0.0703125 = 0.125 + 0.140625 = 0.265625, SE = 0.515388203202208
 *   t = 0.485071250072666, df = 5 in base − 3 = 2, p = 0.675557157738475
 *   R: svyttest(y ~ wave, subset(svydesign(ids = ~1, strata = ~wave, weights = ~w), in_base))
 */
const segment: GroupTally = { option: weighted(2), base: weighted(1, 2, 1) };
const rest: GroupTally = { option: weighted(1), base: weighted(1, 3) };

/** R prints 15 significant digits: every figure agrees to 12 decimals, df exactly. */
function expectTest(test: ProportionTest, expected: ProportionTest): void {
  for (const key of ['difference', 'standardError', 'statistic', 'p'] as const) expect(test[key], key).toBeCloseTo(expected[key], 12);
  expect([test.df, test.method]).toEqual([expected.df, expected.method]);
}

describe('testSegmentAgainstRest', () => {
  it('testSegmentAgainstRest(weighted, N = 6) → svyttest: difference 0.25, SE 0.4437060, t 0.5634362, df 3, p 0.6125061', () => {
    expectTest(testSegmentAgainstRest(segment, rest, true, 6), {
      difference: 0.25,
      standardError: 0.443705983732471,
      statistic: 0.563436169819011,
      df: 3,
      p: 0.612506050667194,
      method: 'design-based t-test (R survey svyttest)',
    });
  });

  it('testSegmentAgainstRest(weighted) uses the whole file for N/(N − 1): N = 5 gives var = 5/4 · 0.1640625', () => {
    expect(testSegmentAgainstRest(segment, rest, true, 5).standardError).toBeCloseTo(Math.sqrt(1.25 * 0.1640625), 14);
  });

  /**
   * The crosstab fixture's Yes|A cell: 8 of 10 in the column against 3 of 11 in the rest,
   * pooled 11/21, SE = √(11/21 · 10/21 · (1/10 + 1/11)) = √(1/21) = 0.2182179,
   * z = (0.8 − 3/11)·√21 = 2.4162672, p = 2·(1 − Φ(z)) = 0.0156805504 (R pnorm);
   * R prop.test(c(8, 3), c(10, 11), correct = FALSE) gives X-squared 5.838347 = z².
   */
  it('testSegmentAgainstRest(8/10 vs 3/11, unweighted) → pooled z 2.4162672, p 0.0156805, as the crosstab computes', () => {
    const test = testSegmentAgainstRest(group(8, 10), group(3, 11), false, 22);
    expect(test.difference).toBeCloseTo(0.8 - 3 / 11, 14);
    expect(test.standardError).toBeCloseTo(Math.sqrt(1 / 21), 14);
    expect(test.statistic).toBeCloseTo(2.41626718461308, 12);
    expect(test.statistic ** 2).toBeCloseTo(5.83834710743802, 12);
    expect(test.df).toBeNull();
    expect(test.p).toBeCloseTo(0.0156805504085073, 12);
    expect(test.method).toBe('two-proportion z-test (pooled)');
  });

  it('testSegmentAgainstRest(2/10 vs 9/11) → z −2.8328650: the sign follows segment − rest', () => {
    expect(testSegmentAgainstRest(group(2, 10), group(9, 11), false, 21).statistic).toBeCloseTo(-2.83286497506361, 12);
  });

  it.each([true, false])('testSegmentAgainstRest(empty segment, weighted %s) → every figure NaN, never Infinity', (isWeighted) => {
    const test = testSegmentAgainstRest(group(0, 0), group(3, 11), isWeighted, 11);
    for (const value of [test.difference, test.standardError, test.statistic, test.p]) expect(Number.isNaN(value)).toBe(true);
  });

  it.each([
    ['both 0%', group(0, 10), group(0, 12)],
    ['both 100%', group(10, 10), group(12, 12)],
  ])('testSegmentAgainstRest(%s, unweighted) → standardError 0, statistic and p NaN', (_, a, b) => {
    const test = testSegmentAgainstRest(a, b, false, 22);
    expect(test.standardError).toBe(0);
    expect(Number.isNaN(test.statistic) && Number.isNaN(test.p)).toBe(true);
  });

  it('testSegmentAgainstRest(0% vs 100%, weighted) → standardError 0 (no spread in either group), statistic and p NaN', () => {
    const test = testSegmentAgainstRest({ option: weighted(), base: weighted(1, 2) }, { option: weighted(3, 1), base: weighted(3, 1) }, true, 4);
    expect(test.difference).toBe(-1);
    expect(test.standardError).toBe(0);
    expect(Number.isNaN(test.statistic) && Number.isNaN(test.p)).toBe(true);
  });

  it('testSegmentAgainstRest(everyone chose, sums accumulated in another order) → share exactly 1, standardError 0', () => {
    // 0.1 + 0.2 + 0.3 and 0.3 + 0.2 + 0.1 differ in the last bit: the counts say the share is 1.
    const a = { option: weighted(0.1, 0.2, 0.3), base: weighted(0.3, 0.2, 0.1) };
    const test = testSegmentAgainstRest(a, a, true, 6);
    expect([test.difference, test.standardError]).toEqual([0, 0]);
    expect(Number.isNaN(test.statistic)).toBe(true);
  });

  it('testSegmentAgainstRest(weighted, 2 in base) → df 0, p NaN', () => {
    const test = testSegmentAgainstRest({ option: weighted(1), base: weighted(1) }, { option: weighted(), base: weighted(2) }, true, 2);
    expect(test.df).toBe(0);
    expect(Number.isNaN(test.p)).toBe(true);
  });
});

describe('testIndependentSamples', () => {
  it('testIndependentSamples(waves of 4 and 2, weighted) → svyttest with wave strata: SE 0.5153882, t 0.4850713, df 2, p 0.6755572', () => {
    expectTest(testIndependentSamples({ ...segment, surveySize: 4 }, { ...rest, surveySize: 2 }, true), {
      difference: 0.25,
      standardError: 0.515388203202208,
      statistic: 0.485071250072666,
      df: 2,
      p: 0.675557157738475,
      method: 'design-based t-test, waves as strata (R survey svyttest)',
    });
  });

  it('testIndependentSamples(8/10 vs 3/11, unweighted) → the pooled z-test, as for segments', () => {
    const test = testIndependentSamples({ ...group(8, 10), surveySize: 10 }, { ...group(3, 11), surveySize: 11 }, false);
    expect(test).toEqual(testSegmentAgainstRest(group(8, 10), group(3, 11), false, 21));
  });

  it('testIndependentSamples(empty wave b, weighted) → every figure NaN', () => {
    const test = testIndependentSamples({ ...segment, surveySize: 4 }, { option: weighted(), base: weighted(), surveySize: 0 }, true);
    for (const value of [test.difference, test.standardError, test.statistic, test.p]) expect(Number.isNaN(value)).toBe(true);
  });
});
