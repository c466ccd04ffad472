import { describe, expect, it } from 'vitest';
import { buildSurvey } from '../../../../lib/survey/build-survey';
import { findWrittenIn, writtenInResponses } from '../../../../lib/view/figures/written-in';
import { f, viewState } from '../../helpers/view-fixtures';

/**
 * “What is your role?” answered Developer ×25, Manager ×20, Designer ×8 and seven typed answers
 * once each (the lead's Google Forms layout test): a single choice of three options plus
 * “Other (written in)”, the typed text kept in `<id>_written_in`. Team: the first 30 rows are A.
 */
const typed = ['Chief tinkerer', 'I do a bit of everything', 'Student (PhD)', 'Researcher', 'Consultant, freelance', 'DevRel', 'Data wrangler'];
const roles = [...Array(25).fill('Developer'), ...Array(20).fill('Manager'), ...Array(8).fill('Designer'), ...typed];
const survey = buildSurvey(['What is your role?,Team', ...roles.map((role, i) => `"${role}",${i < 30 ? 'A' : 'B'}`)].join('\n'));
const role = survey.questions[0];

describe('findWrittenIn', () => {
  it('findWrittenIn(role) → its “written in” text question, 7 typed answers; none for a question without one', () => {
    const found = findWrittenIn(survey, role, viewState());
    expect([found?.question.id, found?.question.kind, found?.count]).toEqual([`${role.id}_written_in`, 'text', 7]);
    expect(
      findWrittenIn(
        survey,
        survey.questions.find((question) => question.label === 'Team')!,
        viewState(),
      ),
    ).toBeUndefined();
  });

  it('findWrittenIn(role, Team = B) → counts only the selected respondents: all 7 typed answers are in the last 30 rows', () => {
    expect(findWrittenIn(survey, role, viewState({ filters: [f('Team', 'in', 'A')] }))?.count).toBe(0);
    expect(findWrittenIn(survey, role, viewState({ filters: [f('Team', 'in', 'B')] }))?.count).toBe(7);
  });

  it('writtenInResponses → the view’s filters plus “typed an answer”, the two columns, page 1 in file order', () => {
    const state = viewState({ filters: [f('Team', 'in', 'B')], page: 3, sort: 'Team', search: 'x' });
    const next = writtenInResponses(state, role, findWrittenIn(survey, role, state)!);
    expect(next.filters).toEqual([f('Team', 'in', 'B'), f(`${role.id}_written_in`, 'answered', '1')]);
    expect([next.columns, next.page, next.sort, next.search]).toEqual([[role.id, `${role.id}_written_in`], 1, undefined, undefined]);
  });
});
