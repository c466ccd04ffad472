import type { Question } from '../survey/types';
import { createBitset, setBit } from '../survey/bitset';

// Found once per parsed question, as a multi-select's or a ranking's own `answered` is: every new
// view filtering "is not" or "answered" (and every crosstab) read every respondent's answer again.
const answeredOf = new WeakMap<Question, Uint32Array>();

/** Respondents who gave any answer to the question, as a bitset (blank, NA and N/A are no answer). Shared: never written to. */
export function answeredBits(question: Question, size: number): Uint32Array {
  if (question.kind === 'multi' || question.kind === 'ranking') return question.answered;
  let bits = answeredOf.get(question);
  if (bits && bits.length === Math.ceil(size / 32)) return bits;
  bits = countAnswered(question, size);
  answeredOf.set(question, bits);
  return bits;
}

function countAnswered(question: Exclude<Question, { kind: 'multi' | 'ranking' }>, size: number): Uint32Array {
  const bits = createBitset(size);
  for (let i = 0; i < size; i++) {
    const answered =
      question.kind === 'single' || question.kind === 'likert'
        ? question.codes[i] !== 0
        : question.kind === 'numeric'
          ? !Number.isNaN(question.values[i])
          : question.values[i] !== '';
    if (answered) setBit(bits, i);
  }
  return bits;
}
