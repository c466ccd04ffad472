import type { Question, QuestionKind, Selection } from '../survey/types';
import type { Bucket } from './bucket';
import { DEFAULT_SETTINGS, type Figure, type FigureSettings } from './figure';
import { multiFrequencies, singleFrequencies } from './frequencies';
import { rankItems } from './rankings';
import { describeNumeric, type NumericSummary } from './describe-numeric';
import { numericBins } from './numeric-bins';
import { questionFigures } from './question-figures';
import { selectAll } from './selection';
import { roundPercent } from './round-shares';

/** A figure with its display percentage (one decimal, the one rounding rule) and interval. */
export interface ShownBucket extends Bucket {
  percent: number;
  low: number;
  high: number;
  suppressed: boolean;
  unreliable: boolean;
  excludedFromBase: boolean;
}

export type QuestionSummary =
  | { type: 'choice'; questionKind: Extract<QuestionKind, 'single' | 'likert' | 'multi'>; base: number; buckets: ShownBucket[]; canExceed100: boolean }
  | { type: 'ranking'; base: number; buckets: ShownBucket[]; meanRank: number[]; ranked: number[]; maxRank: number }
  | { type: 'numeric'; base: number; stats: Omit<NumericSummary, 'bins'>; buckets: ShownBucket[] }
  | { type: 'not-charted'; base: number; reason: string };

/** Display percentages: each share rounded on its own, as its download rounds it (a total may read 99.9 or 100.1). */
function shown(figures: Figure[]): ShownBucket[] {
  return figures.map((figure) => ({
    value: figure.value,
    label: figure.label,
    count: figure.count,
    base: figure.base,
    share: figure.share || 0,
    percent: roundPercent(figure.share || 0),
    low: figure.low,
    high: figure.high,
    suppressed: figure.suppressed,
    unreliable: figure.unreliable,
    excludedFromBase: figure.excludedFromBase,
  }));
}

/**
 * What the dashboard charts for one question and selection, computed by the same engine as the
 * export (frequencies, rankings, numeric summaries); plain data, safe to hand to a client
 * component. Percentages are of respondents who answered the question unless the settings say all.
 */
export function summarizeQuestion(question: Question, selection: Selection, settings: FigureSettings = DEFAULT_SETTINGS): QuestionSummary {
  switch (question.kind) {
    case 'single':
    case 'likert': {
      const frequencies = singleFrequencies(question, selection, settings);
      return {
        type: 'choice',
        questionKind: question.kind,
        base: frequencies.base,
        buckets: shown(frequencies.figures),
        canExceed100: false,
      };
    }
    case 'multi': {
      const frequencies = multiFrequencies(question, selection, settings);
      return { type: 'choice', questionKind: 'multi', base: frequencies.base, buckets: shown(frequencies.figures), canExceed100: true };
    }
    case 'ranking': {
      const rankings = rankItems(question, selection, settings);
      const buckets = shown(rankings.items.map((item) => item.first));
      return {
        type: 'ranking',
        base: rankings.base,
        buckets,
        meanRank: rankings.items.map((item) => item.meanRank),
        ranked: rankings.items.map((item) => item.ranked),
        maxRank: question.maxRank,
      };
    }
    case 'numeric': {
      // Bins as the export draws them: edges from all of this wave's respondents, shares from the
      // engine (weighted when weighted, with intervals), so the histogram equals the download.
      const bins = numericBins(question, selectAll(selection.size));
      const { count, mean, min, q1, median, q3, max } = describeNumeric(question, selection, bins);
      const stats = { count, mean, min, q1, median, q3, max };
      const figures = questionFigures(question, selection, settings, bins);
      return { type: 'numeric', base: figures.base, stats, buckets: shown(figures.figures) };
    }
    case 'text':
      return {
        type: 'not-charted',
        base: question.answeredCount,
        reason: 'Free-text answers are not charted or aggregated; read them in the responses table.',
      };
    case 'meta':
      return { type: 'not-charted', base: question.answeredCount, reason: 'Identifiers, timestamps and other response metadata are not charted.' };
  }
}
