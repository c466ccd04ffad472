import type { Codebook } from '../survey/codebook-schema';
import type { Question } from '../survey/types';

/** The questions a reader may see raw: all but those the codebook marks private (personal data). */
export function publicQuestions(questions: readonly Question[], codebook: Codebook | undefined): Question[] {
  const hidden = new Set(Object.entries(codebook?.questions ?? {}).flatMap(([id, entry]) => (entry.private ? [id] : [])));
  return questions.filter((question) => !hidden.has(question.id));
}
