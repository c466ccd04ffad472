import { describe, expect, it } from 'vitest';
import { cleanNumber, ESTIMATE_METHOD, estimateRow, shareRow, type RowContext } from '../../../lib/analysis/aggregate-row';
import { makeEstimate } from '../../../lib/analysis/estimate';
import { DEFAULT_SETTINGS, makeFigure } from '../../../lib/analysis/figure';

describe('cleanNumber', () => {
  it.each<[number | null, number | null]>([
    // binary noise of a sum of weights, gone at twelve significant digits
    [3379.932099999999, 3379.9321],
    [0.1 + 0.2, 0.3],
    [100 / 9, 11.1111111111],
    [1 / 3, 0.333333333333],
    // integers, however large, are kept whole
    [88883, 88883],
    [12345678901234, 12345678901234],
    [-2.5, -2.5],
    [0, 0],
    [NaN, null],
    [Infinity, null],
    [null, null],
  ])('cleanNumber(%s) → %s', (value, expected) => {
    expect(cleanNumber(value)).toBe(expected);
  });
});

const context: RowContext = {
  fields: { dataset: 'd', wave: '2022', question_id: 'q', question_label: 'Q', filters: '', segment_question: 'by', segment: 'Group A', base_rule: 'answered' },
  segmentValue: 'a',
  effectiveBase: 37.5,
  ciMethod: 'logit (R survey svyciprop, ids = ~1)',
  level: 0.95,
  surveySize: 100,
};
const weighted = { ...DEFAULT_SETTINGS, weights: new Float64Array(0) };
const tally = (count: number, sumW: number, sumW2: number) => ({ count, sumW, sumW2 });

describe('shareRow', () => {
  it('shareRow(40 of 50, weighted 42.5 of 55.25) → counts, bases, percent 76.92…, keys with the values filters use and the sums a wave-to-wave test needs', () => {
    const figure = makeFigure('yes', 'Yes', false, tally(40, 42.5, 48), tally(50, 55.25, 65), weighted);
    const row = shareRow(context, 'share', figure, 'higher');
    expect(row).toMatchObject({
      measure: 'share',
      option: 'Yes',
      count: 40,
      weighted_count: 42.5,
      base: 50,
      weighted_base: 55.25,
      effective_base: 37.5,
      value: null,
      segment: 'Group A',
    });
    // 42.5 / 55.25 = 0.769230769…, in percent to twelve significant digits
    expect(row.percent).toBe(76.9230769231);
    expect(row.flags).toBe('significantly-higher');
    // the figure's own tallies, and the wave's 100 respondents from the context
    expect(row.keys).toEqual({ option: 'yes', segment: 'a', sample: { option: tally(40, 42.5, 48), base: tally(50, 55.25, 65), surveySize: 100 } });
  });

  it('shareRow(one wave) → the six change columns empty: no trend has been computed', () => {
    const row = shareRow(context, 'share', makeFigure('yes', 'Yes', false, tally(40, 40, 40), tally(50, 50, 50), DEFAULT_SETTINGS));
    expect([row.change_from, row.change_points, row.change_p, row.change_since, row.change_since_points, row.change_since_p]).toEqual([
      '',
      null,
      null,
      '',
      null,
      null,
    ]);
  });

  it('shareRow(a suppressed figure) → count, bases, percent and interval all null (never 0), flagged "suppressed", and no sums in `keys` to test', () => {
    const figure = makeFigure('yes', 'Yes', false, tally(4, 4, 4), tally(6, 6, 6), DEFAULT_SETTINGS);
    const row = shareRow(context, 'share', figure);
    expect([row.count, row.weighted_count, row.base, row.weighted_base, row.effective_base, row.percent, row.ci_low, row.ci_high]).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(row.flags).toBe('suppressed');
    // a change tested against a withheld count would give the count away
    expect(row.keys).toEqual({ option: 'yes', segment: 'a' });
  });

  it('shareRow(an excluded option on a small base) → "unreliable;excluded-from-base"', () => {
    const figure = makeFigure('pnts', 'Prefer not to say', true, tally(2, 2, 2), tally(20, 20, 20), DEFAULT_SETTINGS);
    expect(shareRow(context, 'share', figure).flags).toBe('unreliable;excluded-from-base');
  });
});

describe('estimateRow', () => {
  const estimate = (weightedEstimate: boolean, count = 40) =>
    makeEstimate(
      { value: '', label: 'Median', count, base: 50, estimate: 1234.5678901234567, low: 1000, high: 1500, weighted: weightedEstimate },
      DEFAULT_SETTINGS,
    );

  it('estimateRow(a median in a weighted view) → `value` to twelve digits, no percent, flagged "unweighted"', () => {
    const row = estimateRow(context, 'median', estimate(false), true);
    expect(row).toMatchObject({
      measure: 'median',
      option: 'Median',
      count: 40,
      base: 50,
      percent: null,
      value: 1234.56789012,
      ci_low: 1000,
      ci_high: 1500,
      ci_method: ESTIMATE_METHOD.unweighted,
      flags: 'unweighted',
    });
    expect([row.weighted_count, row.weighted_base, row.effective_base]).toEqual([null, null, null]);
    // a value measure is never tested between waves: no sums, no change
    expect(row.keys).toEqual({ option: '', segment: 'a' });
    expect([row.change_from, row.change_points, row.change_p, row.change_since, row.change_since_points, row.change_since_p]).toEqual([
      '',
      null,
      null,
      '',
      null,
      null,
    ]);
  });

  it('estimateRow(a weighted mean in a weighted view) → the linearised method, no "unweighted" flag', () => {
    const row = estimateRow(context, 'mean', estimate(true), true);
    expect([row.ci_method, row.flags]).toEqual([ESTIMATE_METHOD.weighted, '']);
  });

  it('estimateRow(no interval) → null interval and no method', () => {
    const row = estimateRow(
      context,
      'max',
      makeEstimate({ value: '', label: 'Maximum', count: 40, base: 50, estimate: 9, weighted: false }, DEFAULT_SETTINGS),
      false,
    );
    expect([row.ci_low, row.ci_high, row.ci_method]).toEqual([null, null, '']);
  });

  it('estimateRow(count 5, suppressed) → count, base, value and interval null', () => {
    const row = estimateRow(context, 'mean', estimate(false, 5), false);
    expect([row.count, row.base, row.value, row.ci_low, row.ci_high, row.flags]).toEqual([null, null, null, null, null, 'suppressed']);
  });
});
