import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSurveyFile } from '../../../../lib/store/load-survey-file';
import { publicQuestions, withheldColumns, withheldReason } from '../../../../lib/view/responses/private-columns';
import { buildResponsesView } from '../../../../lib/view/responses/responses-view';
import { fixtureSurvey } from '../../helpers/fixture-survey';
import { viewState } from '../../helpers/view-fixtures';
import { requireShared, SHARED } from '../../shared-data';

/** tests/fixtures/google-forms.csv: a Google Forms export with an “Email Address” column (ana@example.com …). */
const survey = fixtureSurvey('google-forms.csv', {});
const ids = (questions: { id: string }[]) => questions.map((question) => question.id);

describe('personal data in the responses table', () => {
  it('withheldReason(Email Address) → the personal-data reason; other columns → undefined', () => {
    const email = survey.questions.find((question) => question.id === 'email_address')!;
    expect(withheldReason(email, undefined)).toBe('personal data: the question "Email Address" asks for names or contact details');
    expect(
      withheldReason(
        survey.questions.find((question) => question.id === 'which_editor_do_you_use_most')!,
        undefined,
      ),
    ).toBeUndefined();
  });

  it('publicQuestions → every column but the e-mail addresses', () => {
    expect(ids(publicQuestions(survey.questions, undefined))).toEqual([
      'Timestamp',
      'which_editor_do_you_use_most',
      'rate_these_parts_of_the_docs_1',
      'rate_these_parts_of_the_docs_2',
      'rate_these_parts_of_the_docs_3',
    ]);
  });

  it('a codebook’s "private": false shows a personal column; "private": true hides any column, with its own reason', () => {
    const codebook = { questions: { email_address: { private: false }, which_editor_do_you_use_most: { private: true } } };
    expect(ids(publicQuestions(survey.questions, codebook))).toContain('email_address');
    expect(withheldColumns(survey.questions, codebook)).toEqual([
      { id: 'which_editor_do_you_use_most', label: 'Which editor do you use most?', reason: 'marked private in the codebook' },
    ]);
  });

  it('buildResponsesView(_columns=email_address, a search for “example.com”) → the column is not shown, not searched (no row matches), and said to be withheld', () => {
    const view = buildResponsesView(
      survey,
      viewState({ columns: ['email_address', 'which_editor_do_you_use_most'], search: 'example.com', matches: { email_address: 'ana' } }),
      undefined,
    );
    expect(view.shown).toEqual(['which_editor_do_you_use_most']);
    expect(view.listed).toBe(0);
    expect(view.withheld.map((column) => column.id)).toEqual(['email_address']);
  });
});

const JUPYTER_EDU = path.join(SHARED, 'exports/jupyter2016edu_gforms/responses.csv');
if (requireShared('the Jupyter 2016 education personal-data test', JUPYTER_EDU)) {
  describe('personal data in a real Google Forms export (Jupyter in education, 2016)', () => {
    it('withheldColumns → “What are the names of the course instructors?” is left out of the responses table, with its reason', async () => {
      const jupyter = await loadSurveyFile(JUPYTER_EDU);
      const withheld = withheldColumns(jupyter.questions, undefined);
      expect(withheld.map((column) => column.label)).toContain('What are the names of the course instructors?');
      expect(ids(buildResponsesView(jupyter, viewState(), undefined).available)).not.toContain(withheld[0].id);
    });
  });
}
