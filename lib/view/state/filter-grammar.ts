import type { Filter, FilterOp } from '../../analysis/filters';

/**
 * The filter half of the URL grammar (datasette's): a question id is a filter key, an optional
 * `__op` suffix picks the operator, repeated keys are "one of". Keys starting with `_` are view
 * settings, not filters. The CLI's --where turns into the same pairs and goes through here too.
 */
const OP_SUFFIX = /^(.+?)__(not|all|first|gte|lte|gt|lt|answered)$/;
const MAX_FILTER_VALUES = 200;
const MAX_VALUE_LENGTH = 500;

export interface ParsedFilters {
  filters: Filter[];
  /** Pairs that could not be read as a filter, in plain words. */
  notes: string[];
}

/** Query pairs (repeated keys allowed, in order) → filters grouped by question and operator. */
export function parseFilterPairs(pairs: Iterable<[string, string]>): ParsedFilters {
  const grouped = new Map<string, Filter>();
  const notes: string[] = [];
  let kept = 0;
  for (const [key, value] of pairs) {
    if (key.startsWith('_') || key === '') continue;
    if (value.length > MAX_VALUE_LENGTH) {
      notes.push(`The value for “${key.slice(0, 60)}” is longer than ${MAX_VALUE_LENGTH} characters and was ignored.`);
      continue;
    }
    if (++kept > MAX_FILTER_VALUES) {
      notes.push(`Only the first ${MAX_FILTER_VALUES} filter values are used.`);
      break;
    }
    const match = OP_SUFFIX.exec(key);
    const question = match ? match[1] : key;
    const op: FilterOp = match ? (match[2] as FilterOp) : 'in';
    const id = `${question}\u0000${op}`;
    const filter = grouped.get(id) ?? { question, op, values: [] };
    if (!filter.values.includes(value)) filter.values.push(value);
    grouped.set(id, filter);
  }
  return { filters: [...grouped.values()], notes };
}

/** Next's searchParams object → pairs in a stable order. */
export function searchParamPairs(params: Record<string, string | string[] | undefined>): [string, string][] {
  return Object.entries(params).flatMap(([key, value]) =>
    value === undefined ? [] : (Array.isArray(value) ? value : [value]).map((v) => [key, v] as [string, string]),
  );
}

/** Filters → query pairs (the inverse of parseFilterPairs). */
export function writeFilterPairs(filters: readonly Filter[]): [string, string][] {
  return filters.flatMap((filter) =>
    filter.values.map((value) => [filter.op === 'in' ? filter.question : `${filter.question}__${filter.op}`, value] as [string, string]),
  );
}

/** Filters as one query string (`role=Backend+Engineer&years_experience__gte=5`), for exports to say what they are. */
export function writeFilterText(filters: readonly Filter[]): string {
  return new URLSearchParams(writeFilterPairs(filters)).toString();
}

/** CLI `--where` expressions → the same pairs as the URL: `id=v`, `id!=v`, `id>=5`, `id<=5`, `id>5`, `id<5`. */
export function parseWhereExpression(expression: string): [string, string] | string {
  const match = /^([^=!<>]+?)\s*(!=|>=|<=|=|>|<)(.*)$/s.exec(expression);
  if (!match) return `--where "${expression}" is not of the form <question>=<value> (or !=, >=, <=, >, <)`;
  const [, question, operator, value] = match;
  const suffix: Record<string, string> = { '=': '', '!=': '__not', '>=': '__gte', '<=': '__lte', '>': '__gt', '<': '__lt' };
  // Answers are stored trimmed, so "role = Backend" means "Backend".
  return [`${question.trim()}${suffix[operator]}`, value.trim()];
}
