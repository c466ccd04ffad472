import { describe, expect, it } from 'vitest';
import { estimateRow, shareRow, type AggregateRow, type RowContext } from '../../../lib/analysis/aggregate-row';
import { makeEstimate } from '../../../lib/analysis/estimate';
import { DEFAULT_SETTINGS, makeFigure, type FigureSettings } from '../../../lib/analysis/figure';
import type { Measure } from '../../../lib/analysis/measures';
import type { Tally } from '../../../lib/analysis/tally';
import { withTrendChanges } from '../../../lib/analysis/trend-changes';

const WAVES = ['2020', '2021', '2022'];
const SHOWN: FigureSettings = { ...DEFAULT_SETTINGS, suppressBelow: 0 };
const tally = (count: number, sumW = count, sumW2 = count): Tally => ({ count, sumW, sumW2 });

interface Where {
  segment?: string;
  measure?: Measure;
  surveySize?: number;
  settings?: FigureSettings;
}

function context(wave: string, { segment = '(all)', surveySize = 60 }: Where): RowContext {
  const fields = {
    dataset: 'd',
    wave,
    question_id: 'q',
    question_label: 'Q',
    filters: '',
    segment_question: segment === '(all)' ? '' : 'team',
    segment,
    base_rule: 'answered' as const,
  };
  return { fields, segmentValue: segment === '(all)' ? '' : segment, effectiveBase: null, ciMethod: 'wilson', level: 0.95, surveySize };
}

/** A share row as aggregateView writes it: `count` of `base` chose `option` in `wave`. */
function share(wave: string, option: string, count: Tally | number, base: Tally | number, where: Where = {}): AggregateRow {
  const [optionTally, baseTally] = [count, base].map((value) => (typeof value === 'number' ? tally(value) : value));
  return shareRow(context(wave, where), where.measure ?? 'share', makeFigure(option, option, false, optionTally, baseTally, where.settings ?? SHOWN));
}

/** [wave, option, change_from, points, p, change_since, points, p, flags] of each row. */
const changes = (rows: AggregateRow[]) =>
  rows.map((row) => [
    row.wave,
    row.option,
    row.change_from,
    row.change_points,
    row.change_p,
    row.change_since,
    row.change_since_points,
    row.change_since_p,
    row.flags,
  ]);
const NO_CHANGE = ['', null, null, '', null, null];

/**
 * Unweighted changes are the pooled two-proportion z-test, p from R's prop.test(correct = FALSE):
 *
 *   2021 vs 2020, 45/60 vs 30/60: p̂ = 75/120 = 0.625, SE = √(0.625·0.375·(1/60 + 1/60)) = √0.0078125
 *     = 0.0883883; z = 0.25/0.0883883 = 2√2 = 2.828427; p = 2Φ(−2√2) = erfc(2) = 0.00467773498104727
 *   2022 vs 2021, 42/60 vs 45/60: p̂ = 87/120 = 0.725, SE = √(0.725·0.275/30) = 0.0815220;
 *     z = −0.05/0.0815220 = −0.613334; p = 0.539657158525248
 *   2022 vs 2020, 42/60 vs 30/60: p̂ = 72/120 = 0.6, SE = √(0.6·0.4/30) = √0.008 = 0.0894427;
 *     z = 0.2/0.0894427 = √5 = 2.236068; p = erfc(√2.5) = 0.0253473186774683
 */
const P_21_20 = 0.00467773498104727;
const P_22_21 = 0.539657158525248;
const P_22_20 = 0.0253473186774683;

