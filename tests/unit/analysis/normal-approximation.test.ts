import { describe, expect, it } from 'vitest';
import { normalApproximationHolds, shareSkewness } from '../../../lib/analysis/normal-approximation';

describe('shareSkewness', () => {
  it.each([
    [0.5, 0],
    // (1 − 0.4)/√(0.2 · 0.8) = 0.6/0.4
    [0.2, 1.5],
    [0.8, -1.5],
    // (1 − 0.02)/√(0.01 · 0.99) = 9.8494…
    [0.01, 0.98 / Math.sqrt(0.0099)],
    [0, Infinity],
    [1, Infinity],
  ])('shareSkewness(%d) → %d', (p, skewness) => expect(shareSkewness(p)).toBeCloseTo(skewness, 12));
});

describe('normalApproximationHolds: n > 28 + 25·G1² (Sugden, Smith & Jones 2000)', () => {
  it.each([
    [29, 0, true],
    [28, 0, false],
    // 28 + 25 · 2.25 = 84.25
    [85, 1.5, true],
    [84, 1.5, false],
    [85, -1.5, true],
    // an option chosen by 1%: 28 + 25 · 97.01 = 2453.3
    [2454, shareSkewness(0.01), true],
    [2453, shareSkewness(0.01), false],
    [1e6, Infinity, false],
    [1e6, NaN, false],
  ])('normalApproximationHolds(n %d, skewness %d) → %s', (n, skewness, holds) => expect(normalApproximationHolds(n, skewness)).toBe(holds));
});
