import type { Survey } from '../survey/types';

export interface SurveyWeights {
  column: string;
  weights: Float64Array;
  /** Respondents whose weight is blank, zero, negative or not a number: they get weight 0. */
  invalid: number;
}

/**
 * The codebook-named weight column as per-respondent weights. A missing or non-positive weight
 * cannot be used; such respondents weigh 0 (they still count in unweighted figures) and are
 * reported, rather than silently weighing 1.
 */
// A parsed question never changes: its weights are read once, not on every weighted view (a pass
// over every respondent and an array of them per request: a third of a weighted multi-select's
// time at 300,000 respondents). Callers read the array and never write it.
const weightsOf = new WeakMap<object, SurveyWeights>();

export function surveyWeights(survey: Survey, column = survey.weightQuestionId): SurveyWeights | string {
  if (!column) return 'this survey has no weight column (set "weight" in survey.json)';
  const question = survey.questions.find((q) => q.id === column);
  if (!question) return `there is no weight column "${column}"`;
  if (question.kind !== 'numeric') return `"${column}" is ${question.kind}, not numeric: it cannot be a weight`;
  const known = weightsOf.get(question);
  if (known) return known;
  const weights = new Float64Array(survey.size);
  let invalid = 0;
  const { values } = question;
  for (let i = 0; i < weights.length; i++) {
    const value = values[i];
    if (Number.isFinite(value) && value > 0) weights[i] = value;
    else invalid++;
  }
  const read = { column, weights, invalid };
  weightsOf.set(question, read);
  return read;
}
