import { describe, expect, it } from 'vitest';
import { activeValuesOf, buildQuestionView } from '../../../../lib/view/figures/question-view';
import type { ViewDefaults } from '../../../../lib/view/state/view-state';
import { askQuestion, type AskedQuestion } from '../../../../lib/view/figures/ask-question';
import type { ViewState } from '../../../../lib/view/state/view-state';
import { selectSurvey } from '../../helpers/fixture-survey';
import { f, viewState } from '../../helpers/view-fixtures';

/** analysis-select.csv as a one-wave dataset; no threshold, so the small fixture is shown. */
const survey = selectSurvey();
const dataset = { id: 'fixture', waves: [{ id: '2022', survey }] };
const DEFAULTS: ViewDefaults = { waveIds: ['2022'], weighted: false, suppressBelow: 0 };
const STATE = viewState();

/** The question as the page asks it under a state, then its page model (8 bars). */
function viewOf(id: string, state: ViewState, withSegment = true) {
  const asked = askQuestion({ dataset, defaults: DEFAULTS, state, loaded: dataset.waves, reference: dataset.waves[0] }, id, { withSegment }) as AskedQuestion;
  return buildQuestionView(dataset, asked, state, { limit: 8 });
}

describe('activeValuesOf', () => {
  it('activeValuesOf(role in Backend, role__not Data, trends__first AI) → the option values drawn highlighted: “is”, “all of” and “ranked first”, not “is not”', () => {
    const state = {
      ...STATE,
      filters: [f('role', 'in', 'Backend'), f('role', 'not', 'Data'), f('trends', 'first', 'AI'), f('languages', 'all', 'Go', 'Rust')],
    };
    expect([...activeValuesOf(state, 'role')]).toEqual(['Backend']);
    expect([...activeValuesOf(state, 'trends')]).toEqual(['AI']);
    expect([...activeValuesOf(state, 'languages')]).toEqual(['Go', 'Rust']);
    expect([...activeValuesOf(state, 'years')]).toEqual([]);
  });
});

describe('buildQuestionView', () => {
  it('buildQuestionView(role, role=Backend) → the rows of the download (Backend 5 of 5), the chart with Backend active', () => {
    const view = viewOf('role', { ...STATE, filters: [f('role', 'in', 'Backend')] });
    expect(view.result.rows.map((row) => [row.option, row.count, row.base, row.filters])).toEqual([
      ['Backend engineer', 5, 5, 'role=Backend'],
      ['Frontend', 0, 5, 'role=Backend'],
      ['Data', 0, 5, 'role=Backend'],
    ]);
    expect(view.result.selections).toEqual([{ wave: '2022', selected: 5, size: 12 }]);
    expect(view.seriesBy).toBe('segment');
    expect(view.chart!.categories.map((category) => [category.key, category.active])).toEqual([
      ['Backend', true],
      ['Frontend', false],
      ['Data', false],
    ]);
  });

  it('buildQuestionView(years, filtered to its second bin) → that bin, and only it, drawn active', () => {
    const unfiltered = viewOf('years', STATE);
    const keys = unfiltered.chart!.categories.map((category) => category.key);
    const state = { ...STATE, filters: [f('years', 'gte', keys[1]), f('years', 'lt', keys[2])] };
    const view = viewOf('years', state);
    expect(view.chart!.categories.filter((category) => category.active).map((category) => category.key)).toEqual([keys[1]]);
    expect(view.table!.categories.filter((category) => category.active).map((category) => category.key)).toEqual([keys[1]]);
  });

  it('buildQuestionView(years) → summary figures from the same rows: n 10, median 5', () => {
    const view = viewOf('years', STATE);
    expect(view.stats.filter((item) => item.label === 'n' || item.label === 'Median').map((item) => item.value)).toEqual(['10', '5']);
  });

  it('buildQuestionView(role by languages, withSegment false) → no comparison in the rows', () => {
    const view = viewOf('role', { ...STATE, by: 'languages' }, false);
    expect(new Set(view.result.rows.map((row) => row.segment))).toEqual(new Set(['(all)']));
  });

  it('buildQuestionView(role by languages) → the table has everyone first, then each language; multi-select segments overlap', () => {
    const view = viewOf('role', { ...STATE, by: 'languages' });
    expect(view.table!.series.map((series) => series.label)).toEqual(['All respondents', 'Go', 'Rust', 'TypeScript', 'Python']);
    expect(view.chart!.overlapping).toBe(true);
  });
});
