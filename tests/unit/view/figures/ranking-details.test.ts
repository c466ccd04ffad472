import { describe, expect, it } from 'vitest';
import { aggregateView } from '../../../../lib/analysis/aggregate-view';
import { rankingDetails } from '../../../../lib/view/figures/ranking-details';
import { selectSurvey } from '../../helpers/fixture-survey';

/**
 * analysis-select.csv trends, 8 who ranked any (hand counts in tests/unit/helpers/fixture-survey.ts):
 *   ranked at all AI 7, Cloud 6, Security 5; mean ranks 11/7, 11/6, 9/5.
 * Backend {1,3,6,9,12}, of whom 1, 6 and 9 ranked: AI ranks 1, 3, 2; Cloud 2, 2; Security 1, 1.
 */
const survey = selectSurvey();
const rows = aggregateView(
  { id: 'fixture', waves: [{ id: '2022', survey }] },
  { questionId: 'trends', filters: [], baseRule: 'answered', by: 'role', suppressBelow: 0 },
  '',
).rows;

describe('rankingDetails', () => {
  const everyone = rankingDetails(rows);

  it('rankingDetails(rows) → one entry per item, keyed by its value', () => {
    expect([...everyone.keys()]).toEqual(['AI', 'Cloud', 'Security']);
  });

  it.each<[string, number, number, number]>([
    ['AI', 7, 87.5, 11 / 7],
    ['Cloud', 6, 75, 11 / 6],
    ['Security', 5, 62.5, 9 / 5],
  ])('rankingDetails(rows).get(%s) → ranked by %i (%s%), mean rank %s', (item, rankedAtAll, percent, meanRank) => {
    const detail = everyone.get(item)!;
    expect([detail.rankedAtAll, detail.rankedAtAllPercent]).toEqual([rankedAtAll, percent]);
    expect(detail.meanRank).toBeCloseTo(meanRank, 10);
  });

  it('rankingDetails(rows).get(AI) → the mean rank’s interval, R t.test(c(1,2,1,3,1,2,1)) → 0.843763828–2.299093315', () => {
    const ai = everyone.get('AI')!;
    expect(ai.meanRankLow).toBeCloseTo(0.843763828, 8);
    expect(ai.meanRankHigh).toBeCloseTo(2.299093315, 8);
  });

  it('rankingDetails(rows, “Backend engineer”) → Backend’s own: AI ranked by 3 of 3 with mean (1 + 3 + 2)/3 = 2; Security by 2, mean 1', () => {
    // the segment is named by its label, as in the rows' `segment` column
    const backend = rankingDetails(rows, 'Backend engineer');
    expect([backend.get('AI')!.rankedAtAll, backend.get('AI')!.rankedAtAllPercent, backend.get('AI')!.meanRank]).toEqual([3, 100, 2]);
    expect([backend.get('Security')!.rankedAtAll, backend.get('Security')!.meanRank]).toEqual([2, 1]);
  });

  it('rankingDetails(rows of a threshold of 10) → every figure withheld: null, never 0', () => {
    const hidden = aggregateView({ id: 'fixture', waves: [{ id: '2022', survey }] }, { questionId: 'trends', filters: [], baseRule: 'answered' }, '').rows;
    expect(rankingDetails(hidden).get('AI')).toEqual({ rankedAtAll: null, rankedAtAllPercent: null, meanRank: null, meanRankLow: null, meanRankHigh: null });
  });

  it('rankingDetails(rows of another kind of question) → empty', () => {
    const roleRows = aggregateView(
      { id: 'fixture', waves: [{ id: '2022', survey }] },
      { questionId: 'role', filters: [], baseRule: 'answered', suppressBelow: 0 },
      '',
    ).rows;
    expect(rankingDetails(roleRows).size).toBe(0);
  });
});
