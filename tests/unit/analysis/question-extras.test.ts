import { describe, expect, it } from 'vitest';
import type { Estimate } from '../../../lib/analysis/estimate';
import { DEFAULT_SETTINGS, type Figure, type FigureSettings } from '../../../lib/analysis/figure';
import { likertExtras, numericExtras, questionExtras, type ExtraFigure } from '../../../lib/analysis/question-extras';
import { rankItems } from '../../../lib/analysis/rankings';
import { selectAll } from '../../../lib/analysis/selection';
import { createBitset, setBit } from '../../../lib/survey/bitset';
import type { LikertQuestion, NumericQuestion, RankingQuestion } from '../../../lib/survey/types';
import type { Selection } from '../../../lib/analysis/selection';
import { fixtureSurvey, questionOf, selectSurvey } from '../helpers/fixture-survey';

/** The fixtures are small: no suppression, so every figure is there to check. */
const OPEN: FigureSettings = { ...DEFAULT_SETTINGS, suppressBelow: 0 };
/** Two-sided 95% t critical values from a printed t table (df 6, 8, 9). */
const T975 = { 6: 2.446912, 8: 2.306004, 9: 2.262157 };

const select = (size: number, ...ids: number[]): Selection => {
  const bits = createBitset(size);
  for (const id of ids) setBit(bits, id - 1);
  return { size, bits };
};
const figureOf = (extras: ExtraFigure[], measure: string): Figure => {
  const extra = extras.find((candidate) => candidate.measure === measure);
  if (!extra || !('figure' in extra)) throw new Error(`no ${measure} figure`);
  return extra.figure;
};
const estimateOf = (extras: ExtraFigure[], measure: string, value = ''): Estimate => {
  const extra = extras.find((candidate) => candidate.measure === measure && 'estimate' in candidate && candidate.estimate.value === value);
  if (!extra || !('estimate' in extra)) throw new Error(`no ${measure} estimate`);
  return extra.estimate;
};

/**
 * tests/fixtures/analysis-likert.csv, 12 respondents:
 *   satisfaction: 1 Very dissatisfied {6}, 2 Dissatisfied {5, 11}, 3 Neither {4}, 4 Satisfied {2, 3, 7},
 *                 5 Very satisfied {1, 9}; "Don't know" {8, 12} (off the scale); blank {10}.
 *   agreement:    1 Strongly disagree {5}, 2 Disagree {3, 9}, 3 Agree {1, 4, 6, 10, 12}, 4 Strongly agree {2, 8};
 *                 "Not applicable" {7} (off the scale); blank {11}.
 */
const likert = fixtureSurvey('analysis-likert.csv', { questions: { id: { kind: 'meta' }, satisfaction: { kind: 'likert' }, agreement: { kind: 'likert' } } });
const satisfaction = questionOf(likert, 'satisfaction') as LikertQuestion;
const agreement = questionOf(likert, 'agreement') as LikertQuestion;

