import { changeView } from '../state/change-view';
import type { ViewState } from '../state/view-state';

/** A histogram bin as a range filter: from its lower edge (open for the first bin) to below the next bin's. */
export interface BinRange {
  from?: number;
  below?: number;
}

const RANGE_OPS = new Set(['gte', 'lte', 'gt', 'lt']);

/** Bins are keyed by their lower edge, in order; the outer bins are open-ended. */
export function binRangeOf(keys: readonly string[], index: number): BinRange {
  return {
    ...(index > 0 ? { from: Number(keys[index]) } : {}),
    ...(index < keys.length - 1 ? { below: Number(keys[index + 1]) } : {}),
  };
}

function rangeFilters(state: ViewState, questionId: string) {
  return state.filters.filter((filter) => filter.question === questionId && RANGE_OPS.has(filter.op));
}

/** The question is filtered to exactly this bin. */
export function isBinFiltered(state: ViewState, questionId: string, range: BinRange): boolean {
  const filters = rangeFilters(state, questionId);
  const expected = [...(range.from !== undefined ? [`gte:${range.from}`] : []), ...(range.below !== undefined ? [`lt:${range.below}`] : [])];
  const actual = filters.map((filter) => `${filter.op}:${Number(filter.values[0])}`);
  return expected.length > 0 && expected.length === actual.length && expected.every((part) => actual.includes(part));
}

/** Filters the question to the bin, or lifts the range if it is that bin already. */
export function toggleBinFilter(state: ViewState, questionId: string, range: BinRange): ViewState {
  const others = state.filters.filter((filter) => !(filter.question === questionId && RANGE_OPS.has(filter.op)));
  if (isBinFiltered(state, questionId, range)) return changeView(state, { filters: others });
  const bounds = [
    ...(range.from !== undefined ? [{ question: questionId, op: 'gte' as const, values: [String(range.from)] }] : []),
    ...(range.below !== undefined ? [{ question: questionId, op: 'lt' as const, values: [String(range.below)] }] : []),
  ];
  return changeView(state, { filters: [...others, ...bounds] });
}
