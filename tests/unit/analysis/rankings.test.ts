import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rankItems, type Rankings } from '../../../lib/analysis/rankings';
import { DEFAULT_SETTINGS } from '../../../lib/analysis/figure';
import { selectAll } from '../../../lib/analysis/selection';
import { buildSurvey } from '../../../lib/survey/build-survey';
import { createBitset, setBit } from '../../../lib/survey/bitset';
import type { RankingQuestion } from '../../../lib/survey/types';
import type { Selection } from '../../../lib/analysis/selection';

/**
 * tests/fixtures/analysis-rankings.csv: "rank your top 2" of four trends, 10 respondents.
 *
 *   id  AI Cloud Security Blockchain
 *    1   1   2     .        .
 *    2   1   .     2        .
 *    3   2   1     .        .
 *    4   1   2     .        .
 *    5   .   2     1        .
 *    6   .   .     .        .      (ranked nothing: not in the answered base)
 *    7   1   .     2        .
 *    8   .   1     2        .
 *    9   2   .     1        .
 *   10   1   2     .        .
 *
 * Answered base 9 (all but 6). Per item, by hand:
 *   AI         rank 1: {1,2,4,7,10} = 5, rank 2: {3,9} = 2     → ranked 7, never 2 (5, 8)
 *   Cloud      rank 1: {3,8} = 2,        rank 2: {1,4,5,10} = 4 → ranked 6, never 3
 *   Security   rank 1: {5,9} = 2,        rank 2: {2,7,8} = 3    → ranked 5, never 4
 *   Blockchain nobody                                            → ranked 0, never 9
 * Each answering respondent ranks exactly one item first: 5 + 2 + 2 + 0 = 9 = base.
 */
const survey = buildSurvey(readFileSync(fileURLToPath(new URL('../../fixtures/analysis-rankings.csv', import.meta.url)), 'utf8'), {
  codebook: { questions: { id: { kind: 'meta' }, trend: { kind: 'ranking' } } },
});
const trend = survey.questions.find((q) => q.id === 'trend') as RankingQuestion;
const select = (...ids: number[]): Selection => {
  const bits = createBitset(10);
  for (const id of ids) setBit(bits, id - 1);
  return { size: 10, bits };
};
const item = (rankings: Rankings, value: string) => rankings.items.find((entry) => entry.value === value)!;

