import type { Survey } from '../../survey/types';
import type { ReleasePolicy, ViewState } from './view-state';

/** The operators a public view may filter a breakdown with: “is one of” and “is not”, sums of published cells. */
const RELEASED_OPS = new Set(['in', 'not']);

/** The breakdown questions a view uses, in the order it names them: its filters, then what it compares by (or crosses with). */
export function breakdownsOf(state: Pick<ViewState, 'filters' | 'by' | 'cols'>, kind: 'question' | 'crosstab' = 'question'): string[] {
  const named = [...state.filters.map((filter) => filter.question), ...(kind === 'crosstab' ? [state.cols] : [state.by])];
  return [...new Set(named.filter((id): id is string => id !== undefined))];
}

/**
 * Whether a public view asks only what the release publishes, and if not, why not in words that
 * say what can be asked. The release is each public question's one-way table and its two-way
 * tables with the breakdown questions, `fields` breakdowns at a time (the field limit of the ABS
 * TableBuilder): a filter is a sum of released cells, a comparison a set of them. Anything else —
 * a filter on another question, a range, three breakdowns at once — gets this message, never a figure.
 */
export function checkRelease(state: ViewState, survey: Survey, policy: ReleasePolicy, kind: 'question' | 'crosstab' = 'question'): string | undefined {
  const labelOf = (id: string) => survey.questions.find((question) => question.id === id)?.label ?? id;
  const names = policy.breakdowns.filter((id) => survey.questions.some((question) => question.id === id)).map((id) => `“${labelOf(id)}”`);
  const can =
    names.length === 0
      ? 'This public dashboard publishes each question on its own: it cannot be filtered or compared.'
      : `This public dashboard publishes each question on its own and by ${names.join(', ')}; filter or compare by ${policy.fields === 1 ? 'one of them at a time' : `up to ${policy.fields} of them at once`}.`;
  const outside = breakdownsOf(state, kind).filter((id) => !policy.breakdowns.includes(id));
  if (outside.length > 0) return `${can} ${outside.map((id) => `“${labelOf(id)}”`).join(', ')} cannot be used here.`;
  const range = state.filters.find((filter) => !RELEASED_OPS.has(filter.op));
  if (range) return `${can} “${labelOf(range.question)}” can be filtered with “is” or “is not” only.`;
  if (breakdownsOf(state, kind).length > policy.fields) return `${can} This view combines ${breakdownsOf(state, kind).length}.`;
  return undefined;
}
