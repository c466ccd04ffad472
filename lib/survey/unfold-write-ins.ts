import { createBitset, hasBit, setBit } from './bitset';
import type { Question, Survey } from './types';
import { WRITTEN_IN } from './write-ins';
import type { WriteInOptions } from './align-write-ins';

/**
 * The question with some typed answers counted as options again (lib/survey/align-write-ins): a
 * respondent who typed "Rancher" where another wave lists Rancher is counted under Rancher, and
 * leaves "Other (written in)" when nothing else they typed stays there. A new question object:
 * the wave's own is shared by every view and never changed.
 */
export function unfoldWriteIns(question: Question, survey: Survey, unfold: WriteInOptions): Question {
  const text = survey.questions.find((candidate) => candidate.id === `${question.id}_written_in`);
  if (text?.kind !== 'text' || (question.kind !== 'single' && question.kind !== 'multi')) return question;
  const writtenIn = question.options.findIndex((option) => option.value === WRITTEN_IN);
  if (writtenIn < 0) return question;
  const options = [...question.options];
  const indexOf = (value: string) => {
    let index = options.findIndex((option) => option.value === value);
    if (index < 0) index = options.push({ value, label: value }) - 1;
    return index;
  };
  if (question.kind === 'single') {
    const codes = Uint16Array.from(question.codes);
    text.values.forEach((typed, i) => {
      if (codes[i] === writtenIn + 1 && unfold[typed] !== undefined) codes[i] = indexOf(unfold[typed]) + 1;
    });
    return { ...question, options, codes };
  }
  const members: Uint32Array[] = question.members.map((bits) => Uint32Array.from(bits));
  text.values.forEach((typed, i) => {
    if (typed === '' || !hasBit(members[writtenIn], i)) return;
    const parts = typed.split('; ');
    for (const part of parts) {
      if (unfold[part] === undefined) continue;
      const index = indexOf(unfold[part]);
      if (index >= members.length) members.push(createBitset(survey.size));
      setBit(members[index], i);
    }
    // Still in "Other (written in)" only while some typed part is not an option elsewhere.
    if (parts.every((part) => unfold[part] !== undefined)) members[writtenIn][i >>> 5] &= ~(1 << (i & 31));
  });
  return { ...question, options, members };
}
