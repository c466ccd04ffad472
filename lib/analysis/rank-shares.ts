import type { RankingQuestion, Selection } from '../survey/types';
import { hasBit } from '../survey/bitset';
import { toBucket, type Bucket } from './bucket';

export interface RankShares {
  /** Per item: respondents who ranked it first, over respondents who ranked anything. */
  first: Bucket[];
  /** Per item: mean rank among respondents who ranked it (NaN if nobody did). */
  meanRank: number[];
  /** Per item: respondents who ranked it at all. */
  ranked: number[];
  base: number;
}

/** The way reports show rankings: "55.1% ranked AI first", with the mean rank beside. */
export function rankShares(question: RankingQuestion, selection: Selection): RankShares {
  const items = question.options.length;
  const first = new Array<number>(items).fill(0);
  const ranked = new Array<number>(items).fill(0);
  const rankSum = new Array<number>(items).fill(0);
  let base = 0;
  for (let i = 0; i < selection.size; i++) {
    if (!hasBit(selection.bits, i) || !hasBit(question.answered, i)) continue;
    base++;
    for (let item = 0; item < items; item++) {
      const rank = question.ranks[item][i];
      if (rank === 0) continue;
      ranked[item]++;
      rankSum[item] += rank;
      if (rank === 1) first[item]++;
    }
  }
  return {
    first: question.options.map((option, item) => toBucket(option.value, option.label, first[item], base)),
    meanRank: rankSum.map((sum, item) => (ranked[item] > 0 ? sum / ranked[item] : NaN)),
    ranked,
    base,
  };
}
