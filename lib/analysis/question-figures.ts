import type { Question, Selection } from '../survey/types';
import { DEFAULT_SETTINGS, makeFigure, type Figure, type FigureSettings } from './figure';
import { multiFrequencies, singleFrequencies } from './frequencies';
import { rankItems } from './rankings';
import { binMembers, numericBins, type NumericBin } from './numeric-bins';
import { andBits, tallyBits } from './tally';

/** What a figure row measures: a share of the base, the share ranked first, or a histogram bin. */
export type Measure = 'share' | 'ranked_first' | 'bin';

export interface QuestionFigures {
  measure: Measure;
  base: number;
  weightedBase: number | null;
  effectiveBase: number | null;
  figures: Figure[];
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
export function questionFigures(question: Question, selection: Selection, settings: FigureSettings = DEFAULT_SETTINGS, bins?: NumericBin[]): QuestionFigures {
  switch (question.kind) {
    case 'single':
    case 'likert':
      return { measure: 'share', ...singleFrequencies(question, selection, settings) };
    case 'multi':
      return { measure: 'share', ...multiFrequencies(question, selection, settings) };
    case 'ranking': {
      const rankings = rankItems(question, selection, settings);
      const effectiveBase = null;
      return { measure: 'ranked_first', base: rankings.base, weightedBase: rankings.weightedBase, effectiveBase, figures: rankings.items.map((item) => item.first) };
    }
    case 'numeric': {
      const answered = new Uint32Array(selection.bits.length);
      question.values.forEach((value, i) => !Number.isNaN(value) && (answered[i >>> 5] |= 1 << (i & 31)));
      const baseBits = settings.baseRule === 'all' ? selection.bits : andBits(answered, selection.bits);
      const base = tallyBits(baseBits, settings.weights);
      const edges = bins ?? numericBins(question, selection);
      const figures = edges.map((bin) => makeFigure(bin.value, bin.label, false, tallyBits(andBits(binMembers(question, bin), baseBits), settings.weights), base, settings));
      return { measure: 'bin', base: base.count, weightedBase: settings.weights ? base.sumW : null, effectiveBase: null, figures };
    }
    case 'text':
    case 'meta':
      throw new Error(`"${question.id}" is ${question.kind === 'text' ? 'free text' : 'metadata'}: it is never aggregated`);
  }
}
