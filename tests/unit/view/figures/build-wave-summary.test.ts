import { describe, expect, it } from 'vitest';
import { aggregateView } from '../../../../lib/analysis/aggregate-view';
import type { AggregateQuery, DatasetWaves } from '../../../../lib/analysis/aggregate-query';
import { buildSurvey } from '../../../../lib/survey/build-survey';
import type { Codebook } from '../../../../lib/survey/codebook-schema';
import { buildWaveSummary } from '../../../../lib/view/figures/build-wave-summary';
import { analysisTrendWaves } from '../../helpers/fixture-survey';

const rowsOf = (dataset: DatasetWaves, questionId: string, query: Partial<AggregateQuery> = {}) =>
  aggregateView(dataset, { questionId, filters: [], baseRule: 'answered', suppressBelow: 0, ...query }, '').rows;

/**
 * A four-point scale in two waves (points 1–4):
 *   2021  VD, D, S, VS        top-2 2/4 = 50%, bottom-2 2/4 = 50%, mean (1+2+3+4)/4 = 2.5
 *   2022  S, S, VS, VS, D     top-2 4/5 = 80%, bottom-2 1/5 = 20%, mean (3+3+4+4+2)/5 = 3.2
 */
const SCALE: Codebook = {
  questions: {
    id: { kind: 'meta' },
    sat: { kind: 'likert', label: 'Satisfaction', options: ['Very dissatisfied', 'Dissatisfied', 'Satisfied', 'Very satisfied'] },
  },
};
const scale: DatasetWaves = {
  id: 'scale',
  waves: [
    { id: '2021', survey: buildSurvey('id,sat\n1,Very dissatisfied\n2,Dissatisfied\n3,Satisfied\n4,Very satisfied', { codebook: SCALE }) },
    { id: '2022', survey: buildSurvey('id,sat\n1,Satisfied\n2,Satisfied\n3,Very satisfied\n4,Very satisfied\n5,Dissatisfied', { codebook: SCALE }) },
  ],
};

describe('buildWaveSummary', () => {
  it('buildWaveSummary(a four-point scale) → top-2 and bottom-2 box in percent, then the mean score to two decimals, one column per wave', () => {
    expect(buildWaveSummary(rowsOf(scale, 'sat'), ['2021', '2022'])).toEqual([
      { label: 'Top 2: Satisfied + Very satisfied', values: ['50.0%', '80.0%'] },
      { label: 'Bottom 2: Very dissatisfied + Dissatisfied', values: ['50.0%', '20.0%'] },
      { label: 'Mean score', values: ['2.50', '3.20'] },
    ]);
  });

  it('buildWaveSummary(years of tests/fixtures/analysis-trend-*) → mean, median and quartiles (R type 7) of each wave', () => {
    // 2020: 0.5 1 3 3 3 12 15 20 → mean 57.5/8 = 7.1875, median 3, Q1 1 + 0.75·2 = 2.5, Q3 12 + 0.25·3 = 12.75
    // 2021: 1…12 → 6.5, 6.5, 3.75, 9.25;  2022: 1…10 → 5.5, 5.5, 3.25, 7.75
    expect(buildWaveSummary(rowsOf({ id: 'trend', waves: analysisTrendWaves() }, 'years'), ['2020', '2021', '2022'])).toEqual([
      { label: 'Mean', values: ['7.19', '6.5', '5.5'] },
      { label: 'Median', values: ['3', '6.5', '5.5'] },
      { label: 'Lower quartile', values: ['2.5', '3.75', '3.25'] },
      { label: 'Upper quartile', values: ['12.75', '9.25', '7.75'] },
    ]);
  });

  it('buildWaveSummary(default threshold of 10) → 2020’s eight answers “withheld”, never a number', () => {
    const rows = rowsOf({ id: 'trend', waves: analysisTrendWaves() }, 'years', { suppressBelow: 10 });
    expect(buildWaveSummary(rows, ['2020', '2021', '2022']).map((row) => row.values[0])).toEqual(['withheld', 'withheld', 'withheld', 'withheld']);
  });

  it('buildWaveSummary(a wave with no rows) → “–” in its column', () => {
    expect(buildWaveSummary(rowsOf(scale, 'sat'), ['2020', '2021', '2022']).map((row) => row.values[0])).toEqual(['–', '–', '–']);
  });

  it('buildWaveSummary(a single-choice question) → no summary rows', () => {
    expect(buildWaveSummary(rowsOf({ id: 'trend', waves: analysisTrendWaves() }, 'arrangement'), ['2020', '2021', '2022'])).toEqual([]);
  });

  it('buildWaveSummary(years by role, segment Ops) → that segment’s figures only', () => {
    // Ops answered years: 2021 {3,5,7,9,11} → mean 35/5 = 7; 2022 {3,5,7,9} → mean 24/4 = 6
    const rows = rowsOf({ id: 'trend', waves: analysisTrendWaves() }, 'years', { by: 'role' });
    expect(buildWaveSummary(rows, ['2021', '2022'], 'Ops')[0]).toEqual({ label: 'Mean', values: ['7', '6'] });
  });
});

/**
 * A 0–10 recommend scale with labelled end points, in two waves:
 *   2023  10, 10, 9, 8, 3, 0     promoters 3, detractors 2 of 6 → NPS (3 − 2)/6 = +16.7 → +17
 *   2024  10, 7, 6, 5, 0, 9      promoters 2, detractors 3 of 6 → NPS (2 − 3)/6 = −16.7 → −17
 */
describe('buildWaveSummary of a recommend scale', () => {
  const header = 'id,How likely are you to recommend us to a friend?';
  const [top, bottom] = ['10 - Extremely likely', '0 - Not at all likely'];
  const wave = (values: string[]) => buildSurvey([header, ...values.map((value, i) => `${i + 1},${value}`)].join('\n'));
  const recommend: DatasetWaves = {
    id: 'recommend',
    waves: [
      { id: '2023', survey: wave([top, top, '9', '8', '3', bottom]) },
      { id: '2024', survey: wave([top, '7', '6', '5', bottom, '9']) },
    ],
  };

  it('buildWaveSummary(recommend) → the Net Promoter Score first, in signed whole points per wave', () => {
    const id = recommend.waves[1].survey.questions[1].id;
    expect(buildWaveSummary(rowsOf(recommend, id), ['2023', '2024'])[0]).toEqual({ label: 'Net Promoter Score', values: ['+17', '−17'] });
  });
});
