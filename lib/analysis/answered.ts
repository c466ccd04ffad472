import type { Question } from '../survey/types';
import { createBitset, setBit } from '../survey/bitset';

/** Respondents who gave any answer to the question, as a bitset (blank, NA and N/A are no answer). */
export function answeredBits(question: Question, size: number): Uint32Array {
  if (question.kind === 'multi' || question.kind === 'ranking') return question.answered;
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
