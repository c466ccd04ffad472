/**
 * A filter on one question. In the URL grammar (datasette's): `role=A&role=B` is "is one of",
 * `role__not=A` "is not", `languages__all=Go&languages__all=Rust` "chose all of",
 * `years__gte=5` a numeric range, `salary__answered=0` "did not answer", and for ranking
 * questions `hot_trends__first=AI` "ranked AI first" (plain `hot_trends=AI` is "ranked AI at all").
 */
export type FilterOp = 'in' | 'not' | 'all' | 'first' | 'gte' | 'lte' | 'gt' | 'lt' | 'answered';

export interface Filter {
  question: string;
  op: FilterOp;
  /** Option values (in/not/all), one number (ranges), or '1'/'0' (answered). */
  values: string[];
}

export const FILTER_OPS: readonly FilterOp[] = ['in', 'not', 'all', 'first', 'gte', 'lte', 'gt', 'lt', 'answered'];

/** A filter that could not be applied, with a message that names what exists. */
export interface FilterProblem {
  filter: Filter;
  message: string;
}