describe('likertExtras: top-2 box, bottom-2 box and mean score, over respondents on the scale', () => {
  const extras = likertExtras(satisfaction, selectAll(12), OPEN);

  it('likertExtras(satisfaction) → top2, bottom2 and mean, in that order', () => {
    expect(extras.map((extra) => extra.measure)).toEqual(['top2', 'bottom2', 'mean']);
  });

  it('likertExtras(satisfaction) → top-2 = (Satisfied 3 + Very satisfied 2) / 9 on the scale; "Don\'t know" is not in the base', () => {
    const top2 = figureOf(extras, 'top2');
    expect([top2.value, top2.label, top2.count, top2.base]).toEqual(['top2', 'Top 2: Satisfied + Very satisfied', 5, 9]);
    expect(top2.share).toBeCloseTo(5 / 9, 12);
  });

  it('likertExtras(satisfaction) → bottom-2 = (Very dissatisfied 1 + Dissatisfied 2) / 9', () => {
    const bottom2 = figureOf(extras, 'bottom2');
    expect([bottom2.label, bottom2.count, bottom2.base]).toEqual(['Bottom 2: Very dissatisfied + Dissatisfied', 3, 9]);
    expect(bottom2.share).toBeCloseTo(3 / 9, 12);
  });

  it('likertExtras(satisfaction) → mean score (1 + 2·2 + 3 + 4·3 + 5·2)/9 = 30/9 with a t(8) interval', () => {
    // scores 1, 2, 2, 3, 4, 4, 4, 5, 5: Σ(x − 10/3)² = 16, s² = 16/8 = 2, se = √2/3
    // R: t.test(c(1,2,2,3,4,4,4,5,5))$conf.int → 2.246272559 4.420394108
    const mean = estimateOf(extras, 'mean');
    expect([mean.label, mean.count, mean.base, mean.weighted]).toEqual(['Mean score (1 = Very dissatisfied, 5 = Very satisfied)', 9, 9, false]);
    expect(mean.estimate).toBeCloseTo(30 / 9, 12);
    expect(mean.low).toBeCloseTo(30 / 9 - T975[8] * (Math.SQRT2 / 3), 5);
    expect(mean.high).toBeCloseTo(30 / 9 + T975[8] * (Math.SQRT2 / 3), 5);
    expect(mean.low).toBeCloseTo(2.246272559, 8);
    expect(mean.high).toBeCloseTo(4.420394108, 8);
  });

  it('likertExtras(agreement, a 4-point scale with "Not applicable") → top-2 7/10, bottom-2 3/10, mean 28/10', () => {
    // top: Agree 5 + Strongly agree 2; bottom: Strongly disagree 1 + Disagree 2; (1·1 + 2·2 + 3·5 + 4·2)/10 = 2.8
    const agree = likertExtras(agreement, selectAll(12), OPEN);
    expect([figureOf(agree, 'top2').count, figureOf(agree, 'top2').base, figureOf(agree, 'bottom2').count]).toEqual([7, 10, 3]);
    expect(figureOf(agree, 'top2').label).toBe('Top 2: Agree + Strongly agree');
    expect(estimateOf(agree, 'mean').estimate).toBeCloseTo(2.8, 12);
    expect(estimateOf(agree, 'mean').label).toBe('Mean score (1 = Strongly disagree, 4 = Strongly agree)');
  });

  it('likertExtras(satisfaction, respondents 1–5) → top-2 3/5, bottom-2 1/5, mean 18/5', () => {
    // 1 Very satisfied (5), 2 Satisfied (4), 3 Satisfied (4), 4 Neither (3), 5 Dissatisfied (2)
    const subset = likertExtras(satisfaction, select(12, 1, 2, 3, 4, 5), OPEN);
    expect([figureOf(subset, 'top2').count, figureOf(subset, 'top2').base, figureOf(subset, 'bottom2').count]).toEqual([3, 5, 1]);
    expect(estimateOf(subset, 'mean').estimate).toBeCloseTo(18 / 5, 12);
  });

  it('likertExtras(satisfaction, the default threshold 10) → base 9: top-2, bottom-2 and mean all suppressed', () => {
    const hidden = likertExtras(satisfaction, selectAll(12), DEFAULT_SETTINGS);
    expect([figureOf(hidden, 'top2').suppressed, figureOf(hidden, 'bottom2').suppressed, estimateOf(hidden, 'mean').suppressed]).toEqual([true, true, true]);
  });

  it('likertExtras(satisfaction, only "Don\'t know" answerers 8 and 12) → top-2 over a base of 0 and no mean score: nobody is on the scale', () => {
    const none = likertExtras(satisfaction, select(12, 8, 12), OPEN);
    expect(figureOf(none, 'top2').base).toBe(0);
    expect(Number.isNaN(estimateOf(none, 'mean').estimate)).toBe(true);
  });
});

/**
 * tests/fixtures/analysis-select.csv, years: 5, 2, 10, ·, 3, 7.5, 0, 12, 5, ·, 1, 20 (blank for 4 and 10).
 * Sorted, n = 10: 0, 1, 2, 3, 5, 5, 7.5, 10, 12, 20; sum 65.5.
 * R's type 7: quantile(x) → 0, 2.25, 5, 9.375, 20 (checked in R; h = 9p: q1 at h 2.25 → 2 + 0.25·1, median at 4.5 → 5,
 * q3 at 6.75 → 7.5 + 0.75·2.5).
 */
