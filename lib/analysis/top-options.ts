import type { Question, Selection, SingleQuestion, LikertQuestion } from '../survey/types';
import { createBitset } from '../survey/bitset';
import { makeFigure, type Figure, type FigureSettings } from './figure';
import { andBits, orInto, tallyBits, type Tally } from './tally';
import type { Frequencies } from './frequencies';

export type OptionSort = 'share' | 'codebook';

function selectedTally(question: SingleQuestion | LikertQuestion, codes: Set<number>, selection: Selection, weights?: Float64Array, keys?: Uint8Array): Tally {
  const tally: Tally = { count: 0, sumW: 0, sumW2: 0, ...(keys ? { keySum: 0 } : {}) };
  for (let i = 0; i < selection.size; i++) {
    if ((selection.bits[i >>> 5] & (1 << (i & 31))) === 0 || !codes.has(question.codes[i])) continue;
    const weight = weights ? weights[i] : 1;
    tally.count++;
    tally.sumW += weight;
    tally.sumW2 += weight * weight;
    if (keys) tally.keySum! += keys[i];
  }
  return tally;
}

/**
 * The N largest options and the rest merged into one "Other" figure. For single-choice the
 * rest is a sum; for multi-select it is the respondents who chose any of the rest (a union,
 * so someone who chose two small options is counted once). Order: by share, or codebook order.
 */
export function topOptions(
  question: Question,
  frequencies: Frequencies,
  selection: Selection,
  settings: FigureSettings,
  top: number,
  sort: OptionSort = 'share',
): Figure[] {
  const indexed = frequencies.figures.map((figure, index) => ({ figure, index }));
  const ranked = sort === 'share' ? [...indexed].sort((a, b) => b.figure.share - a.figure.share || a.index - b.index) : indexed;
  if (ranked.length <= top + 1 || (question.kind !== 'single' && question.kind !== 'likert' && question.kind !== 'multi'))
    return ranked.map(({ figure }) => figure);
  const kept = ranked.slice(0, top);
  const rest = ranked.slice(top);
  let merged: Tally;
  if (question.kind === 'multi') {
    const union = createBitset(selection.size);
    for (const { index } of rest) orInto(union, question.members[index]);
    merged = tallyBits(andBits(union, selection.bits), settings.weights, settings.recordKeys);
  } else {
    merged = selectedTally(question, new Set(rest.map(({ index }) => index + 1)), selection, settings.weights, settings.recordKeys);
  }
  const label = `Other (${rest.length} more)`;
  return [...kept.map(({ figure }) => figure), makeFigure(label, label, false, merged, frequencies.baseTally, settings)];
}
