import { describe, expect, it } from 'vitest';
import { chiSquareUpperP, normalTwoSidedP, tCritical, zCritical } from '../../../lib/analysis/distributions';

/** Reference values from R 4.2 (qnorm, qt, pnorm, pchisq), printed with 15–16 digits. */
describe('zCritical', () => {
  it.each<[number, number]>([
    [0.95, 1.959963984540054], // qnorm(0.975)
    [0.9, 1.644853626951472], // qnorm(0.95)
    [0.99, 2.5758293035489], // qnorm(0.995)
  ])('zCritical(%s) → %s', (level, z) => {
    expect(zCritical(level)).toBeCloseTo(z, 12);
  });

  it('zCritical() defaults to 95%', () => {
    expect(zCritical()).toBeCloseTo(1.959963984540054, 12);
  });
});

describe('tCritical', () => {
  it.each<[number, number, number]>([
    [10, 0.95, 2.228138851986274], // qt(0.975, 10)
    [1, 0.95, 12.70620473617469], // qt(0.975, 1)
    [4, 0.95, 2.776445105197793],
    [30, 0.99, 2.749995653567225], // qt(0.995, 30)
  ])('tCritical(%d, %s) → %s', (df, level, t) => {
    expect(tCritical(df, level)).toBeCloseTo(t, 10);
  });

  it.each([0, -1, NaN])('tCritical(%d) → NaN: no degrees of freedom', (df) => {
    expect(Number.isNaN(tCritical(df))).toBe(true);
  });

  it('tCritical(1e6) → close to zCritical: t tends to the normal', () => {
    expect(tCritical(1e6)).toBeCloseTo(1.959963984540054, 5);
  });
});

describe('normalTwoSidedP', () => {
  it.each<[number, number]>([
    [1.959963984540054, 0.05],
    [-1.959963984540054, 0.05], // two-sided: the sign does not matter
    [2.5758293035489, 0.01],
    [0, 1],
  ])('normalTwoSidedP(%s) → %s', (z, p) => {
    expect(normalTwoSidedP(z)).toBeCloseTo(p, 12);
  });
});

describe('chiSquareUpperP', () => {
  it.each<[number, number, number]>([
    [3.841458820694124, 1, 0.05], // qchisq(0.95, 1) = qnorm(0.975)²
    [7.2, 1, 0.00729035809153564], // pchisq(7.2, 1, lower.tail = FALSE)
    [2 * Math.log(20), 2, 0.05], // df 2: P = e^(−x/2) = e^(−ln 20) = 1/20
    [451 / 36, 2, Math.exp(-451 / 72)],
  ])('chiSquareUpperP(%s, %d) → %s', (x, df, p) => {
    expect(chiSquareUpperP(x, df)).toBeCloseTo(p, 12);
  });

  it('chiSquareUpperP(200, 1) → 2.0885e-45, precise far in the tail (R pchisq(200, 1, lower.tail = FALSE))', () => {
    const p = chiSquareUpperP(200, 1);
    expect(p / 2.08848758376254e-45).toBeCloseTo(1, 9);
  });

  it('chiSquareUpperP(100, 2) → e^(−50) = 1.92875e-22', () => {
    expect(chiSquareUpperP(100, 2) / Math.exp(-50)).toBeCloseTo(1, 9);
  });

  it.each<[number, number, number]>([
    [0, 1, 1],
    [-3, 2, 1],
  ])('chiSquareUpperP(%d, %d) → 1: no deviation at all', (x, df, p) => {
    expect(chiSquareUpperP(x, df)).toBe(p);
  });

  it('chiSquareUpperP(1, 0) → NaN: no degrees of freedom', () => {
    expect(Number.isNaN(chiSquareUpperP(1, 0))).toBe(true);
  });
});