describe('numericExtras: mean with interval, median and quartiles as R type 7, extremes', () => {
  const survey = selectSurvey();
  const years = questionOf(survey, 'years') as NumericQuestion;
  const extras = numericExtras(years, selectAll(12), 10, OPEN);

  it('numericExtras(years) → mean, median, q1, q3, min, max, each with its label', () => {
    expect(extras.map((extra) => [extra.measure, 'estimate' in extra ? extra.estimate.label : ''])).toEqual([
      ['mean', 'Mean'],
      ['median', 'Median'],
      ['q1', 'Lower quartile'],
      ['q3', 'Upper quartile'],
      ['min', 'Minimum'],
      ['max', 'Maximum'],
    ]);
  });

  it.each<[string, number]>([
    ['mean', 6.55],
    ['median', 5],
    ['q1', 2.25],
    ['q3', 9.375],
    ['min', 0],
    ['max', 20],
  ])('numericExtras(years) → %s %s over the 10 who answered (blanks are not 0)', (measure, value) => {
    const estimate = estimateOf(extras, measure);
    expect(estimate.estimate).toBeCloseTo(value, 12);
    expect([estimate.count, estimate.base]).toEqual([10, 10]);
  });

  it('numericExtras(years) → the mean’s t(9) interval; quantiles and extremes have none', () => {
    // Σ(x − 6.55)² = 335.225, s² = 37.24722, se = √(37.24722/10) = 1.929954
    const se = Math.sqrt(335.225 / 9 / 10);
    const mean = estimateOf(extras, 'mean');
    expect(mean.low).toBeCloseTo(6.55 - T975[9] * se, 5);
    expect(mean.high).toBeCloseTo(6.55 + T975[9] * se, 5);
    // R: t.test(c(0,1,2,3,5,5,7.5,10,12,20))$conf.int → 2.184140864 10.915859136
    expect([mean.low, mean.high].map((x) => x.toFixed(8))).toEqual(['2.18414086', '10.91585914']);
    for (const measure of ['median', 'q1', 'q3', 'min', 'max']) expect(Number.isNaN(estimateOf(extras, measure).low)).toBe(true);
  });

  it('numericExtras(years, respondents 2, 5, 7) → the mean of 2, 3, 0 = 5/3, median 2, min 0, max 3', () => {
    const subset = numericExtras(years, select(12, 2, 5, 7), 3, OPEN);
    expect(estimateOf(subset, 'mean').estimate).toBeCloseTo(5 / 3, 12);
    expect([estimateOf(subset, 'median').estimate, estimateOf(subset, 'min').estimate, estimateOf(subset, 'max').estimate]).toEqual([2, 0, 3]);
  });

  it('numericExtras(years, weighted) → the mean is weighted, quartiles and extremes stay of respondents (weighted: false)', () => {
    // weight 3 on respondent 12 (20 years), 1 elsewhere: (65.5 + 2·20)/12 = 105.5/12
    const weights = Float64Array.from({ length: 12 }, (_, i) => (i === 11 ? 3 : 1));
    const weighted = numericExtras(years, selectAll(12), 10, { ...OPEN, weights, surveySize: 12 });
    expect(estimateOf(weighted, 'mean').estimate).toBeCloseTo(105.5 / 12, 12);
    expect(estimateOf(weighted, 'mean').weighted).toBe(true);
    expect(estimateOf(weighted, 'median').estimate).toBe(5);
    expect(weighted.slice(1).map((extra) => 'estimate' in extra && extra.estimate.weighted)).toEqual([false, false, false, false, false]);
  });

  it('numericExtras(years, nobody selected) → NaN figures, count 0, all suppressed below the default threshold', () => {
    const empty = numericExtras(years, select(12), 0, DEFAULT_SETTINGS);
    for (const extra of empty) {
      if (!('estimate' in extra)) throw new Error('expected estimates');
      expect([Number.isNaN(extra.estimate.estimate), extra.estimate.count, extra.estimate.suppressed]).toEqual([true, 0, true]);
    }
  });
});

