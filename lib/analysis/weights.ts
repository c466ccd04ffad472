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
export function surveyWeights(survey: Survey, column = survey.weightQuestionId): SurveyWeights | string {
  if (!column) return 'this survey has no weight column (set "weight" in survey.json)';
  const question = survey.questions.find((q) => q.id === column);
  if (!question) return `there is no weight column "${column}"`;
  if (question.kind !== 'numeric') return `"${column}" is ${question.kind}, not numeric: it cannot be a weight`;
  const weights = new Float64Array(survey.size);
  let invalid = 0;
  question.values.forEach((value, i) => {
    if (Number.isFinite(value) && value > 0) weights[i] = value;
    else invalid++;
  });
  return { column, weights, invalid };
}
