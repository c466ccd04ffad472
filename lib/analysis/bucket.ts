/**
 * One row of an aggregate. The denominator travels with the count so no figure is ever shown
 * without its base; the base rule says which respondents the base counts.
 */
export interface Bucket {
  value: string;
  label: string;
  count: number;
  base: number;
  /** count / base, full precision (0 when the base is 0). Displays round; exports do not. */
  share: number;
}

/** "answered": respondents in the selection who gave any answer (how SO, Kaggle, TODO Group and SurveyMonkey publish). */
export type BaseRule = 'answered' | 'all';

export function toBucket(value: string, label: string, count: number, base: number): Bucket {
  return { value, label, count, base, share: base > 0 ? count / base : 0 };
}