/**
 * analysis-select.csv, trends (ranking; hand counts in tests/unit/helpers/fixture-survey.ts):
 *   ranked at all: AI 7, Cloud 6, Security 5 of 8 who ranked any
 *   mean rank: AI (1+2+1+3+1+2+1)/7 = 11/7, Cloud (2+1+1+2+3+2)/6 = 11/6, Security (2+1+2+1+3)/5 = 9/5
 */
describe('questionExtras on a ranking: ranked at all and mean rank per item', () => {
  const survey = selectSurvey();
  const trends = questionOf(survey, 'trends') as RankingQuestion;
  const rankings = rankItems(trends, selectAll(12), OPEN);
  const extras = questionExtras(trends, selectAll(12), OPEN, { items: rankings.items, baseCount: rankings.base });

  it('questionExtras(trends) → ranked_at_all per item, then mean_rank per item', () => {
    expect(extras.map((extra) => [extra.measure, 'figure' in extra ? extra.figure.value : extra.estimate.value])).toEqual([
      ['ranked_at_all', 'AI'],
      ['ranked_at_all', 'Cloud'],
      ['ranked_at_all', 'Security'],
      ['mean_rank', 'AI'],
      ['mean_rank', 'Cloud'],
      ['mean_rank', 'Security'],
    ]);
  });

  it('questionExtras(trends) → ranked at all 7, 6, 5 of 8', () => {
    expect(extras.slice(0, 3).map((extra) => ('figure' in extra ? [extra.figure.count, extra.figure.base] : []))).toEqual([
      [7, 8],
      [6, 8],
      [5, 8],
    ]);
  });

  it('questionExtras(trends) → mean ranks 11/7, 11/6, 9/5 among those who ranked the item, base 8', () => {
    const means = ['AI', 'Cloud', 'Security'].map((item) => estimateOf(extras, 'mean_rank', item));
    expect(means.map((mean) => [mean.count, mean.base])).toEqual([
      [7, 8],
      [6, 8],
      [5, 8],
    ]);
    [11 / 7, 11 / 6, 9 / 5].forEach((expected, i) => expect(means[i].estimate).toBeCloseTo(expected, 12));
  });

  it('questionExtras(trends) → AI’s mean rank interval is t(6): Σ(x − 11/7)² = 182/49, se = √(182/49/6/7)', () => {
    const se = Math.sqrt(182 / 49 / 6 / 7);
    const ai = estimateOf(extras, 'mean_rank', 'AI');
    expect(ai.low).toBeCloseTo(11 / 7 - T975[6] * se, 5);
    expect(ai.high).toBeCloseTo(11 / 7 + T975[6] * se, 5);
    // R: t.test(c(1,2,1,3,1,2,1))$conf.int → 0.843763828 2.299093315
    expect(ai.low).toBeCloseTo(0.843763828, 8);
    expect(ai.high).toBeCloseTo(2.299093315, 8);
  });

  it('questionExtras(trends, base "all") → the same mean ranks: those who never ranked an item have no rank, not 0', () => {
    const all = { ...OPEN, baseRule: 'all' as const };
    const everyone = questionExtras(trends, selectAll(12), all, { items: rankItems(trends, selectAll(12), all).items, baseCount: 12 });
    expect(estimateOf(everyone, 'mean_rank', 'AI').estimate).toBeCloseTo(11 / 7, 12);
    expect(estimateOf(everyone, 'mean_rank', 'AI').base).toBe(12);
  });
});

describe('questionExtras on single choice and multi-select', () => {
  const survey = selectSurvey();

  it.each(['role', 'languages'])('questionExtras(%s) → none', (id) => {
    expect(questionExtras(questionOf(survey, id), selectAll(12), OPEN, { baseCount: 0 })).toEqual([]);
  });
});
