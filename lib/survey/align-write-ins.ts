import { spellingKey } from './fold-options';
import type { Question, Survey } from './types';
import { WRITTEN_IN } from './write-ins';

/** Typed answers → the option another wave lists them as: { "Rancher": "Rancher" }. */
export type WriteInOptions = Record<string, string>;

/** What respondents typed for a question's "Other (written in)", as the parts each typed (a joined list's parts are `; `-joined). */
function typedValues(question: Question, survey: Survey): Set<string> {
  const text = survey.questions.find((candidate) => candidate.id === `${question.id}_written_in`);
  const typed = new Set<string>();
  if (text?.kind !== 'text') return typed;
  for (const value of text.values) {
    if (value === '') continue;
    for (const part of question.kind === 'multi' ? value.split('; ') : [value]) typed.add(part);
  }
  return typed;
}

/**
 * Write-ins handled the same way in every wave: an answer that is an option in one wave ("Rancher",
 * chosen by many) and was typed by a few in another, where it fell into "Other (written in)",
 * counts as that option there too, so the trend has its figure in both instead of "–". Per wave,
 * the typed answers (matched case- and space-insensitively) → the option value other waves list.
 */
export function alignWriteIns(chain: readonly { waveId: string; survey: Survey; question: Question }[]): Record<string, WriteInOptions> {
  const listed = new Map<string, string>();
  for (const { question } of chain)
    if ('options' in question) for (const option of question.options) if (option.value !== WRITTEN_IN) listed.set(spellingKey(option.value), option.value);
  const aligned: Record<string, WriteInOptions> = {};
  for (const { waveId, survey, question } of chain) {
    if ((question.kind !== 'single' && question.kind !== 'multi') || !question.options.some((option) => option.value === WRITTEN_IN)) continue;
    const own = new Set(question.options.map((option) => spellingKey(option.value)));
    const unfold: WriteInOptions = {};
    for (const typed of typedValues(question, survey)) {
      const option = listed.get(spellingKey(typed));
      if (option !== undefined && !own.has(spellingKey(typed))) unfold[typed] = option;
    }
    if (Object.keys(unfold).length > 0) aligned[waveId] = unfold;
  }
  return aligned;
}
