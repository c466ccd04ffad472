import { describe, expect, it } from 'vitest';
import { dropSelfComparison } from '../../../../lib/view/state/drop-self-comparison';
import { buildQuestionView } from '../../../../lib/view/figures/question-view';
import { toAggregateQuery } from '../../../../lib/view/figures/to-aggregate-query';
import type { ViewDefaults } from '../../../../lib/view/state/view-state';
import { selectSurvey } from '../../helpers/fixture-survey';
import { askQuestion, type AskedQuestion } from '../../../../lib/view/figures/ask-question';
import { viewState } from '../../helpers/view-fixtures';

/** Defect 1 of issue 24: `/questions/q2?_by=q2` showed 100% ▲ for every option while the picker said "No comparison". */
const survey = selectSurvey();
const dataset = { id: 'fixture', waves: [{ id: '2022', survey }] };
const DEFAULTS: ViewDefaults = { waveIds: ['2022'], weighted: false, suppressBelow: 0 };

describe('a question compared by itself', () => {
  it('dropSelfComparison(role compared by role) → no comparison, and a note that says why', () => {
    const view = dropSelfComparison({ state: viewState({ by: 'role' }), notes: [] }, 'role', 'Your role');
    expect(view.state.by).toBeUndefined();
    expect(view.notes).toEqual(['“Your role” cannot be compared by itself (each option would be 100% of its own segment): showing no comparison.']);
  });

  it('dropSelfComparison(role compared by region) → unchanged, no note', () => {
    const view = { state: viewState({ by: 'region' }), notes: [] };
    expect(dropSelfComparison(view, 'role', 'Your role')).toBe(view);
  });

  it('toAggregateQuery(_by=role for role) → no segment, so the download and the CLI carry no 100% segments either', () => {
    expect(toAggregateQuery(viewState({ by: 'role' }), 'role', DEFAULTS).by).toBeUndefined();
    expect(toAggregateQuery(viewState({ by: 'role' }), 'region', DEFAULTS).by).toBe('role');
  });

  it('buildQuestionView(role, _by=role) → the rows of everyone only: no segment rows, no significance marks', () => {
    const state = viewState({ by: 'role' });
    const asked = askQuestion({ dataset, defaults: DEFAULTS, state, loaded: dataset.waves, reference: dataset.waves[0] }, 'role') as AskedQuestion;
    const view = buildQuestionView(dataset, asked, state, { limit: 8 });
    expect(new Set(view.result.rows.map((row) => row.segment))).toEqual(new Set(['(all)']));
    expect(view.result.rows.filter((row) => row.flags.includes('significantly-')).map((row) => row.option)).toEqual([]);
  });
});
