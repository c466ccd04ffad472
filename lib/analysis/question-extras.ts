import type { LikertQuestion, NumericQuestion, Question, RankingQuestion } from '../survey/types';
import type { Selection } from './selection';
import { makeEstimate, type Estimate } from './estimate';
import { makeFigure, type Figure, type FigureSettings } from './figure';
import { singleFrequencies } from './frequencies';
import { quantileSorted } from './quantiles';
import { sortedValues } from './numeric-bins';
import type { RankedItem } from './rankings';
import { addTallies, EMPTY_TALLY, type Tally } from './tally';
import { estimateMean, type MeanEstimate } from './weighted-mean';

import type { ShareMeasure, ValueMeasure } from './measures';

export type ExtraFigure = { measure: ShareMeasure; figure: Figure } | { measure: ValueMeasure; estimate: Estimate };

function meanOf(
  values: ArrayLike<number>,
  bits: Uint32Array,
  label: string,
  value: string,
  base: number,
  settings: FigureSettings,
  measure: ValueMeasure,
  zeroIsMissing = false,
): ExtraFigure {
  const mean = estimateMean(values, bits, {
    weights: settings.weights,
    surveySize: settings.surveySize ?? values.length,
    level: settings.level,
    zeroIsMissing,
  });
  return meanFigure(mean, label, value, base, settings, measure);
}

/** A mean (with its interval, over n respondents) as an extra figure of the view. */
function meanFigure(
  mean: Pick<MeanEstimate, 'mean' | 'low' | 'high' | 'n'>,
  label: string,
  value: string,
  base: number,
  settings: FigureSettings,
  measure: ValueMeasure,
): ExtraFigure {
  const estimate = makeEstimate(
    { value, label, count: mean.n, base, estimate: mean.mean, low: mean.low, high: mean.high, weighted: settings.weights !== undefined },
    settings,
  );
  return { measure, estimate };
}

/** Per item: the share who ranked it at all, and its mean rank among them (with interval). */
function rankingExtras(question: RankingQuestion, items: readonly RankedItem[], settings: FigureSettings): ExtraFigure[] {
  // "Ranked in the top 3" is its own figure only when more than three places were ranked.
  const topThree: ExtraFigure[] = question.maxRank > 3 ? items.map((item) => ({ measure: 'ranked_top3', figure: item.topK[2] })) : [];
  const atAll: ExtraFigure[] = [...topThree, ...items.map((item): ExtraFigure => ({ measure: 'ranked_at_all', figure: item.topK[item.topK.length - 1] }))];
  // Unweighted, the mean rank and its t interval come from the item's rank distribution
  // (rankItems): no pass over the respondents at all. Weighted, ranks are read in place (0 = not
  // ranked) over the respondents who ranked the item: no copy of 100,000 ranks per item.
  const means = items.map((item, index): ExtraFigure =>
    settings.weights
      ? meanOf(question.ranks[index], item.rankedBits, item.label, item.value, item.first.base, settings, 'mean_rank', true)
      : meanFigure(
          { mean: item.meanRank, low: item.meanRankLow, high: item.meanRankHigh, n: item.ranked },
          item.label,
          item.value,
          item.first.base,
          settings,
          'mean_rank',
        ),
  );
  return [...atAll, ...means];
}

function sumTallies(figures: readonly Figure[]): Tally {
  return figures.reduce((sum, figure) => addTallies(sum, figure.optionTally), EMPTY_TALLY);
}

/** A Likert question's scale as its boxes and mean score read it. */
export interface LikertScale {
  /** Option codes (1 + option index) on the scale, lowest first: off-scale answers and options left out of the base are not points. */
  codes: number[];
  /** Each on-scale code's score: the scale's own number (0–10) when every point has one, else its position, 1 = lowest. */
  scoreOf: Map<number, number>;
  /** Scored in the scale's own numbers (which a Net Promoter Score needs). */
  numbered: boolean;
  meanLabel: string;
  /** Top-2 and bottom-2 boxes mean something from four points up: on three, the middle point would be in both. */
  boxes: boolean;
}

/** The scale of a Likert question, or null when fewer than two of its answers are points on it. */
export function likertScale(question: LikertQuestion): LikertScale | null {
  const codes = question.options.flatMap((option, index) => (question.offScale.includes(option.value) || option.excludedFromBase ? [] : [index + 1]));
  if (codes.length < 2) return null;
  // A scale written as numbers (0–10) is scored in its own numbers; a worded one by position, 1 = lowest.
  const numbered = question.scores !== undefined && codes.every((code) => Number.isFinite(question.scores![code - 1]));
  const scoreOf = new Map(codes.map((code, index) => [code, numbered ? question.scores![code - 1] : index + 1]));
  const [first, last] = [codes[0], codes.at(-1)!];
  const meanLabel = `Mean score (${scoreOf.get(first)} = ${question.options[first - 1].label}, ${scoreOf.get(last)} = ${question.options[last - 1].label})`;
  return { codes, scoreOf, numbered, meanLabel, boxes: codes.length >= 4 };
}

/**
 * Top-2 and bottom-2 box and the mean score, over respondents who placed themselves on the
 * scale: "Don't know" and options left out of the base are answers but not points on it.
 */