describe('withTrendChanges: three waves, unweighted (Yes 30/60 → 45/60 → 42/60; No the rest)', () => {
  const rows = [
    share('2020', 'Yes', 30, 60),
    share('2020', 'No', 30, 60),
    share('2021', 'Yes', 45, 60),
    share('2021', 'No', 15, 60),
    share('2022', 'Yes', 42, 60),
    share('2022', 'No', 18, 60),
  ];
  const result = withTrendChanges(rows, WAVES, false);

  it('withTrendChanges → the first wave has no change; the second a change from the first only; the third from the second and since the first', () => {
    expect(changes(result).map((row) => [row[0], row[1], row[2], row[3], row[5], row[6]])).toEqual([
      ['2020', 'Yes', '', null, '', null],
      ['2020', 'No', '', null, '', null],
      ['2021', 'Yes', '2020', 25, '', null],
      ['2021', 'No', '2020', -25, '', null],
      // 42/60 − 45/60 = −5 points; 42/60 − 30/60 = +20 points
      ['2022', 'Yes', '2021', -5, '2020', 20],
      ['2022', 'No', '2021', 5, '2020', -20],
    ]);
  });

  it('withTrendChanges → two-sided p of the pooled z-test, for each comparison (R prop.test)', () => {
    const p = (row: AggregateRow) => [row.change_p, row.change_since_p];
    expect(p(result[0])).toEqual([null, null]);
    for (const [row, previous, first] of [
      [result[2], P_21_20, null],
      [result[3], P_21_20, null],
      [result[4], P_22_21, P_22_20],
      [result[5], P_22_21, P_22_20],
    ] as const) {
      expect(row.change_p).toBeCloseTo(previous, 11);
      if (first === null) expect(row.change_since_p).toBeNull();
      else expect(row.change_since_p).toBeCloseTo(first, 11);
    }
  });

  it('withTrendChanges → Holm over the six tests of the family: 2021’s changes flagged (6 × 0.00468 = 0.028), not 2022’s since 2020 (raw 0.025, adjusted 4 × 0.025 = 0.101)', () => {
    // R: p.adjust(c(P_21_20, P_21_20, P_22_21, P_22_21, P_22_20, P_22_20), "holm") → 0.0281, 0.0281, 1, 1, 0.1014, 0.1014
    expect(result.map((row) => row.flags)).toEqual(['', '', 'up-from-previous', 'down-from-previous', '', '']);
  });

  it('withTrendChanges → new rows; the rows it is given keep their empty change columns', () => {
    expect(rows.map((row) => [row.change_from, row.change_points, row.change_p, row.change_since, row.change_since_points, row.change_since_p])).toEqual(
      rows.map(() => NO_CHANGE),
    );
    expect(result[2]).not.toBe(rows[2]);
  });
});

describe('withTrendChanges: which wave is "previous", and families', () => {
  it('withTrendChanges(2020 and 2022 only, of three waves) → 2022 changes from 2020 (the previous wave with the figure), no since-first; one test, flagged at p 0.025', () => {
    const [first, last] = withTrendChanges([share('2020', 'Go', 30, 60), share('2022', 'Go', 42, 60)], WAVES, false);
    expect(changes([first])).toEqual([['2020', 'Go', ...NO_CHANGE, '']]);
    expect([last.change_from, last.change_points, last.change_since, last.change_since_points, last.flags]).toEqual(['2020', 20, '', null, 'up-from-previous']);
    expect(last.change_p).toBeCloseTo(P_22_20, 11);
  });

  it('withTrendChanges(rows listed newest first) → compared in the order of the waves, not of the rows', () => {
    const [last] = withTrendChanges([share('2022', 'Go', 42, 60), share('2020', 'Go', 30, 60)], WAVES, false);
    expect([last.change_from, last.change_points]).toEqual(['2020', 20]);
  });

  it('withTrendChanges(two segments, each 30/60 → 42/60) → each segment its own family: both flagged (pooled, Holm would give 2 × 0.025 = 0.051)', () => {
    const rows = ['A', 'B'].flatMap((segment) => [share('2020', 'Go', 30, 60, { segment }), share('2022', 'Go', 42, 60, { segment })]);
    expect(withTrendChanges(rows, WAVES, false).map((row) => row.flags)).toEqual(['', 'up-from-previous', '', 'up-from-previous']);
  });

  it('withTrendChanges(ranked first and ranked at all, each 30/60 → 42/60) → each measure its own family: both flagged', () => {
    const rows = (['ranked_first', 'ranked_at_all'] as const).flatMap((measure) => [
      share('2020', 'AI', 30, 60, { measure }),
      share('2022', 'AI', 42, 60, { measure }),
    ]);
    expect(withTrendChanges(rows, WAVES, false).map((row) => [row.measure, row.change_points, row.flags])).toEqual([
      ['ranked_first', null, ''],
      ['ranked_first', 20, 'up-from-previous'],
      ['ranked_at_all', null, ''],
      ['ranked_at_all', 20, 'up-from-previous'],
    ]);
  });

  it('withTrendChanges(Go and Rust in one wave each) → an option is compared only with itself: nothing to change from', () => {
    const result = withTrendChanges([share('2020', 'Go', 30, 60), share('2022', 'Rust', 42, 60)], WAVES, false);
    expect(changes(result)).toEqual([
      ['2020', 'Go', ...NO_CHANGE, ''],
      ['2022', 'Rust', ...NO_CHANGE, ''],
    ]);
  });

  it('withTrendChanges(flags already set) → the change flag is added after them', () => {
    const [, last] = withTrendChanges([share('2020', 'Go', 3, 12), share('2022', 'Go', 11, 12)], WAVES, false);
    // 11/12 vs 3/12: p̂ = 14/24, SE = √(14/24·10/24·(2/12)) = 0.201276; z = (8/12)/0.201276 = 3.312; p = 0.00093
    expect(last.flags).toBe('unreliable;up-from-previous');
  });
});

