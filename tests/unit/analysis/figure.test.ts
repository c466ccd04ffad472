import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, INTERVAL_METHOD, makeFigure, type FigureSettings } from '../../../lib/analysis/figure';
import type { Tally } from '../../../lib/analysis/tally';

const unweighted = (count: number): Tally => ({ count, sumW: count, sumW2: count });

describe('makeFigure (unweighted)', () => {
  it('makeFigure(3 of 10) → share 0.3 with the Wilson interval (0.107791, 0.603222)', () => {
    // R prop.test(3, 10, correct = FALSE): 0.107791267406, 0.603221852539 (worked in intervals.test.ts)
    const figure = makeFigure('A', 'Option A', false, unweighted(3), unweighted(10), DEFAULT_SETTINGS);
    expect(figure).toMatchObject({
      value: 'A',
      label: 'Option A',
      excludedFromBase: false,
      count: 3,
      base: 10,
      weightedCount: null,
      weightedBase: null,
      share: 0.3,
    });
    expect(figure.low).toBeCloseTo(0.107791267406, 10);
    expect(figure.high).toBeCloseTo(0.603221852539, 10);
  });

  it('makeFigure(x of 0) → share NaN, never 0', () => {
    const figure = makeFigure('A', 'A', false, unweighted(0), unweighted(0), DEFAULT_SETTINGS);
    expect(Number.isNaN(figure.share)).toBe(true);
    expect(figure.suppressed).toBe(true);
  });

  it.each<[number, boolean, boolean]>([
    [0, true, false],
    [9, true, false], // < 10: suppressed (and then not also "unreliable")
    [10, false, true], // 10 ≤ base < 30: shown, flagged
    [29, false, true],
    [30, false, false], // ≥ 30: plain
    [500, false, false],
  ])('makeFigure with a base of %d → suppressed %s, unreliable %s (defaults 10 and 30)', (base, suppressed, unreliable) => {
    const figure = makeFigure('A', 'A', false, unweighted(Math.floor(base / 2)), unweighted(base), DEFAULT_SETTINGS);
    expect([figure.suppressed, figure.unreliable]).toEqual([suppressed, unreliable]);
  });

  it.each<[number, boolean, boolean]>([
    [4, true, false],
    [5, false, true],
    [49, false, true],
    [50, false, false],
  ])('makeFigure with a base of %d and thresholds 5/50 → suppressed %s, unreliable %s', (base, suppressed, unreliable) => {
    const settings: FigureSettings = { ...DEFAULT_SETTINGS, suppressBelow: 5, unreliableBelow: 50 };
    const figure = makeFigure('A', 'A', false, unweighted(1), unweighted(base), settings);
    expect([figure.suppressed, figure.unreliable]).toEqual([suppressed, unreliable]);
  });

  it('makeFigure with suppressBelow 0 never suppresses, even a base of 1', () => {
    const figure = makeFigure('A', 'A', false, unweighted(1), unweighted(1), { ...DEFAULT_SETTINGS, suppressBelow: 0 });
    expect([figure.suppressed, figure.unreliable]).toEqual([false, true]);
  });

  it('makeFigure keeps the excluded-from-base flag it is given', () => {
    expect(makeFigure('Other(s):', 'Other', true, unweighted(1), unweighted(40), DEFAULT_SETTINGS).excludedFromBase).toBe(true);
  });

  it('DEFAULT_SETTINGS: answered base, 95%, suppress below 10, unreliable below 30', () => {
    expect(DEFAULT_SETTINGS).toEqual({ baseRule: 'answered', level: 0.95, suppressBelow: 10, unreliableBelow: 30 });
    expect(INTERVAL_METHOD.unweighted).toBe('wilson');
  });
});

describe('makeFigure (weighted)', () => {
  // Respondents y = 1, 1, 0, 0 with weights 1, 2, 1, 2:
  // option Σw = 3, Σw² = 1 + 4 = 5; base Σw = 6, Σw² = 10, n = 4.
  const option: Tally = { count: 2, sumW: 3, sumW2: 5 };
  const base: Tally = { count: 4, sumW: 6, sumW2: 10 };
  const weights = new Float64Array(4); // only its presence matters: the tallies carry the sums

  it('makeFigure(weighted 3 of 6) → share 0.5, interval (0.020361, 0.979639) as R svyciprop(ids = ~1)', () => {
    // Σ w²(y − p)² = 0.5²·5 + 0.5²·(10 − 5) = 2.5; var = 4/3 · 2.5 / 6² = 0.0925926 (R vcov 0.092592592593)
    // logit interval with t(3) (worked in intervals.test.ts); R: 0.020361250177, 0.979638749823
    const figure = makeFigure('y', 'y', false, option, base, { ...DEFAULT_SETTINGS, weights });
    expect(figure).toMatchObject({ count: 2, base: 4, weightedCount: 3, weightedBase: 6, share: 0.5 });
    expect(figure.low).toBeCloseTo(0.020361250177, 9);
    expect(figure.high).toBeCloseTo(0.979638749823, 9);
  });

  it('makeFigure(weighted, surveySize 8) uses the whole sample in N/(N − 1): (0.026956, 0.973044) as R on subset(design, in base)', () => {
    // var = 8/7 · 2.5 / 36 = 0.0793651 (R vcov 0.079365079365); se = 0.2817181/0.25 = 1.1268723
    // t(3)·se = 3.5862108; expit(−3.5862108) = 1/(1 + 36.0970) = 0.026956…
    // R: svyciprop(~y, subset(svydesign(ids = ~1, weights = ~w, data = 8 rows), inb)) → 0.026956332623, 0.973043667377
    const figure = makeFigure('y', 'y', false, option, base, { ...DEFAULT_SETTINGS, weights, surveySize: 8 });
    expect(figure.low).toBeCloseTo(0.026956332623, 9);
    expect(figure.high).toBeCloseTo(0.973043667377, 9);
  });

  it('makeFigure(weighted) suppresses on the unweighted base: 4 respondents are suppressed whatever their weights', () => {
    const heavy: Tally = { count: 4, sumW: 400, sumW2: 40_000 };
    expect(makeFigure('y', 'y', false, { count: 2, sumW: 200, sumW2: 20_000 }, heavy, { ...DEFAULT_SETTINGS, weights }).suppressed).toBe(true);
  });
});
