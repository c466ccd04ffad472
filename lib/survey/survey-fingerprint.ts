import type { Survey } from './types';

/** What a reader of a survey sees of its shape: respondents, and each question's id, kind and options in order. */
export interface SurveyFingerprint {
  respondents: number;
  questions: { id: string; kind: string; options?: string[] }[];
}

/**
 * The shape of a survey as the browser review showed it: a save is accepted only when the server,
 * reading the saved files with the saved codebook, finds the same (same respondents, same
 * questions of the same kinds with the same options in the same order).
 */
export function fingerprintSurvey(survey: Survey): SurveyFingerprint {
  return {
    respondents: survey.size,
    questions: survey.questions.map((question) => ({
      id: question.id,
      kind: question.kind,
      ...('options' in question ? { options: question.options.map((option) => option.value) } : {}),
    })),
  };
}

/** The first difference between two fingerprints, in words, or undefined when they agree. */
export function compareFingerprints(shown: SurveyFingerprint, read: SurveyFingerprint): string | undefined {
  if (shown.respondents !== read.respondents) return `the review showed ${shown.respondents} respondents, the saved file reads as ${read.respondents}`;
  const readById = new Map(read.questions.map((question) => [question.id, question]));
  for (const question of shown.questions) {
    const other = readById.get(question.id);
    if (!other) return `the review showed a question "${question.id}" that the saved file does not have`;
    if (other.kind !== question.kind) return `"${question.id}" was ${question.kind} in the review but reads as ${other.kind}`;
    if ((other.options ?? []).join('\u0000') !== (question.options ?? []).join('\u0000'))
      return `"${question.id}" has other options, or another order, than the review showed`;
  }
  if (read.questions.length !== shown.questions.length)
    return `the saved file has ${read.questions.length} questions, the review showed ${shown.questions.length}`;
  return undefined;
}
