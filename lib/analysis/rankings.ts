import type { RankingQuestion } from '../survey/types';
import { countBits } from '../survey/bitset';
import type { Selection } from './selection';
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
  /** Which respondents those are (bit i of word i >>> 5): the mean rank reads only them. */
  rankedBits: Uint32Array;
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

/**
 * For each rank r the respondents who gave it, as bits over every respondent. "Ranked k or
 * better" for a view is then its base ANDed with these and ORed over the first k, word by word.
 * Each word's ranks are read in order into a small table of 32-bit masks (acc[r]); ranks above
 * maxRank land in the table and are never read.
 */
function ranksByPlace(ranks: Uint8Array, maxRank: number): Uint32Array[] {
  const words = Math.ceil(ranks.length / 32);
  const byRank = Array.from({ length: Math.max(1, maxRank) }, () => new Uint32Array(words));
  const acc = new Int32Array(256);
  for (let w = 0; w < words; w++) {
    const first = w << 5;
    const end = Math.min(32, ranks.length - first);
    for (let j = 0; j < end; j++) acc[ranks[first + j]] |= 1 << j;
    for (let r = 1; r <= maxRank; r++) {
      byRank[r - 1][w] = acc[r];
      acc[r] = 0;
    }
  }
  return byRank;
}

// Each item's places over every respondent, found once per parsed question (a parsed question
// never changes): a view's places are then those ANDed with its base, a word at a time — a
// 3-wave ranking trend of 1,000,000 respondents each no longer reads 3 × 8 million ranks.
// Memory: items × places × respondents / 8 bytes (8 MB for 8 items ranked 1–8 at 1M).
const places = new WeakMap<RankingQuestion, Uint32Array[][]>();

function placesOf(question: RankingQuestion): Uint32Array[][] {
  let known = places.get(question);
  if (!known) {
    known = question.ranks.map((ranks) => ranksByPlace(ranks, question.maxRank));
    places.set(question, known);
  }
  return known;
}

/** In place: byRank[k] becomes "ranked k + 1 or better". */
function accumulateRanks(byRank: Uint32Array[]): Uint32Array[] {
  for (let k = 1; k < byRank.length; k++) {
    const better = byRank[k - 1];
    const here = byRank[k];
    for (let w = 0; w < here.length; w++) here[w] |= better[w];
  }
  return byRank;
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
  const base: Tally = tallyBits(baseBits, settings.weights);
  const items = question.options.map((option, index) => {
    // At least "ranked first", even when nobody ranked anything (a 0/0 figure, suppressed).
    const byRank = placesOf(question)[index].map((place) => andBits(place, baseBits));
    // Counted a word at a time, not one increment per respondent.
    const distribution = byRank.slice(0, question.maxRank).map(countBits);
    const orBetter = accumulateRanks(byRank);
    const topK = orBetter.map((bits) => makeFigure(option.value, option.label, false, tallyBits(bits, settings.weights), base, settings));
    const ranked = distribution.reduce((a, b) => a + b, 0);
    const [meanRank, meanRankLow, meanRankHigh] = meanWithInterval(distribution, settings.level);
    return {
      value: option.value,
      label: option.label,
      first: topK[0],
      topK,
      distribution,
      ranked,
      rankedBits: orBetter[orBetter.length - 1],
      neverRanked: base.count - ranked,
      meanRank,
      meanRankLow,
      meanRankHigh,
    };
  });
  const effectiveBase = effectiveBaseOf(base, settings.weights !== undefined);
  return { questionId: question.id, base: base.count, weightedBase: settings.weights ? base.sumW : null, effectiveBase, maxRank: question.maxRank, items };
}
