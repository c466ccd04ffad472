import { describe, expect, it } from 'vitest';
import { aggregateView } from '../../../../lib/analysis/aggregate-view';
import type { AggregateQuery } from '../../../../lib/analysis/aggregate-query';
import type { Survey } from '../../../../lib/survey/types';
import { buildSurvey } from '../../../../lib/survey/build-survey';
import { buildStats, describeNetPromoter } from '../../../../lib/view/figures/build-stats';
import { fixtureSurvey, selectSurvey } from '../../helpers/fixture-survey';

const rowsOf = (survey: Survey, questionId: string, query: Partial<AggregateQuery> = {}) =>
  aggregateView({ id: 'fixture', waves: [{ id: '2022', survey }] }, { questionId, filters: [], baseRule: 'answered', suppressBelow: 0, ...query }, '').rows;

/** analysis-likert.csv satisfaction: 9 on the scale; top-2 5, bottom-2 3, mean score 30/9 (question-extras.test.ts). */
const likert = fixtureSurvey('analysis-likert.csv', { questions: { id: { kind: 'meta' }, satisfaction: { kind: 'likert' }, agreement: { kind: 'likert' } } });

describe('buildStats on a rating scale', () => {
  it('buildStats(satisfaction) → top-2 55.6%, bottom-2 33.3% with their Wilson intervals, and the mean score to two decimals', () => {
    // 5/9 = 55.56%; R prop.test(5, 9, correct = FALSE) → 26.66512935–81.12214789
    // 3/9 = 33.33%; R prop.test(3, 9, correct = FALSE) → 12.05838184–64.57978644
    // mean 30/9 = 3.33; R t.test(c(1,2,2,3,4,4,4,5,5)) → 2.246272559–4.420394108
    expect(buildStats(rowsOf(likert, 'satisfaction'))).toEqual([
      { label: 'Top 2: Satisfied + Very satisfied', value: '55.6%', detail: '95% interval 26.7%–81.1%' },
      { label: 'Bottom 2: Very dissatisfied + Dissatisfied', value: '33.3%', detail: '95% interval 12.1%–64.6%' },
      { label: 'Mean score (1 = Very dissatisfied, 5 = Very satisfied)', value: '3.33', detail: '95% interval 2.25–4.42' },
    ]);
  });

  it('buildStats(satisfaction, default threshold 10) → nothing: the base of 9 is withheld', () => {
    expect(buildStats(rowsOf(likert, 'satisfaction', { suppressBelow: 10 }))).toEqual([]);
  });
});

/** analysis-select.csv years, n = 10: mean 6.55, quartiles 2.25, 5, 9.375 (R type 7), min 0, max 20. */
describe('buildStats on a number', () => {
  const survey = selectSurvey();

  it('buildStats(years) → n, mean with its t interval, median, quartiles and extremes', () => {
    // R t.test(c(0,1,2,3,5,5,7.5,10,12,20)) → 2.184140864–10.915859136
    expect(buildStats(rowsOf(survey, 'years'))).toEqual([
      { label: 'n', value: '10' },
      { label: 'Mean', value: '6.55', detail: '95% interval 2.18–10.92' },
      { label: 'Median', value: '5' },
      { label: 'Quartiles (Q1–Q3)', value: '2.25–9.38' },
      { label: 'Minimum', value: '0' },
      { label: 'Maximum', value: '20' },
    ]);
  });

  it('buildStats(years by role, segment “Backend engineer”) → Backend’s own figures: years 5, 10, 7.5, 5, 20', () => {
    // the segment is named as the rows' `segment` column names it: the option's label
    // Backend {1,3,6,9,12}: sorted 5, 5, 7.5, 10, 20 → n 5, mean 47.5/5 = 9.5, median 7.5, q1 5, q3 10
    const stats = buildStats(rowsOf(survey, 'years', { by: 'role' }), 'Backend engineer');
    expect(stats.map((item) => [item.label, item.value])).toEqual([
      ['n', '5'],
      ['Mean', '9.5'],
      ['Median', '7.5'],
      ['Quartiles (Q1–Q3)', '5–10'],
      ['Minimum', '5'],
      ['Maximum', '20'],
    ]);
  });

  it.each(['role', 'languages', 'trends'])('buildStats(%s) → nothing: single choice, multi-select and rankings have no summary figures', (id) => {
    expect(buildStats(rowsOf(survey, id))).toEqual([]);
  });

  it('buildStats(years, a segment that is not there) → nothing', () => {
    expect(buildStats(rowsOf(survey, 'years'), 'Nobody')).toEqual([]);
  });
});

/**
 * A 0–10 “recommend” scale (the lead's LimeSurvey layout test): 10 ×5, 9 ×4, 8 ×3, 7 ×2, 5 ×2,
 * 0 ×2, blank ×2 → 18 answered; promoters (9–10) 9, passives 5, detractors (0–6) 4.
 * NPS = (9 − 4) / 18 = 27.78 points; as the mean of ±100 its t interval (17 df, t = 2.109816,
 * sd 82.645) is 27.78 ∓ 41.10 → −13.32 to +68.88 (computed by hand in Python).
 */
const recommend = buildSurvey(
  [
    'How likely are you to recommend your team to a friend?',
    ...[
      ['10 - Extremely likely', 5],
      ['9', 4],
      ['8', 3],
      ['7', 2],
      ['5', 2],
      ['0 - Not at all likely', 2],
      ['', 2],
    ].flatMap(([answer, times]) => Array.from({ length: times as number }, () => answer as string)),
  ].join('\n'),
);

describe('the Net Promoter Score of a recommend scale', () => {
  const id = recommend.questions[0].id;

  it('describeNetPromoter → +28 with “95% interval −13 to +69 · n = 18”: signed whole points, “to” between signed ends', () => {
    expect(describeNetPromoter(rowsOf(recommend, id))).toEqual({
      label: 'Net Promoter Score',
      value: '+28',
      detail: '95% interval −13 to +69 · n = 18',
      headline: true,
    });
  });

  it('buildStats(recommend) → the Net Promoter Score first, then top-2, bottom-2 and the mean score in the scale’s own numbers', () => {
    const stats = buildStats(rowsOf(recommend, id));
    expect(stats[0].label).toBe('Net Promoter Score');
    // (10×5 + 9×4 + 8×3 + 7×2 + 5×2 + 0×2) / 18 = 134 / 18 = 7.44.
    expect(stats.find((stat) => stat.label.startsWith('Mean score'))?.value).toBe('7.44');
  });

  it('describeNetPromoter(a question without one) → undefined', () => {
    expect(describeNetPromoter(rowsOf(likert, 'satisfaction'))).toBeUndefined();
  });
});
