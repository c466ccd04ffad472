import type { AggregateRow } from '../../analysis/aggregate-row';

/** What a ranking table shows beside “ranked first”, per item. */
export interface RankingDetail {
  rankedAtAll: number | null;
  rankedAtAllPercent: number | null;
  meanRank: number | null;
  meanRankLow: number | null;
  meanRankHigh: number | null;
}

/** Per item (by value): ranked at all and mean rank, from the rows of one series (everyone by default). */
export function rankingDetails(rows: readonly AggregateRow[], segment = '(all)'): Map<string, RankingDetail> {
  const details = new Map<string, RankingDetail>();
  const detail = (key: string) => details.get(key) ?? { rankedAtAll: null, rankedAtAllPercent: null, meanRank: null, meanRankLow: null, meanRankHigh: null };
  for (const row of rows) {
    if (row.segment !== segment) continue;
    if (row.measure === 'ranked_at_all') details.set(row.keys.option, { ...detail(row.keys.option), rankedAtAll: row.count, rankedAtAllPercent: row.percent });
    if (row.measure === 'mean_rank')
      details.set(row.keys.option, { ...detail(row.keys.option), meanRank: row.value, meanRankLow: row.ci_low, meanRankHigh: row.ci_high });
  }
  return details;
}
