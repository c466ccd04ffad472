import type { NumericQuestion, Question } from '../survey/types';
import { lowestSelected, selectionCount, type Selection } from './selection';
import { DEFAULT_SETTINGS, makeFigure, type Figure, type FigureSettings } from './figure';
import { multiFrequencies, singleFrequencies } from './frequencies';
import { rankItems } from './rankings';
import { binIndex, countBelow, numericBins, sortedValues, type NumericBin } from './numeric-bins';
import { effectiveBaseOf, type Tally } from './tally';
import { questionExtras, type ExtraFigure } from './question-extras';

import type { MainMeasure } from './measures';

export interface QuestionFigures {
  measure: MainMeasure;
  base: number;
  weightedBase: number | null;
  effectiveBase: number | null;
  figures: Figure[];
  /** Figures beside the main ones, when asked for: ranked at all and mean rank, top-2/bottom-2 and mean score, mean and quartiles. */
  extras: ExtraFigure[];
}

/**
 * The base (answered, or all) and a tally per bin. Unweighted, the counts come from the
 * selection's sorted values (shared with the bin edges and the quartiles): a bin's count is the
 * values below its upper edge less those below the bin before, by halving — no pass over a
 * million respondents. Weighted, one pass over the selected respondents.
 */
function tallyNumeric(question: NumericQuestion, selection: Selection, bins: NumericBin[], settings: FigureSettings): { base: Tally; perBin: Tally[] } {
  const weights = settings.weights;
  const answeredOnly = settings.baseRule === 'answered';
  if (!weights) {
    const sorted = sortedValues(question, selection);
    const count = answeredOnly ? sorted.length : selectionCount(selection);
    let below = 0;
    const perBin = bins.map((bin, b) => {
      // binIndex's rule: a value is in the first bin whose upper edge is above it; the last is open.
      const upTo = b === bins.length - 1 ? sorted.length : countBelow(sorted, bin.to);
      const inBin = upTo - below;
      below = upTo;
      return { count: inBin, sumW: inBin, sumW2: inBin };
    });
    return { base: { count, sumW: count, sumW2: count }, perBin };
  }
  const values = question.values;
  const counts = new Float64Array(bins.length);
  const sumW = new Float64Array(bins.length);
  const sumW2 = new Float64Array(bins.length);
  const base: Tally = { count: 0, sumW: 0, sumW2: 0 };
  for (let w = 0; w < selection.bits.length; w++)
    for (let word = selection.bits[w]; word !== 0; word &= word - 1) {
      const i = lowestSelected(w, word);
      const value = values[i];
      const weight = weights[i];
      if (answeredOnly && Number.isNaN(value)) continue;
      base.count++;
      base.sumW += weight;
      base.sumW2 += weight * weight;
      if (Number.isNaN(value)) continue;
      const b = binIndex(bins, value);
      counts[b]++;
      sumW[b] += weight;
      sumW2[b] += weight * weight;
    }
  return { base, perBin: bins.map((_, b) => ({ count: counts[b], sumW: sumW[b], sumW2: sumW2[b] })) };
}

/** Free text and metadata are never aggregated: respondents are people, and ids are not answers. */
export function aggregatable(question: Question): boolean {
  return question.kind !== 'text' && question.kind !== 'meta';
}

/**
 * The figures of one question for one selection, whatever its kind, in one shape: what the
 * chart, the crosstab, the trend and the CSV export all read. `bins` fixes numeric bin edges
 * across segments and waves.
 */
export function questionFigures(
  question: Question,
  selection: Selection,
  settings: FigureSettings = DEFAULT_SETTINGS,
  bins?: NumericBin[],
  withExtras = false,
): QuestionFigures {
  switch (question.kind) {
    case 'single':
    case 'likert': {
      const frequencies = singleFrequencies(question, selection, settings);
      const extras = withExtras ? questionExtras(question, selection, settings, { figures: frequencies.figures, baseCount: frequencies.base }) : [];
      return { measure: 'share', ...frequencies, extras };
    }
    case 'multi':
      return { measure: 'share', ...multiFrequencies(question, selection, settings), extras: [] };
    case 'ranking': {
      const rankings = rankItems(question, selection, settings);
      const extras = withExtras ? questionExtras(question, selection, settings, { items: rankings.items, baseCount: rankings.base }) : [];
      return {
        measure: 'ranked_first',
        base: rankings.base,
        weightedBase: rankings.weightedBase,
        effectiveBase: rankings.effectiveBase,
        figures: rankings.items.map((item) => item.first),
        extras,
      };
    }
    case 'numeric': {
      const edges = bins ?? numericBins(question, selection);
      const { base, perBin } = tallyNumeric(question, selection, edges, settings);
      const figures = edges.map((bin, b) => makeFigure(bin.value, bin.label, false, perBin[b], base, settings));
      const effectiveBase = effectiveBaseOf(base, settings.weights !== undefined);
      const extras = withExtras ? questionExtras(question, selection, settings, { baseCount: base.count }) : [];
      return { measure: 'bin', base: base.count, weightedBase: settings.weights ? base.sumW : null, effectiveBase, figures, extras };
    }
    case 'text':
    case 'meta':
      throw new Error(`"${question.id}" is ${question.kind === 'text' ? 'free text' : 'metadata'}: it is never aggregated`);
  }
}
