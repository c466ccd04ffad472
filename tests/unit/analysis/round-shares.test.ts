import { describe, expect, it } from 'vitest';
import { roundPercent } from '../../../lib/analysis/round-shares';

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

describe('each share rounded on its own (issue 24, defect 3)', () => {
  it('roundPercent(30 / 245) → 12.2, as the download’s 12.2449 rounds (largest remainder had shown 12.3)', () => {
    expect(roundPercent(30 / 245)).toBe(12.2);
  });

  it('[1/6 × 6] → six 16.7: each as its own figure rounds, the total reading 100.2', () => {
    const rounded = Array.from({ length: 6 }, () => roundPercent(1 / 6));
    expect(rounded).toEqual([16.7, 16.7, 16.7, 16.7, 16.7, 16.7]);
    expect(tenths(rounded)).toBe(1002);
  });
});
