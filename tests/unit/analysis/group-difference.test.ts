import { describe, expect, it } from 'vitest';
import { compareMeans, compareShares, MEAN_TEST_METHOD } from '../../../lib/analysis/group-difference';
import { PROPORTION_TEST_METHOD, type GroupTally } from '../../../lib/analysis/proportion-tests';
import { estimateMean } from '../../../lib/analysis/weighted-mean';
import { createBitset, setBit } from '../../../lib/survey/bitset';

const counts = (chose: number, base: number): GroupTally => ({
  option: { count: chose, sumW: chose, sumW2: chose },
  base: { count: base, sumW: base, sumW2: base },
});
const bitsOf = (size: number, members: number[]) => {
  const bits = createBitset(size);
  members.forEach((i) => setBit(bits, i));
  return bits;
};

describe('compareShares', () => {
  // R: prop.test(c(30, 20), c(100, 100), correct = FALSE) → X-squared 2.6666667, p 0.1024704, 95% CI −0.0192200 to 0.2192200.
  it('compareShares(30/100 against 20/100, unweighted) → prop.test(correct = FALSE): p 0.1024704, CI on the unpooled SE −0.0192200 to 0.2192200', () => {
    const result = compareShares(counts(30, 100), counts(20, 100), false, 200);
    expect(result.method).toBe(PROPORTION_TEST_METHOD.pooled);
    expect(result.difference).toBeCloseTo(0.1, 14);
    expect(result.statistic ** 2).toBeCloseTo(2.6666666666666665, 12);
    expect(result.p).toBeCloseTo(0.1024704348597493, 12);
    expect(result.low).toBeCloseTo(-0.0192199548589424, 12);
    expect(result.high).toBeCloseTo(0.2192199548589424, 12);
  });

  /**
   * The six respondents of tests/unit/analysis/proportion-tests.test.ts (w 1 2 1 | 1 3 | 1, y 0 1 0 | 1 0 | —),
   * in R survey 4.1.1 on subset(svydesign(ids = ~1, weights = ~w), !is.na(y)):
   *   svychisq(~y + g, statistic = "F") → F 0.2962963, ndf 1, ddf 4, p 0.6151363 (Rao–Scott, the p we report);
   *   svyttest(y ~ g) → difference 0.25, 95% CI −1.1620705 to 1.6620705 (the difference and interval we report).
   */
  it('compareShares(weighted, N = 6) → p from Rao–Scott (svychisq 0.6151363), difference and interval from svyttest', () => {
    const tally = (...weights: number[]) => ({
      count: weights.length,
      sumW: weights.reduce((a, b) => a + b, 0),
      sumW2: weights.reduce((a, b) => a + b * b, 0),
    });
    const result = compareShares({ option: tally(2), base: tally(1, 2, 1) }, { option: tally(1), base: tally(1, 3) }, true, 6);
    expect(result.method).toBe('Rao–Scott F (R survey svychisq, second order)');
    expect(result.statistic).toBeCloseTo(0.296296296296296, 12);
    expect(result.df).toBeCloseTo(4, 12);
    expect(result.p).toBeCloseTo(0.615136317480124, 12);
    expect(result.difference).toBeCloseTo(0.25, 14);
    expect(result.low).toBeCloseTo(-1.16207046856168, 12);
    expect(result.high).toBeCloseTo(1.66207046856168, 12);
  });

  // R: prop.test(c(0, 0), c(50, 60), correct = FALSE) → p NaN, conf.int 0 to 0.
  it('compareShares(0/50 against 0/60) → no test: p and statistic NaN (never Infinity), interval 0 to 0 as R gives', () => {
    const result = compareShares(counts(0, 50), counts(0, 60), false, 110);
    expect(result.p).toBeNaN();
    expect(result.statistic).toBeNaN();
    expect([result.low, result.high]).toEqual([0, 0]);
  });
});

describe('compareMeans', () => {
  // R: t.test(c(1, 2, 3, 4, 5, 6), c(2, 4, 4, 5, 7, 8, 9)) → t −1.7019608, df 10.8386886, p 0.1172328, CI −4.7550837 to 0.6122266.
  it('compareMeans(1..6 against 2, 4, 4, 5, 7, 8, 9, unweighted) → Welch t.test: t −1.7019608, df 10.838689, p 0.1172328', () => {
    const values = Float64Array.from([1, 2, 3, 4, 5, 6, 2, 4, 4, 5, 7, 8, 9]);
    const options = { surveySize: values.length };
    const group = estimateMean(values, bitsOf(13, [0, 1, 2, 3, 4, 5]), options);
    const rest = estimateMean(values, bitsOf(13, [6, 7, 8, 9, 10, 11, 12]), options);
    const result = compareMeans(group, rest, false);
    expect(result.method).toBe(MEAN_TEST_METHOD.welch);
    expect(result.statistic).toBeCloseTo(-1.701960779126657, 12);
    expect(result.df).toBeCloseTo(10.838688569559016, 10);
    expect(result.p).toBeCloseTo(0.117232802476737, 12);
    expect(result.low).toBeCloseTo(-4.755083737760341, 12);
    expect(result.high).toBeCloseTo(0.612226594903198, 12);
  });

  /**
   * Eight respondents, one blank (worked in R survey 4.1.1):
   *   x  1 2 3 | 4 5 6 7 | NA;  w  1 2 1 | 1 3 1 2 | 1;  g TRUE for the first three and the blank
   *   svyttest(x ~ g, subset(svydesign(ids = ~1, weights = ~w), !is.na(x))): estimate 2 − 39/7 = −3.5714286,
   *   t −5.2448700, df 7 − 2 = 5, p 0.0033404, CI −5.3218341 to −1.8210231 (N = 8, the whole file).
   */
  it('compareMeans(weighted, N = 8) → svyttest: t −5.2448700, df 5, p 0.0033404, CI −5.3218341 to −1.8210231', () => {
    const values = Float64Array.from([1, 2, 3, 4, 5, 6, 7, NaN]);
    const weights = Float64Array.from([1, 2, 1, 1, 3, 1, 2, 1]);
    const options = { weights, surveySize: 8 };
    const group = estimateMean(values, bitsOf(8, [0, 1, 2, 7]), options);
    const rest = estimateMean(values, bitsOf(8, [3, 4, 5, 6]), options);
    const result = compareMeans(group, rest, true);
    expect(result.method).toBe(MEAN_TEST_METHOD.design);
    expect(result.difference).toBeCloseTo(-3.5714285714285712, 12);
    expect(result.statistic).toBeCloseTo(-5.244870028837895, 12);
    expect(result.df).toBe(5);
    expect(result.p).toBeCloseTo(0.00334035989042834, 12);
    expect(result.low).toBeCloseTo(-5.321834084340965, 12);
    expect(result.high).toBeCloseTo(-1.82102305851618, 12);
  });

  it('compareMeans(a single respondent against many) → no test: NaN p and interval', () => {
    const values = Float64Array.from([3, 1, 2, 3, 4]);
    const options = { surveySize: 5 };
    const result = compareMeans(estimateMean(values, bitsOf(5, [0]), options), estimateMean(values, bitsOf(5, [1, 2, 3, 4]), options), false);
    for (const value of [result.p, result.low, result.high]) expect(value).toBeNaN();
  });
});
