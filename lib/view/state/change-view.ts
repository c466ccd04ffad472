import type { Filter, FilterOp } from '../../analysis/filters';
import type { ViewState } from './view-state';

/**
 * A state with one thing changed: what every link and control in the app produces. Changing
 * the filters sends the reader back to page 1 — page 7 of another selection is a different page.
 */
export function changeView(state: ViewState, change: Partial<ViewState>): ViewState {
  const next = { ...state, ...change };
  if (change.filters !== undefined && change.page === undefined) next.page = 1;
  return next;
}

function sameFilter(filter: Filter, questionId: string, op: FilterOp): boolean {
  return filter.question === questionId && filter.op === op;
}

/** Adds the value to the question's filter with this operator, or takes it out if it is there (the filter goes when empty). */
export function toggleFilterValue(state: ViewState, questionId: string, value: string, op: FilterOp = 'in'): ViewState {
  const existing = state.filters.find((filter) => sameFilter(filter, questionId, op));
  if (!existing) return changeView(state, { filters: [...state.filters, { question: questionId, op, values: [value] }] });
  const values = existing.values.includes(value) ? existing.values.filter((v) => v !== value) : [...existing.values, value];
  const filters = state.filters.flatMap((filter) => (filter === existing ? (values.length > 0 ? [{ ...filter, values }] : []) : [filter]));
  return changeView(state, { filters });
}

/** Every filter on a question (or only the one with this operator) removed. */
export function removeFilter(state: ViewState, questionId: string, op?: FilterOp): ViewState {
  return changeView(state, { filters: state.filters.filter((filter) => !(filter.question === questionId && (op === undefined || filter.op === op))) });
}

export function clearFilters(state: ViewState): ViewState {
  return changeView(state, { filters: [] });
}

/** The question's `from` filter becomes a `to` filter with the same values ("is" ↔ "is not", "any of" ↔ "all of"). */
export function switchFilterOp(state: ViewState, questionId: string, from: FilterOp, to: FilterOp): ViewState {
  const filters = state.filters.map((filter) => (sameFilter(filter, questionId, from) ? { ...filter, op: to } : filter));
  return changeView(state, { filters });
}

/** A numeric question's range: `gte`/`lte` bounds, either left open with undefined. */
export function setNumericRange(state: ViewState, questionId: string, min: number | undefined, max: number | undefined): ViewState {
  const others = state.filters.filter(
    (filter) => !(filter.question === questionId && (filter.op === 'gte' || filter.op === 'lte' || filter.op === 'gt' || filter.op === 'lt')),
  );
  const bounds: Filter[] = [
    ...(min !== undefined ? [{ question: questionId, op: 'gte' as const, values: [String(min)] }] : []),
    ...(max !== undefined ? [{ question: questionId, op: 'lte' as const, values: [String(max)] }] : []),
  ];
  return changeView(state, { filters: [...others, ...bounds] });
}
