import { describe, expect, it } from 'vitest';
import { estimateMean } from '../../../lib/analysis/weighted-mean';

/** A bitset with the given respondents set. */
const bitsOf = (...respondents: number[]): Uint32Array => {
  const bits = new Uint32Array(2);
  for (const i of respondents) bits[i >>> 5] |= 1 << (i & 31);
  return bits;
};

describe('estimateMean, unweighted', () => {
  /**
   * Values 2, 4, 6 (the blank and respondent 4 are left out): mean 4, sd² = (4 + 0 + 4)/2 = 4,
   * SE = 2/√3 = 1.1547005, t(2) = 4.30265273 → 4 ± 4.9682754 (R t.test(c(2, 4, 6)): −0.9682754, 8.9682754).
   */
  it('estimateMean([2, 4, 6, NaN, 100], {0,1,2,3}) → mean 4, n 3, t interval −0.9682754 to 8.9682754', () => {
    const estimate = estimateMean([2, 4, 6, NaN, 100], bitsOf(0, 1, 2, 3), { surveySize: 5 });
    expect(estimate.n).toBe(3);
    expect(estimate.mean).toBe(4);
    expect(estimate.standardError).toBeCloseTo(2 / Math.sqrt(3), 14);
    expect(estimate.low).toBeCloseTo(-0.96827542350066, 10);
    expect(estimate.high).toBeCloseTo(8.96827542350066, 10);
  });

  it('estimateMean at level 0.9 → t(2) = 2.91998558 times the SE', () => {
    const estimate = estimateMean([2, 4, 6], bitsOf(0, 1, 2), { surveySize: 3, level: 0.9 });
    expect(estimate.high - estimate.mean).toBeCloseTo(2.91998558035372 * (2 / Math.sqrt(3)), 10);
  });
});

describe('estimateMean, weighted', () => {
  /**
   * Values 1, 3, 5 with weights 1, 2, 1; respondent 4 (weight 4) left it blank; N = 4.
   *   W = 4, mean = (1 + 6 + 5)/4 = 3
   *   Σ w²(x − mean)² = 1·4 + 4·0 + 1·4 = 8 → SE² = 4/3 · 8/4² = 2/3, SE = 0.8164966
   *   t(2) = 4.30265273 → −0.5131012 to 6.5131012
   *   R: confint(svymean(~x, subset(svydesign(ids = ~1, weights = ~w), !is.na(x))), df = 2)
   */
  it('estimateMean([1, 3, 5, NaN], weights [1, 2, 1, 4]) → mean 3, SE √(2/3), −0.5131012 to 6.5131012', () => {
    const estimate = estimateMean([1, 3, 5, NaN], bitsOf(0, 1, 2, 3), { weights: Float64Array.of(1, 2, 1, 4), surveySize: 4 });
    expect(estimate.n).toBe(3);
    expect(estimate.mean).toBe(3);
    expect(estimate.standardError).toBeCloseTo(Math.sqrt(2 / 3), 14);
    expect(estimate.low).toBeCloseTo(-0.513101242759783, 10);
    expect(estimate.high).toBeCloseTo(6.51310124275978, 10);
  });

  /**
   * Domain {respondents 2, 3}: values 3, 5 with weights 2, 1; the file still has N = 4.
   *   W = 3, mean = 11/3; Σ w²(x − mean)² = 4·(4/9) + 1·(16/9) = 32/9
   *   SE² = 4/3 · (32/9)/9 = 128/243, SE = 0.7257747; t(1) = 12.7062047 → −5.5551758 to 12.8885091 (R)
   */
  it('estimateMean over a domain keeps the whole file N = 4 in N/(N − 1): SE 0.7257747, −5.5551758 to 12.8885091', () => {
    const estimate = estimateMean([1, 3, 5, NaN], bitsOf(1, 2, 3), { weights: Float64Array.of(1, 2, 1, 4), surveySize: 4 });
    expect(estimate.n).toBe(2);
    expect(estimate.mean).toBeCloseTo(11 / 3, 14);
    expect(estimate.standardError).toBeCloseTo(Math.sqrt(128 / 243), 14);
    expect(estimate.low).toBeCloseTo(-5.55517575435939, 9);
    expect(estimate.high).toBeCloseTo(12.8885090876927, 9);
  });
});

describe('estimateMean, small and empty', () => {
  it.each([
    ['unweighted', undefined],
    ['weighted', Float64Array.of(2, 1, 1)],
  ])('estimateMean(nobody answered, %s) → n 0, every figure NaN (blanks are not zeros)', (_, weights) => {
    const estimate = estimateMean([NaN, NaN, 7], bitsOf(0, 1), { weights, surveySize: 3 });
    expect(estimate.n).toBe(0);
    for (const value of [estimate.mean, estimate.low, estimate.high, estimate.standardError]) expect(Number.isNaN(value)).toBe(true);
  });

  it.each([
    ['unweighted', undefined],
    ['weighted', Float64Array.of(2, 1, 1)],
  ])('estimateMean(one answer, %s) → that value as the mean, no interval', (_, weights) => {
    const estimate = estimateMean([NaN, 7, 9], bitsOf(0, 1), { weights, surveySize: 3 });
    expect([estimate.n, estimate.mean]).toEqual([1, 7]);
    expect(Number.isNaN(estimate.low) && Number.isNaN(estimate.high) && Number.isNaN(estimate.standardError)).toBe(true);
  });

  it('estimateMean reads respondents past the first 32-bit word (bit i of word i >>> 5)', () => {
    const values = Array.from({ length: 40 }, (_, i) => i);
    expect(estimateMean(values, bitsOf(33, 35), { surveySize: 40 }).mean).toBe(34);
  });
});
