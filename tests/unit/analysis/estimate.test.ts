import { describe, expect, it } from 'vitest';
import { makeEstimate } from '../../../lib/analysis/estimate';
import { DEFAULT_SETTINGS } from '../../../lib/analysis/figure';

/** Thresholds: suppressed under 10 respondents, unreliable under 30 (the defaults). */
const fields = (count: number, base: number) => ({ value: 'AI', label: 'AI', count, base, estimate: 1.5, weighted: false });

describe('makeEstimate', () => {
  it.each<[number, number, boolean, boolean]>([
    // count and base both at least 30: shown, reliable
    [30, 40, false, false],
    // fewer than 30 with a value: shown, flagged
    [29, 40, false, true],
    [10, 10, false, true],
    // fewer than 10 with a value: withheld (and then not "unreliable": it is not shown at all)
    [9, 40, true, false],
    // a base under 10 withholds even when the count is not (a base-wide figure on a tiny selection)
    [10, 9, true, false],
    [0, 0, true, false],
  ])('makeEstimate(count %i, base %i) → suppressed %s, unreliable %s', (count, base, suppressed, unreliable) => {
    const estimate = makeEstimate(fields(count, base), DEFAULT_SETTINGS);
    expect([estimate.suppressed, estimate.unreliable]).toEqual([suppressed, unreliable]);
  });

  it('makeEstimate(no interval given) → low and high NaN, the fields as given', () => {
    expect(makeEstimate(fields(40, 50), DEFAULT_SETTINGS)).toEqual({ ...fields(40, 50), low: NaN, high: NaN, suppressed: false, unreliable: false });
  });

  it('makeEstimate(with an interval) → the interval kept', () => {
    const estimate = makeEstimate({ ...fields(40, 50), low: 1.2, high: 1.8 }, DEFAULT_SETTINGS);
    expect([estimate.low, estimate.high]).toEqual([1.2, 1.8]);
  });

  it('makeEstimate(count 12, threshold raised to 15) → withheld under the reader’s higher threshold', () => {
    expect(makeEstimate(fields(12, 50), { ...DEFAULT_SETTINGS, suppressBelow: 15 }).suppressed).toBe(true);
  });
});
