import { describe, expect, it } from 'vitest';
import { roundPercent, roundSharesToHundred } from '../../../lib/analysis/round-shares';

const tenths = (values: number[]) => Math.round(values.reduce((sum, v) => sum + v, 0) * 10);

describe('roundPercent', () => {
  it.each([
    [0.12345, 1, 12.3],
    [0.12355, 1, 12.4],
    [0.5, 0, 50],
    [1 / 3, 2, 33.33],
    [0, 1, 0],
    [1, 1, 100],
  ])('roundPercent(%d, %i) is %d', (share, decimals, percent) => {
    expect(roundPercent(share, decimals)).toBe(percent);
  });
});

describe('roundSharesToHundred (largest remainder)', () => {
  it('[1/3, 1/3, 1/3] → 33.4, 33.3, 33.3: the tie goes to the first, the total is 100.0', () => {
    // 333.33… tenths each: floors 333 × 3 = 999, one tenth missing → first of the equal remainders
    const rounded = roundSharesToHundred([1 / 3, 1 / 3, 1 / 3]);
    expect(rounded).toEqual([33.4, 33.3, 33.3]);
    expect(tenths(rounded)).toBe(1000);
  });

  it('[1/6 × 6] → four 16.7 and two 16.6 (plain rounding would give 100.2)', () => {
    const rounded = roundSharesToHundred(Array.from({ length: 6 }, () => 1 / 6));
    expect(rounded).toEqual([16.7, 16.7, 16.7, 16.7, 16.6, 16.6]);
    expect(tenths(rounded)).toBe(1000);
  });

  it('gives the missing tenths to the largest remainders, not the first ones', () => {
    // 123.4, 567.7, 308.9 tenths: floors sum 998; the 2 tenths go to .9 (third) then .7 (second)
    expect(roundSharesToHundred([0.1234, 0.5677, 0.3089])).toEqual([12.3, 56.8, 30.9]);
  });

  it('normalises shares that do not sum to 1: [2, 1, 1] → 50, 25, 25', () => {
    expect(roundSharesToHundred([2, 1, 1])).toEqual([50, 25, 25]);
  });

  it('with 0 decimals: [1/3, 1/3, 1/3] → 34, 33, 33', () => {
    expect(roundSharesToHundred([1 / 3, 1 / 3, 1 / 3], 0)).toEqual([34, 33, 33]);
  });

  it('keeps zero shares at 0: [0, 1, 0] → 0, 100, 0', () => {
    expect(roundSharesToHundred([0, 1, 0])).toEqual([0, 100, 0]);
  });

  it.each([[[0, 0]], [[]]])('all-zero or no shares %j round to zeros', (shares) => {
    expect(roundSharesToHundred(shares)).toEqual(shares.map(() => 0));
  });
});
