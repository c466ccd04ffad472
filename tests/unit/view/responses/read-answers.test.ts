import { describe, expect, it } from 'vitest';
import { buildSurvey } from '../../../../lib/survey/build-survey';
import { readAnswersView } from '../../../../lib/view/responses/read-answers';
import { buildResponsesView } from '../../../../lib/view/responses/responses-view';
import { viewState } from '../../helpers/view-fixtures';

/** Defect 5 of issue 24: "Read the answers" sorted the responses table by a free-text column it did not show. */
const survey = buildSurvey(
  [
    'id,role,comment',
    ...Array.from({ length: 12 }, (_, k) => `${k + 1},${['Backend', 'Frontend', 'Data'][k % 3]},Comment number ${k + 1} in words of its own`),
  ].join('\n'),
  { codebook: { questions: { id: { kind: 'meta' }, comment: { kind: 'text' } } } },
);
const comment = survey.questions.find((question) => question.id === 'comment')!;

describe('readAnswersView', () => {
  it('readAnswersView(comment) → sorted by comment, and comment is a shown column, first (text is not a default column)', () => {
    const state = readAnswersView(viewState(), comment, survey.questions);
    expect([state.sort, state.desc, state.page]).toEqual(['comment', false, 1]);
    const view = buildResponsesView(survey, state, undefined);
    expect(view.shown[0]).toBe('comment');
    expect(view.shown).toContain('role');
    // Without it, the table sorts by a column it leaves out.
    expect(buildResponsesView(survey, viewState({ sort: 'comment' }), undefined).shown).not.toContain('comment');
  });

  it('readAnswersView(comment) with columns already chosen → comment first, the reader’s columns kept after it', () => {
    expect(readAnswersView(viewState({ columns: ['role', 'comment'] }), comment, survey.questions).columns).toEqual(['comment', 'role']);
  });
});
