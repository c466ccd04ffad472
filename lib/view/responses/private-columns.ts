import type { Codebook } from '../../survey/codebook-schema';
import type { Question } from '../../survey/types';

/** A column left out of the responses table (its search and its download), and why, in words. */
export interface WithheldColumn {
  id: string;
  label: string;
  reason: string;
}

/**
 * Why a question's raw answers are not shown, if they are not: the codebook marks it private,
 * or it looks like personal data (e-mail, names, IP, phone; lib/survey/personal-data) and the
 * codebook does not say `"private": false` for it — the only way to show such a column.
 */
export function withheldReason(question: Question, codebook: Codebook | undefined): string | undefined {
  const marked = codebook?.questions?.[question.id]?.private;
  if (marked === true) return 'marked private in the codebook';
  if (question.personal && marked !== false) return `personal data: ${question.personal}`;
  return undefined;
}

/** The questions a reader may see raw: all but those withheld as personal data. */
export function publicQuestions(questions: readonly Question[], codebook: Codebook | undefined): Question[] {
  return questions.filter((question) => withheldReason(question, codebook) === undefined);
}

/** The questions withheld from the responses table, each with its reason. */
export function withheldColumns(questions: readonly Question[], codebook: Codebook | undefined): WithheldColumn[] {
  return questions.flatMap((question) => {
    const reason = withheldReason(question, codebook);
    return reason === undefined ? [] : [{ id: question.id, label: question.label, reason }];
  });
}
