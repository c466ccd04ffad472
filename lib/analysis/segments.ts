import type { Question } from '../survey/types';
import { lowestSelected, type Selection } from './selection';
import { createBitset } from '../survey/bitset';
import { andBits } from './tally';

export interface Segment {
  value: string;
  label: string;
  selection: Selection;
}

/**
 * "Compare by": one selection per option of the segment question, within the current
 * selection. Single-answer segments partition the answering respondents; with a multi-select
 * question a respondent falls in every segment they chose, so segments overlap.
 */
export function segmentBy(question: Question, selection: Selection): Segment[] | string {
  if (question.kind === 'multi') {
    return question.options.map((option, index) => ({
      value: option.value,
      label: option.label,
      selection: { size: selection.size, bits: andBits(question.members[index], selection.bits) },
    }));
  }
  if (question.kind !== 'single' && question.kind !== 'likert') {
    return `"${question.id}" is ${question.kind}: compare by a single-choice, Likert or multi-select question`;
  }
  const bits = question.options.map(() => createBitset(selection.size));
  for (let w = 0; w < selection.bits.length; w++)
    for (let word = selection.bits[w]; word !== 0; word &= word - 1) {
      const i = lowestSelected(w, word);
      const code = question.codes[i];
      if (code !== 0) bits[code - 1][i >>> 5] |= 1 << (i & 31);
    }
  return question.options.map((option, index) => ({ value: option.value, label: option.label, selection: { size: selection.size, bits: bits[index] } }));
}
