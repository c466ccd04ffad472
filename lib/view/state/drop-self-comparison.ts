import type { ViewState } from './view-state';

/**
 * A question compared by itself (`/questions/q2?_by=q2`, a comparison carried over from another
 * page) would show each option as 100% of its own segment, marked significant, while the picker
 * offers no such comparison: the comparison is left out and the page says so.
 */
export function dropSelfComparison<V extends { state: ViewState; notes: string[] }>(view: V, questionId: string, label: string): V {
  if (view.state.by !== questionId) return view;
  const note = `“${label}” cannot be compared by itself (each option would be 100% of its own segment): showing no comparison.`;
  return { ...view, state: { ...view.state, by: undefined }, notes: [...view.notes, note] };
}
