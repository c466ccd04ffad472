import type { LikertQuestion, MultiQuestion, SingleQuestion } from '../survey/types';
import { lowestSelected, type Selection } from './selection';
import { createBitset } from '../survey/bitset';
import { DEFAULT_SETTINGS, makeFigure, type Figure, type FigureSettings } from './figure';
import { addTallies, andBits, effectiveBaseOf, EMPTY_TALLY, orInto, tallyBits, type Tally } from './tally';
import { kishEffectiveBase } from './intervals';

export interface Frequencies {
  questionId: string;
  base: number;
  weightedBase: number | null;
  /** Kish effective base of the weighted base (null when unweighted). */
  effectiveBase: number | null;
  figures: Figure[];
  /** The base's tally (count, Σw, Σw²), for figures derived later such as a merged "Other". */
  baseTally: Tally;
}

/**
 * Single-answer and Likert frequencies in one pass over the selected respondents. The
 * "answered" base leaves out respondents with no answer and those whose answer the codebook
 * excludes from the base; the "all" base is every selected respondent.
 */
export function singleFrequencies(question: SingleQuestion | LikertQuestion, selection: Selection, settings: FigureSettings = DEFAULT_SETTINGS): Frequencies {
  const options = question.options;
  // Typed accumulators per code: no allocation per respondent (this loop runs 100k times a query).
  const counts = new Float64Array(options.length + 1);
  const sumW = new Float64Array(options.length + 1);
  const sumW2 = new Float64Array(options.length + 1);
  const { bits } = selection;
  const weights = settings.weights;
  for (let w = 0; w < bits.length; w++)
    for (let word = bits[w]; word !== 0; word &= word - 1) {
      const i = lowestSelected(w, word);
      const code = question.codes[i];
      counts[code]++;
      if (weights) {
        const weight = weights[i];
        sumW[code] += weight;
        sumW2[code] += weight * weight;
      }
    }
  const tallies: Tally[] = Array.from(counts, (count, code) => ({
    ...(weights ? { count, sumW: sumW[code], sumW2: sumW2[code] } : { count, sumW: count, sumW2: count }),
  }));
  const sum = (codes: number[]): Tally => codes.reduce((total, code) => addTallies(total, tallies[code]), EMPTY_TALLY);
  const allCodes = tallies.map((_, code) => code);
  const answeredCodes = options.flatMap((option, index) => (option.excludedFromBase ? [] : [index + 1]));
  const base = sum(settings.baseRule === 'all' ? allCodes : answeredCodes);
  // An excluded option is reported over everyone who answered (it has no place in the base).
  const everyAnswer = sum(allCodes.filter((code) => code !== 0));
  const figures = options.map((option, index) =>
    makeFigure(
      option.value,
      option.label,
      option.excludedFromBase === true,
      tallies[index + 1],
      option.excludedFromBase && settings.baseRule === 'answered' ? everyAnswer : base,
      settings,
    ),
  );
  return {
    questionId: question.id,
    base: base.count,
    weightedBase: weights ? base.sumW : null,
    effectiveBase: effectiveBaseOf(base, weights !== undefined),
    figures,
    baseTally: base,
  };
}

/**
 * Multi-select frequencies count respondents, not ticks. Under the "answered" base a
 * respondent whose only answers are excluded options (Stack Overflow's lone "Other(s):") is not
 * in the base — which is what reproduces the published 2019 language shares to the decimal.
 */
export function multiFrequencies(question: MultiQuestion, selection: Selection, settings: FigureSettings = DEFAULT_SETTINGS): Frequencies {
  let baseBits: Uint32Array;
  if (settings.baseRule === 'all') baseBits = selection.bits;
  else if (question.options.some((option) => option.excludedFromBase)) {
    const counted = createBitset(selection.size);
    question.options.forEach((option, index) => !option.excludedFromBase && orInto(counted, question.members[index]));
    baseBits = andBits(counted, selection.bits);
  } else baseBits = andBits(question.answered, selection.bits);
  const base = tallyBits(baseBits, settings.weights);
  // An excluded option's respondents may sit outside the base: it is reported over everyone who answered.
  const hasExcluded = question.options.some((option) => option.excludedFromBase);
  const everyAnswer = hasExcluded && settings.baseRule === 'answered' ? tallyBits(andBits(question.answered, selection.bits), settings.weights) : base;
  const figures = question.options.map((option, index) => {
    const [within, over] = option.excludedFromBase ? [selection.bits, everyAnswer] : [baseBits, base];
    return makeFigure(
      option.value,
      option.label,
      option.excludedFromBase === true,
      tallyBits(andBits(question.members[index], within), settings.weights),
      over,
      settings,
    );
  });
  return {
    questionId: question.id,
    base: base.count,
    weightedBase: settings.weights ? base.sumW : null,
    effectiveBase: effectiveBaseOf(base, settings.weights !== undefined),
    figures,
    baseTally: base,
  };
}

/** Kish effective sample size of the selected respondents' weights. */
export function selectionEffectiveBase(selection: Selection, weights: Float64Array): number {
  const picked: number[] = [];
  for (let i = 0; i < selection.size; i++) if ((selection.bits[i >>> 5] & (1 << (i & 31))) !== 0) picked.push(weights[i]);
  return kishEffectiveBase(picked);
}
