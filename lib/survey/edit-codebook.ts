import type { Codebook, CodebookQuestion } from './codebook-schema';
import type { QuestionKind } from './types';

/** What the review offers for a question's kind: the model's kinds, and leaving the column out altogether. */
export type ReviewKind = QuestionKind | 'ignore';

export const REVIEW_KINDS: readonly { kind: ReviewKind; label: string }[] = [
  { kind: 'single', label: 'Single choice' },
  { kind: 'multi', label: 'Multiple choice' },
  { kind: 'ranking', label: 'Ranking' },
  { kind: 'likert', label: 'Likert scale' },
  { kind: 'numeric', label: 'Numeric' },
  { kind: 'text', label: 'Free text' },
  { kind: 'meta', label: 'Metadata' },
  { kind: 'ignore', label: 'Ignore column' },
];

/**
 * One question's entry changed: the fields given replace the codebook's (undefined removes one),
 * the rest of the codebook is left as it was. An entry left empty is removed, so a codebook holds
 * only what a person decided and inference keeps the rest.
 */
export function editQuestion(codebook: Codebook, id: string, patch: Partial<CodebookQuestion>): Codebook {
  const entry: Record<string, unknown> = { ...codebook.questions?.[id], ...patch };
  for (const key of Object.keys(entry)) if (entry[key] === undefined) delete entry[key];
  const questions: Record<string, CodebookQuestion> = { ...codebook.questions };
  if (Object.keys(entry).length === 0) delete questions[id];
  else questions[id] = entry as CodebookQuestion;
  const next: Codebook = { ...codebook, questions };
  if (Object.keys(questions).length === 0) delete next.questions;
  return next;
}

/** A question's kind as the review sets it: `ignore` leaves the column out; any other kind clears it. */
export function setReviewKind(codebook: Codebook, id: string, kind: ReviewKind): Codebook {
  if (kind === 'ignore') return editQuestion(codebook, id, { ignore: true });
  return editQuestion(codebook, id, { ignore: undefined, kind });
}

/** Options in a new order: the one at `from` moved to `to` (the codebook lists them all, so the order is kept as shown). */
export function moveOption(codebook: Codebook, id: string, options: readonly string[], from: number, to: number): Codebook {
  if (from === to || from < 0 || to < 0 || from >= options.length || to >= options.length) return codebook;
  const order = [...options];
  const [moved] = order.splice(from, 1);
  order.splice(to, 0, moved);
  const labelled = codebook.questions?.[id]?.options;
  // Options the codebook already labels keep their labels in the new order.
  const byValue = new Map((labelled ?? []).map((option) => [typeof option === 'string' ? option : option.value, option]));
  return editQuestion(codebook, id, { options: order.map((value) => byValue.get(value) ?? value) });
}

/** The dataset's weight column, or none. */
export function setWeight(codebook: Codebook, column: string | undefined): Codebook {
  const next: Codebook = { ...codebook };
  if (column) next.weight = column;
  else delete next.weight;
  return next;
}

/** Splits a typed list (`a, b; c`) into its parts. */
export function splitList(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((part) => part.trim())
    .filter(Boolean);
}
