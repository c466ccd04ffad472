import type { RankingQuestion, Selection } from '../survey/types';
import { andBits, effectiveBaseOf, tallyBits, type Tally } from './tally';
import { DEFAULT_SETTINGS, makeFigure, type Figure, type FigureSettings } from './figure';
import { tCritical } from './distributions';

export interface RankedItem {
  value: string;
  label: string;
  /** Share of the base who ranked this item first: the headline "55.1% ranked AI first". */
  first: Figure;
  /** topK[k − 1]: share of the base who ranked the item k or better. */
  topK: Figure[];
  /** distribution[r − 1]: respondents in the base who gave rank r. */
  distribution: number[];
  /** Respondents in the base who ranked the item at all, and who did not. */
  ranked: number;
  neverRanked: number;
  /** Unweighted mean rank among those who ranked the item, with a t interval (NaN when < 2 ranked it). */
  meanRank: number;
  meanRankLow: number;
  meanRankHigh: number;
}

export interface Rankings {
  questionId: string;
  base: number;
  weightedBase: number | null;
  /** Kish effective base of the weighted base (null when unweighted). */
  effectiveBase: number | null;
  maxRank: number;
  items: RankedItem[];
}

function rankBits(ranks: Uint8Array, baseBits: Uint32Array, atMost: number): Uint32Array {
  const bits = new Uint32Array(baseBits.length);
  for (let w = 0; w < baseBits.length; w++) {
    let word = baseBits[w];
    while (word !== 0) {
      const bit = 31 - Math.clz32(word & -word);
      const rank = ranks[(w << 5) | bit];
      if (rank !== 0 && rank <= atMost) bits[w] |= 1 << bit;
      word &= word - 1;
    }
  }
  return bits;
}

function meanWithInterval(distribution: number[], level: number): [number, number, number] {
  const n = distribution.reduce((a, b) => a + b, 0);
  if (n === 0) return [NaN, NaN, NaN];
  const mean = distribution.reduce((sum, count, r) => sum + count * (r + 1), 0) / n;
  if (n < 2) return [mean, NaN, NaN];
  const variance = distribution.reduce((sum, count, r) => sum + count * (r + 1 - mean) ** 2, 0) / (n - 1);
  const half = tCritical(n - 1, level) * Math.sqrt(variance / n);
  return [mean, mean - half, mean + half];
}

/**
 * Ranking questions the way reports show them: per item the share ranked first and in the top
 * k, the full rank distribution, the mean rank among those who ranked it, and how many never
 * ranked it. The base is respondents who ranked anything (or all selected, by the base rule).
 */
export function rankItems(question: RankingQuestion, selection: Selection, settings: FigureSettings = DEFAULT_SETTINGS): Rankings {
  const baseBits = settings.baseRule === 'all' ? selection.bits : andBits(question.answered, selection.bits);
  const base: Tally = tallyBits(baseBits, settings.weights, settings.recordKeys);
  const items = question.options.map((option, index) => {
    const ranks = question.ranks[index];
    // At least "ranked first", even when nobody ranked anything (a 0/0 figure, suppressed).
    const topK = Array.from({ length: Math.max(1, question.maxRank) }, (_, k) =>
      makeFigure(option.value, option.label, false, tallyBits(rankBits(ranks, baseBits, k + 1), settings.weights, settings.recordKeys), base, settings),
    );
    const distribution = new Array<number>(question.maxRank).fill(0);
    for (let w = 0; w < baseBits.length; w++) {
      let word = baseBits[w];
      while (word !== 0) {
        const rank = ranks[(w << 5) | (31 - Math.clz32(word & -word))];
        if (rank !== 0) distribution[rank - 1]++;
        word &= word - 1;
      }
    }
    const ranked = distribution.reduce((a, b) => a + b, 0);
    const [meanRank, meanRankLow, meanRankHigh] = meanWithInterval(distribution, settings.level);
    return { value: option.value, label: option.label, first: topK[0], topK, distribution, ranked, neverRanked: base.count - ranked, meanRank, meanRankLow, meanRankHigh };
  });
  const effectiveBase = effectiveBaseOf(base, settings.weights !== undefined);
  return { questionId: question.id, base: base.count, weightedBase: settings.weights ? base.sumW : null, effectiveBase, maxRank: question.maxRank, items };
}