describe('rankItems on analysis-rankings.csv', () => {
  const result = rankItems(trend, selectAll(10));

  it('rankItems(trend, all) → base 9, maxRank 2, items in column order', () => {
    expect([result.questionId, result.base, result.maxRank, result.weightedBase]).toEqual(['trend', 9, 2, null]);
    expect(result.items.map((entry) => entry.value)).toEqual(['AI', 'Cloud', 'Security', 'Blockchain']);
  });

  it.each<[string, number, number]>([
    ['AI', 5, 5 / 9],
    ['Cloud', 2, 2 / 9],
    ['Security', 2, 2 / 9],
    ['Blockchain', 0, 0],
  ])('rankItems(trend, all): %s ranked first by %d of 9', (value, count, share) => {
    const first = item(result, value).first;
    expect([first.count, first.base]).toEqual([count, 9]);
    expect(first.share).toBeCloseTo(share, 12);
  });

  it('rankItems(trend, all): shares ranked first add up to 100% of the base (5 + 2 + 2 + 0 = 9)', () => {
    expect(result.items.reduce((sum, entry) => sum + entry.first.count, 0)).toBe(result.base);
  });

  it.each<[string, number[]]>([
    ['AI', [5, 7]], // top 1: 5; top 2: 5 + 2
    ['Cloud', [2, 6]], // 2; 2 + 4
    ['Security', [2, 5]], // 2; 2 + 3
    ['Blockchain', [0, 0]],
  ])('rankItems(trend, all): %s in the top 1 / top 2 → %j of 9', (value, counts) => {
    const topK = item(result, value).topK;
    expect(topK.map((figure) => figure.count)).toEqual(counts);
    expect(topK.map((figure) => figure.base)).toEqual([9, 9]);
    expect(topK[1].share).toBeCloseTo(counts[1] / 9, 12);
  });

  it.each<[string, number[], number, number]>([
    ['AI', [5, 2], 7, 2],
    ['Cloud', [2, 4], 6, 3],
    ['Security', [2, 3], 5, 4],
    ['Blockchain', [0, 0], 0, 9],
  ])('rankItems(trend, all): %s distribution %j, ranked %d, never ranked %d', (value, distribution, ranked, never) => {
    const entry = item(result, value);
    expect(entry.distribution).toEqual(distribution);
    expect([entry.ranked, entry.neverRanked]).toEqual([ranked, never]);
  });

  it.each<[string, number, number, number]>([
    // AI ranks 1,1,1,1,1,2,2: mean 9/7 = 1.285714
    //   s² = [5·(1 − 9/7)² + 2·(2 − 9/7)²]/6 = (20/49 + 50/49)/6 = 5/21; se = √(5/21 / 7) = √(5/147) = 0.1844278
    //   t(6) = 2.4469119; half = 0.4512785 → (0.8344358, 1.7369928); R t.test: 0.8344357691, 1.7369928023
    ['AI', 9 / 7, 0.8344357691, 1.7369928023],
    // Cloud ranks 1,1,2,2,2,2: mean 10/6 = 5/3
    //   s² = [2·(4/9) + 4·(1/9)]/5 = 4/15; se = √(4/15 / 6) = √(2/45) = 0.2108185
    //   t(5) = 2.5705818; half = 0.5419262 → (1.1247404, 2.2085929); R: 1.1247404325, 2.2085929008
    ['Cloud', 5 / 3, 1.1247404325, 2.2085929008],
    // Security ranks 1,1,2,2,2: mean 8/5 = 1.6
    //   s² = [2·0.36 + 3·0.16]/4 = 0.3; se = √(0.3/5) = √0.06 = 0.2449490
    //   t(4) = 2.7764451; half = 0.6800874 → (0.9199126, 2.2800874); R: 0.9199126193, 2.2800873807
    ['Security', 1.6, 0.9199126193, 2.2800873807],
  ])('rankItems(trend, all): %s mean rank %s with t interval (%s, %s)', (value, mean, low, high) => {
    const entry = item(result, value);
    expect(entry.meanRank).toBeCloseTo(mean, 12);
    expect(entry.meanRankLow).toBeCloseTo(low, 9);
    expect(entry.meanRankHigh).toBeCloseTo(high, 9);
  });

  it('rankItems(trend, all): Blockchain, never ranked, has no mean rank (NaN), not 0', () => {
    const entry = item(result, 'Blockchain');
    expect([entry.meanRank, entry.meanRankLow, entry.meanRankHigh].every(Number.isNaN)).toBe(true);
  });

  it('rankItems(trend, all, base "all") → base 10, AI first 5/10, AI never ranked 3 (5, 6, 8)', () => {
    const everyone = rankItems(trend, selectAll(10), { ...DEFAULT_SETTINGS, baseRule: 'all' });
    expect(everyone.base).toBe(10);
    expect([item(everyone, 'AI').first.count, item(everyone, 'AI').first.share]).toEqual([5, 0.5]);
    expect(item(everyone, 'AI').neverRanked).toBe(3);
  });

  it('rankItems(trend, {1,…,5}) → base 5; AI first {1,2,4} = 3, Cloud first {3} = 1, Security first {5} = 1', () => {
    const some = rankItems(trend, select(1, 2, 3, 4, 5));
    expect(some.base).toBe(5);
    expect(some.items.map((entry) => entry.first.count)).toEqual([3, 1, 1, 0]);
    // AI ranks there: 1, 1, 2, 1 → distribution [3, 1], never ranked by 5
    expect(item(some, 'AI').distribution).toEqual([3, 1]);
    expect(item(some, 'AI').neverRanked).toBe(1);
  });

  it('rankItems(trend, {5}) → Security mean rank 1 from one respondent, no interval (NaN)', () => {
    const one = rankItems(trend, select(5));
    const security = item(one, 'Security');
    expect(security.meanRank).toBe(1);
    expect(Number.isNaN(security.meanRankLow) && Number.isNaN(security.meanRankHigh)).toBe(true);
  });

  it('rankItems(trend, {6}) → base 0 under the answered rule: respondent 6 ranked nothing', () => {
    const none = rankItems(trend, select(6));
    expect(none.base).toBe(0);
    expect(none.items.every((entry) => entry.ranked === 0 && entry.neverRanked === 0)).toBe(true);
  });

  it('rankItems(trend, all, weights) → AI first weighted by w = 2 for respondents 1–5, 1 otherwise: 2+2+2+1+1 = 8 of 14', () => {
    // base {1,2,3,4,5,7,8,9,10}: 2·5 + 1·4 = 14; AI first {1,2,4,7,10}: 2 + 2 + 2 + 1 + 1 = 8
    const weights = Float64Array.from([2, 2, 2, 2, 2, 1, 1, 1, 1, 1]);
    const weighted = rankItems(trend, selectAll(10), { ...DEFAULT_SETTINGS, weights });
    expect(weighted.weightedBase).toBe(14);
    expect(item(weighted, 'AI').first.weightedCount).toBe(8);
    expect(item(weighted, 'AI').first.share).toBeCloseTo(8 / 14, 12);
    expect(item(weighted, 'AI').first.count).toBe(5);
  });
});

describe('rankItems on a ranking nobody answered (analysis-rankings-unanswered.csv: 3 respondents, all blank)', () => {
  const unanswered = buildSurvey(readFileSync(fileURLToPath(new URL('../../fixtures/analysis-rankings-unanswered.csv', import.meta.url)), 'utf8'), {
    codebook: { questions: { id: { kind: 'meta' }, trend: { kind: 'ranking' } } },
  });
  const empty = unanswered.questions.find((q) => q.id === 'trend') as RankingQuestion;

  it('rankItems(trend, all) → base 0 and, per item, a "ranked first" figure of 0 out of 0 (suppressed), not undefined', () => {
    // Nobody ranked anything, so maxRank is 0; the headline figure must still exist for the chart and the export.
    expect(empty.maxRank).toBe(0);
    const result = rankItems(empty, selectAll(3));
    expect(result.base).toBe(0);
    expect(result.items.map((entry) => entry.value)).toEqual(['AI', 'Cloud']);
    for (const entry of result.items) {
      expect(entry.first).toBeDefined();
      expect(entry.first).toMatchObject({ count: 0, base: 0, suppressed: true });
    }
  });
});
