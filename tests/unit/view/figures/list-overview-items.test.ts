import { describe, expect, it } from 'vitest';
import { listOverviewItems } from '../../../../lib/view/figures/list-overview-items';
import { fixtureSurvey } from '../../helpers/fixture-survey';

describe('listOverviewItems', () => {
  it('listOverviewItems(google-forms.csv) → the grid once, where its first row stands, and none of its three rows', () => {
    const survey = fixtureSurvey('google-forms.csv', {});
    expect(listOverviewItems(survey).map((item) => (item.kind === 'grid' ? `grid:${item.grid.id}` : item.question.id))).toEqual([
      'Timestamp',
      'email_address',
      'which_editor_do_you_use_most',
      'grid:rate_these_parts_of_the_docs',
    ]);
  });

  it('listOverviewItems(a row whose grid is not on the survey) → kept as a question', () => {
    const survey = fixtureSurvey('google-forms.csv', {});
    expect(listOverviewItems({ questions: survey.questions, grids: [] }).filter((item) => item.kind === 'question')).toHaveLength(6);
  });
});