export function likertExtras(
  question: LikertQuestion,
  selection: Selection,
  settings: FigureSettings,
  figures: readonly Figure[] = singleFrequencies(question, selection, settings).figures,
): ExtraFigure[] {
  const scale = likertScale(question);
  if (!scale) return [];
  const base = sumTallies(onScaleFigures(question, scale, figures));
  const mean = meanOf(scoresByCode(question, scale.scoreOf), selection.bits, scale.meanLabel, '', base.count, settings, 'mean');
  const extras = [...likertBoxes(question, settings, figures, scale), mean];
  if (question.netPromoter && scale.numbered) extras.push(netPromoterScore(question, scale.scoreOf, selection, base.count, settings));
  return extras;
}

const onScaleFigures = (question: LikertQuestion, scale: LikertScale, figures: readonly Figure[]) =>
  scale.codes.map((code) => figures.find((figure) => figure.value === question.options[code - 1].value)!);

/** The top-2 and bottom-2 boxes alone, from the question's figures (none under four points): what a findings scan compares, without the mean's pass. */
export function likertBoxes(question: LikertQuestion, settings: FigureSettings, figures: readonly Figure[], scale = likertScale(question)): ExtraFigure[] {
  if (!scale?.boxes) return [];
  const onScale = onScaleFigures(question, scale, figures);
  const base = sumTallies(onScale);
  const box = (measure: 'top2' | 'bottom2', picked: Figure[]): ExtraFigure => {
    const label =
      measure === 'top2' ? `Top 2: ${picked.map((figure) => figure.label).join(' + ')}` : `Bottom 2: ${picked.map((figure) => figure.label).join(' + ')}`;
    return { measure, figure: makeFigure(measure, label, false, sumTallies(picked), base, settings) };
  };
  return [box('top2', onScale.slice(-2)), box('bottom2', onScale.slice(0, 2))];
}

// Kept per parsed question and scoring: every view's mean score (and every findings scan) read every respondent's code again.
const scoresOf = new WeakMap<LikertQuestion, Map<string, Float64Array>>();

/** Each respondent's score, looked up by option code in a small table (NaN for no answer and off-scale answers). Shared: never written to. */
export function scoresByCode(question: LikertQuestion, scoreOf: ReadonlyMap<number, number>): Float64Array {
  let known = scoresOf.get(question);
  if (!known) scoresOf.set(question, (known = new Map()));
  const key = JSON.stringify([...scoreOf]);
  let scores = known.get(key);
  if (!scores) known.set(key, (scores = scoreEach(question, scoreOf)));
  return scores;
}

function scoreEach(question: LikertQuestion, scoreOf: ReadonlyMap<number, number>): Float64Array {
  const table = new Float64Array(question.options.length + 1).fill(NaN);
  for (const [code, score] of scoreOf) table[code] = score;
  const scores = new Float64Array(question.codes.length);
  for (let i = 0; i < scores.length; i++) scores[i] = table[question.codes[i]];
  return scores;
}

/**
 * The Net Promoter Score: percent promoters (9–10) minus percent detractors (0–6). It is the
 * mean of a score of +100 per promoter, −100 per detractor and 0 per passive, so its interval
 * (weighted or not) is that mean's, which equals the usual √((p + d − (p − d)²) / n) formula.
 */
function netPromoterScore(question: LikertQuestion, scoreOf: Map<number, number>, selection: Selection, base: number, settings: FigureSettings): ExtraFigure {
  const promoterScore = new Map([...scoreOf].map(([code, score]) => [code, score >= 9 ? 100 : score <= 6 ? -100 : 0]));
  const points = scoresByCode(question, promoterScore);
  return meanOf(points, selection.bits, 'Net Promoter Score (% 9–10 minus % 0–6)', '', base, settings, 'nps');
}

/** Mean (weighted when weighted, with interval), and the quartiles and extremes of respondents. */
export function numericExtras(question: NumericQuestion, selection: Selection, baseCount: number, settings: FigureSettings): ExtraFigure[] {
  const mean = meanOf(question.values, selection.bits, 'Mean', '', baseCount, settings, 'mean');
  const sorted = sortedValues(question, selection);
  const n = sorted.length;
  // Quartiles (R's type 7) and extremes are of respondents, unweighted: say so rather than mix rules.
  const quantile = (measure: ValueMeasure, label: string, value: number): ExtraFigure => ({
    measure,
    estimate: makeEstimate({ value: '', label, count: n, base: baseCount, estimate: value, weighted: false }, settings),
  });
  return [
    mean,
    quantile('median', 'Median', quantileSorted(sorted, 0.5)),
    quantile('q1', 'Lower quartile', quantileSorted(sorted, 0.25)),
    quantile('q3', 'Upper quartile', quantileSorted(sorted, 0.75)),
    quantile('min', 'Minimum', n > 0 ? sorted[0] : NaN),
    quantile('max', 'Maximum', n > 0 ? sorted[n - 1] : NaN),
  ];
}

/** The extras for any question kind (none for single choice and multi-select). */
export function questionExtras(
  question: Question,
  selection: Selection,
  settings: FigureSettings,
  context: { items?: readonly RankedItem[]; figures?: readonly Figure[]; baseCount: number },
): ExtraFigure[] {
  switch (question.kind) {
    case 'ranking':
      return rankingExtras(question, context.items ?? [], settings);
    case 'likert':
      return likertExtras(question, selection, settings, context.figures);
    case 'numeric':
      return numericExtras(question, selection, context.baseCount, settings);
    default:
      return [];
  }
}