describe('withTrendChanges leaves alone what cannot be tested', () => {
  it('withTrendChanges(a suppressed middle wave) → that row untouched; 2022 changes from 2020, as the previous wave with a figure', () => {
    const hidden = share('2021', 'Go', 4, 8, { settings: DEFAULT_SETTINGS });
    const result = withTrendChanges([share('2020', 'Go', 30, 60), hidden, share('2022', 'Go', 42, 60)], WAVES, false);
    expect(changes(result.slice(0, 2))).toEqual([
      ['2020', 'Go', ...NO_CHANGE, ''],
      ['2021', 'Go', ...NO_CHANGE, 'suppressed'],
    ]);
    expect([result[2].change_from, result[2].change_points, result[2].change_since]).toEqual(['2020', 20, '']);
  });

  it('withTrendChanges(mean and mean-rank rows) → no change columns: only shares are tested', () => {
    const estimate = (wave: string, measure: 'mean' | 'mean_rank', value: number) =>
      estimateRow(
        context(wave, {}),
        measure,
        makeEstimate({ value: 'x', label: 'Mean', count: 60, base: 60, estimate: value, low: value - 1, high: value + 1, weighted: false }, SHOWN),
        false,
      );
    const rows = [estimate('2020', 'mean', 3), estimate('2022', 'mean', 9), estimate('2020', 'mean_rank', 1.5), estimate('2022', 'mean_rank', 2.5)];
    expect(changes(withTrendChanges(rows, WAVES, false))).toEqual(rows.map((row) => [row.wave, 'Mean', ...NO_CHANGE, '']));
  });
});

describe('withTrendChanges weighted', () => {
  it('withTrendChanges(weighted, 4.7 of 7.0 → 7.2 of 10.0) → +4.857 points, p 0.8502 as R svyttest(y ~ wave) with waves as strata', () => {
    // R (survey 4.x): d = 8 respondents of 2021 (weights 1.2 0.8 1.5 0.5 1.0 2.0 1.1 0.9; the first six
    // answered, y = 1 0 1 0 0 1) and 10 of 2022 (weights 1.0 1.3 0.7 0.6 1.4 1.0 0.9 1.1 2.0 0.5; the
    // first nine answered, y = 1 1 0 1 1 0 1 0 1); svyttest(y ~ wave, subset(svydesign(ids = ~1,
    // strata = ~wave, weights = ~w, data = d), inbase)) → difference 0.0485714285714285, t 0.192989,
    // df 12 (= 6 + 9 − 3), p 0.850195058279557.
    //   2021 option Σw 1.2 + 1.5 + 2.0 = 4.7, Σw² 1.44 + 2.25 + 4 = 7.69; base Σw 7.0, Σw² 9.58
    //   2022 option Σw 1.0 + 1.3 + 0.6 + 1.4 + 0.9 + 2.0 = 7.2, Σw² 9.82; base Σw 10.0, Σw² 12.52
    const settings = { ...SHOWN, weights: new Float64Array(0) };
    const rows = [
      share('2021', 'Yes', tally(3, 4.7, 7.69), tally(6, 7, 9.58), { settings, surveySize: 8 }),
      share('2022', 'Yes', tally(6, 7.2, 9.82), tally(9, 10, 12.52), { settings, surveySize: 10 }),
    ];
    const [, last] = withTrendChanges(rows, WAVES, true);
    expect(last.change_from).toBe('2021');
    expect(last.change_points).toBeCloseTo(4.85714285714285, 9);
    expect(last.change_p).toBeCloseTo(0.850195058279557, 9);
    expect(last.flags).toBe('unreliable');
  });
});
