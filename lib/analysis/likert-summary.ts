import type { LikertQuestion, Selection } from '../survey/types';
import { DEFAULT_SETTINGS, type FigureSettings } from './figure';
import { singleFrequencies, type Frequencies } from './frequencies';

export interface LikertSummary {
  /** Distribution in scale order (lowest first), off-scale answers last. */
  frequencies: Frequencies;
  /** Shares of the on-scale base: the two highest and the two lowest points. */
  topTwo: number;
  bottomTwo: number;
  /** Mean position on the scale, 1 = lowest point; off-scale answers excluded. */
  meanScore: number;
  points: number;
  /** For a diverging chart: shares below the neutral point, at it (odd scales), above it. */
  negative: number;
  neutral: number;
  positive: number;
}

/**
 * Likert summaries are shares of respondents who placed themselves on the scale: "Don't know"
 * is an answer but not a point, so it is left out of top-2-box, bottom-2-box and the mean.
 */
export function summarizeLikert(question: LikertQuestion, selection: Selection, settings: FigureSettings = DEFAULT_SETTINGS): LikertSummary {
  const frequencies = singleFrequencies(question, selection, settings);
  const onScale = frequencies.figures.filter((figure) => !question.offScale.includes(figure.value));
  const weightOf = (figure: (typeof onScale)[number]) => (settings.weights ? (figure.weightedCount ?? 0) : figure.count);
  const total = onScale.reduce((sum, figure) => sum + weightOf(figure), 0);
  const share = (figures: typeof onScale) => (total > 0 ? figures.reduce((sum, figure) => sum + weightOf(figure), 0) / total : NaN);
  const points = onScale.length;
  const half = Math.floor(points / 2);
  const meanScore = total > 0 ? onScale.reduce((sum, figure, index) => sum + weightOf(figure) * (index + 1), 0) / total : NaN;
  return {
    frequencies,
    topTwo: share(onScale.slice(-2)),
    bottomTwo: share(onScale.slice(0, 2)),
    meanScore,
    points,
    negative: share(onScale.slice(0, half)),
    neutral: points % 2 === 1 ? share([onScale[half]]) : 0,
    positive: share(onScale.slice(points - half)),
  };
}
