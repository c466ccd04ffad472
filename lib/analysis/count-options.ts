import type { LikertQuestion, MultiQuestion, Selection, SingleQuestion } from '../survey/types';
import { countIntersection, popcount32 } from '../survey/bitset';
import { toBucket, type Bucket } from './bucket';

export interface OptionCounts {
  buckets: Bucket[];
  /** Respondents in the selection who answered (the default base). */
  base: number;
}

/** Single-answer and Likert: one pass over the codes of selected respondents; code 0 (no answer) is never counted. */
export function countChoiceOptions(question: SingleQuestion | LikertQuestion, selection: Selection): OptionCounts {
  const counts = new Uint32Array(question.options.length + 1);
  const { codes } = question;
  const { bits } = selection;
  for (let w = 0; w < bits.length; w++) {
    let word = bits[w];
    while (word !== 0) {
      const bit = 31 - Math.clz32(word & -word);
      counts[codes[(w << 5) | bit]]++;
      word &= word - 1;
    }
  }
  const base = counts.reduce((sum, count, code) => (code === 0 ? sum : sum + count), 0);
  const buckets = question.options.map((option, index) => toBucket(option.value, option.label, counts[index + 1], base));
  return { buckets, base };
}

/**
 * Multi-select counts respondents, not ticks: each option is |chose it ∧ selected|, and the
 * base is respondents who ticked anything, so shares can add up past 100%.
 */
export function countMultiOptions(question: MultiQuestion, selection: Selection): OptionCounts {
  const base = countIntersection(question.answered, selection.bits);
  const buckets = question.options.map((option, index) =>
    toBucket(option.value, option.label, countIntersection(question.members[index], selection.bits), base),
  );
  return { buckets, base };
}

/** Respondents in the selection for whom `bits` is set; exported for callers that hold their own bitsets. */
export function countSelected(bits: Uint32Array, selection: Selection): number {
  let total = 0;
  for (let w = 0; w < bits.length; w++) total += popcount32(bits[w] & selection.bits[w]);
  return total;
}

