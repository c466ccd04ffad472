import { parseFilterPairs } from './filter-grammar';
import { type SearchParams } from './search-params';
import { isKnownKey, VIEW_KEYS } from './view-keys';
import { defaultViewState, type ViewDefaults, type ViewState } from './view-state';

/** A parsed value plus what was wrong with the URL, in words a reader understands. */
export interface Parsed<T> {
  value: T;
  notes: string[];
}

/** Query pairs in order, whether they come from Next's searchParams object or a URLSearchParams. */
export function toPairs(params: SearchParams | URLSearchParams | Iterable<[string, string]>): [string, string][] {
  if (params instanceof URLSearchParams) return [...params.entries()];
  if (Symbol.iterator in Object(params)) return [...(params as Iterable<[string, string]>)];
  return Object.entries(params as SearchParams).flatMap(([key, value]) =>
    value === undefined ? [] : (Array.isArray(value) ? value : [value]).map((v) => [key, v] as [string, string]),
  );
}

/**
 * Search params → a ViewState. Never throws and never fails: an unusable part falls back to
 * its default and is named in `notes`. Filters are read here as written; whether their
 * questions and options exist is checked against the survey by resolveViewState.
 */
export function parseViewState(params: SearchParams | URLSearchParams | Iterable<[string, string]>, defaults: ViewDefaults): Parsed<ViewState> {
  const pairs = toPairs(params);
  const { filters, notes } = parseFilterPairs(pairs);
  const state: ViewState = { ...defaultViewState(defaults), filters };
  for (const entry of VIEW_KEYS) {
    const { value, notes: said } = entry.read(pairs, defaults);
    if (said) notes.push(...said);
    if (value !== undefined) (state as unknown as Record<string, unknown>)[entry.field] = value;
  }
  if (!state.sort) state.desc = false;
  if (state.wave !== 'all') state.asIn = undefined;
  const unknown = [...new Set(pairs.map(([key]) => key).filter((key) => key.startsWith('_') && !isKnownKey(key)))];
  if (unknown.length > 0) notes.push(`Ignored ${unknown.map((key) => `“${key.slice(0, 40)}”`).join(', ')}: not a setting this page knows.`);
  return { value: state, notes };
}
