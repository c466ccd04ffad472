import { describe, expect, it } from 'vitest';
import { aggregateView } from '../../../../lib/analysis/aggregate-view';
import type { AggregateQuery } from '../../../../lib/analysis/aggregate-query';
import type { Survey } from '../../../../lib/survey/types';
import { buildChartData } from '../../../../lib/view/figures/build-chart-data';
import { baseOf, describeBaseStatement, describeChartNote, describeSelection, describeWithheld } from '../../../../lib/view/words/describe-base';
import { questionOf, selectSurvey } from '../../helpers/fixture-survey';

/**
 * analysis-select.csv (12 respondents; sets in tests/unit/helpers/fixture-survey.ts): role answered by 11,
 * languages by 10, trends ranked by 8, years given by 10.
 */
const survey = selectSurvey();
const rowsOf = (questionId: string, query: Partial<AggregateQuery> = {}, data: Survey = survey) =>
  aggregateView({ id: 'fixture', waves: [{ id: '2022', survey: data }] }, { questionId, filters: [], baseRule: 'answered', suppressBelow: 0, ...query }, '')
    .rows;
const everyone = { selected: 12, size: 12 };

describe('baseOf', () => {
  it.each<[string, Partial<AggregateQuery>, ReturnType<typeof baseOf>]>([
    ['role', {}, { base: 11, suppressed: false, unreliable: true }],
    ['trends', {}, { base: 8, suppressed: false, unreliable: true }],
    // base all: every selected respondent
    ['role', { baseRule: 'all' }, { base: 12, suppressed: false, unreliable: true }],
    // a threshold of 12 withholds the base of 11 as well as the figures
    ['role', { suppressBelow: 12 }, { base: null, suppressed: true, unreliable: false }],
  ])('baseOf(rows of %s, %j) → %j', (id, query, expected) => {
    expect(baseOf(rowsOf(id, query))).toEqual(expected);
  });

  it('baseOf(no rows) → undefined', () => {
    expect(baseOf([])).toBeUndefined();
  });

  it('baseOf(role by languages) → everyone’s base, not a segment’s', () => {
    expect(baseOf(rowsOf('role', { by: 'languages' }))!.base).toBe(11);
  });
});

describe('describeSelection', () => {
  it.each<[number, number, number, string]>([
    [1204, 6400, 10, '1,204 of 6,400 respondents'],
    [6400, 6400, 10, '6,400 of 6,400 respondents'],
    // a small selection's exact size is itself a disclosure
    [3, 6400, 10, 'fewer than 10 of 6,400 respondents'],
    [9, 6400, 10, 'fewer than 10 of 6,400 respondents'],
    [10, 6400, 10, '10 of 6,400 respondents'],
    // nobody is not a small group
    [0, 6400, 10, '0 of 6,400 respondents'],
    [1, 1, 0, '1 of 1 respondent'],
  ])('describeSelection(%i, %i, threshold %i) → %j', (selected, size, threshold, text) => {
    expect(describeSelection(selected, size, threshold)).toBe(text);
  });
});

describe('describeWithheld', () => {
  it('describeWithheld(role rows, shown) → undefined', () => {
    expect(describeWithheld(rowsOf('role'), 10)).toBeUndefined();
  });

  it('describeWithheld(role rows under a threshold of 12) → why the figures are missing', () => {
    expect(describeWithheld(rowsOf('role', { suppressBelow: 12 }), 12)).toBe('Fewer than 12 respondents in this selection answered: figures are withheld.');
  });

  it('describeWithheld(no rows) → undefined', () => {
    expect(describeWithheld([], 10)).toBeUndefined();
  });
});

describe('describeBaseStatement', () => {
  it.each<[string, string[]]>([
    ['role', []],
    ['languages', ['Respondents could choose several options; percentages can add up to more than 100%.']],
    ['years', ['Blank answers are left out, never counted as zero.']],
    // the ranking fixture ranks up to 3 items
    ['trends', ['Bars show the share who ranked each item first. Mean rank is among respondents who ranked that item (1 = top; up to 3).']],
  ])('describeBaseStatement(%s) → the kind’s notes %j, then the small-base caution', (id, notes) => {
    const statement = describeBaseStatement(questionOf(survey, id), rowsOf(id), everyone, 10);
    expect(statement.notes).toEqual([...notes, 'Small base: fewer than 30 respondents, so these figures are unreliable; read them with care.']);
  });

  it.each<[string, string]>([
    ['role', 'Base: 11 respondents who answered ('],
    ['trends', 'Base: 8 respondents who ranked at least one item ('],
    ['years', 'Base: 10 respondents who gave a number ('],
  ])('describeBaseStatement(%s) → who the percentages are of: %j…', (id, start) => {
    expect(describeBaseStatement(questionOf(survey, id), rowsOf(id), everyone, 10).base.startsWith(start)).toBe(true);
  });

  it('describeBaseStatement(role, base all) → all selected respondents, whether they answered or not', () => {
    expect(describeBaseStatement(questionOf(survey, 'role'), rowsOf('role', { baseRule: 'all' }), everyone, 10).base).toBe(
      'Base: all 12 selected respondents, whether they answered or not.',
    );
  });

  it('describeBaseStatement(role, withheld under a threshold of 12) → only the selection, never the withheld base', () => {
    const statement = describeBaseStatement(questionOf(survey, 'role'), rowsOf('role', { suppressBelow: 12 }), everyone, 12);
    expect(statement).toEqual({ base: 'Selection: 12 of 12 respondents.', notes: [] });
  });

  it('describeBaseStatement(role, a selection of 5 under a threshold of 10) → the selection as “fewer than 10”', () => {
    const statement = describeBaseStatement(questionOf(survey, 'role'), [], { selected: 5, size: 12 }, 10);
    expect(statement.base).toBe('Selection: fewer than 10 of 12 respondents.');
  });
});

describe('describeChartNote', () => {
  const chartOf = (id: string, limit = Infinity) => buildChartData(questionOf(survey, id), rowsOf(id), { limit, activeValues: new Set(), seriesBy: 'segment' });

  it.each<[string, string]>([
    ['role', '% of 11 who answered · small base, read with care'],
    ['languages', '% of 10 who answered · can add up to more than 100% · small base, read with care'],
    ['trends', '% who ranked it first, of 8 who ranked any · small base, read with care'],
    // years: median 5, mean 65.5/10 (question-extras.test.ts)
    ['years', 'Median 5, mean 6.55 (n = 10) · small base, read with care'],
  ])('describeChartNote(%s) → %j', (id, note) => {
    expect(describeChartNote(questionOf(survey, id), rowsOf(id), chartOf(id))).toBe(note);
  });

  it('describeChartNote(role withheld) → “a withheld base”, never a number', () => {
    expect(describeChartNote(questionOf(survey, 'role'), rowsOf('role', { suppressBelow: 12 }), undefined)).toBe('% of a withheld base who answered');
  });
});
