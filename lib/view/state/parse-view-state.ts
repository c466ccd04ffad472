import { z } from 'zod';
import { parseFilterPairs } from './filter-grammar';
import { type SearchParams } from './search-params';
import { defaultViewState, MAX_CROSSTAB_ROWS, MAX_SEARCH, MAX_TOP, type ViewDefaults, type ViewState } from './view-state';

/** A parsed value plus what was wrong with the URL, in words a reader understands. */
export interface Parsed<T> {
  value: T;
  notes: string[];
}

const countSchema = z
  .string()
  .regex(/^\d{1,9}$/)
  .transform(Number);
const flagSchema = z.enum(['1', '0', 'true', 'false']).transform((value) => value === '1' || value === 'true');

/** Query pairs in order, whether they come from Next's searchParams object or a URLSearchParams. */
export function toPairs(params: SearchParams | URLSearchParams | Iterable<[string, string]>): [string, string][] {
  if (params instanceof URLSearchParams) return [...params.entries()];
  if (Symbol.iterator in Object(params)) return [...(params as Iterable<[string, string]>)];
  return Object.entries(params as SearchParams).flatMap(([key, value]) =>
    value === undefined ? [] : (Array.isArray(value) ? value : [value]).map((v) => [key, v] as [string, string]),
  );
}

function first(pairs: readonly [string, string][], key: string): string | undefined {
  return pairs.find(([k]) => k === key)?.[1];
}

type Reader<K extends keyof ViewState> = (raw: string, defaults: ViewDefaults) => { value?: ViewState[K]; note?: string };

const readers: { [K in keyof ViewState]?: [string, Reader<K>] } = {
  wave: [
    '_wave',
    (raw, { waveIds }) => {
      if (raw === 'all') return waveIds.length > 1 ? { value: 'all' } : {};
      if (waveIds.includes(raw)) return { value: raw === waveIds.at(-1) ? undefined : raw };
      return { note: `There is no wave “${raw}” in this dataset (waves: ${waveIds.join(', ')}); showing the latest wave, ${waveIds.at(-1)}.` };
    },
  ],
  asIn: [
    '_as',
    (raw, { waveIds }) =>
      waveIds.includes(raw) ? { value: raw } : { note: `There is no wave “${raw}” to read the question in; using the latest wave that asks it.` },
  ],
  by: ['_by', (raw) => (raw === '' ? {} : { value: raw })],
  base: [
    '_base',
    (raw) => (raw === 'all' || raw === 'answered' ? { value: raw } : { note: `“${raw}” is not a base (answered or all); using respondents who answered.` }),
  ],
  weighted: [
    '_weight',
    (raw, { weighted }) => {
      const flag = flagSchema.safeParse(raw);
      if (!flag.success) return { note: `Weights are the dataset’s own: “_weight=${raw}” cannot choose another column (use _weight=0 to turn weighting off).` };
      if (flag.data && !weighted) return { note: 'This dataset has no weight column; figures are unweighted.' };
      return { value: flag.data };
    },
  ],
  suppress: [
    '_suppress',
    (raw, { suppressBelow }) => {
      const value = countSchema.safeParse(raw);
      if (!value.success) return { note: `“${raw}” is not a suppression threshold; groups under ${suppressBelow} respondents stay hidden.` };
      if (value.data < suppressBelow)
        return { note: `Groups under ${suppressBelow} respondents are always hidden in this dataset; “_suppress=${raw}” cannot lower that.` };
      return { value: value.data === suppressBelow ? undefined : value.data };
    },
  ],
  top: [
    '_top',
    (raw) => {
      const value = countSchema.safeParse(raw);
      return value.success && value.data >= 1 && value.data <= MAX_TOP
        ? { value: value.data }
        : { note: `“${raw}” is not a number of bars (1–${MAX_TOP}); showing the default.` };
    },
  ],
  sort: ['_sort', (raw) => (raw === '' ? {} : { value: raw })],
  desc: [
    '_desc',
    (raw) => {
      const flag = flagSchema.safeParse(raw);
      return flag.success ? { value: flag.data } : { note: `“${raw}” is not a sort direction (use _desc=1); sorting ascending.` };
    },
  ],
  page: [
    '_page',
    (raw) => {
      const value = countSchema.safeParse(raw);
      return value.success && value.data >= 1 ? { value: value.data } : { note: `“${raw}” is not a page number; showing page 1.` };
    },
  ],
  display: ['_view', (raw) => (raw === 'chart' || raw === 'table' ? { value: raw } : { note: `“${raw}” is not a view (chart or table); showing charts.` })],
  cols: ['_cols', (raw) => (raw === '' ? {} : { value: raw })],
  search: ['_search', (raw) => (raw.trim() === '' ? {} : { value: raw.slice(0, MAX_SEARCH) })],
  pct: [
    '_pct',
    (raw) =>
      raw === 'column' || raw === 'row' || raw === 'total'
        ? { value: raw }
        : { note: `“${raw}” is not a percentage (column, row or total); showing column percentages.` },
  ],
};

/** Keys the app reads besides filters; anything else starting with `_` is named in a note. */
const KNOWN_KEYS = new Set([...Object.values(readers).map((entry) => entry![0]), '_question', '_format', '_rows', '_columns', '_all']);
const MATCH_PREFIX = '_match.';

/**
 * Search params → a ViewState. Never throws and never fails: an unusable part falls back to
 * its default and is named in `notes`. Filters are read here as written; whether their
 * questions and options exist is checked against the survey by resolveViewState.
 */
export function parseViewState(params: SearchParams | URLSearchParams | Iterable<[string, string]>, defaults: ViewDefaults): Parsed<ViewState> {
  const pairs = toPairs(params);
  const { filters, notes } = parseFilterPairs(pairs);
  const state: ViewState = { ...defaultViewState(defaults), filters, matches: {} };
  for (const [field, [key, read]] of Object.entries(readers) as [keyof ViewState, [string, Reader<keyof ViewState>]][]) {
    const raw = first(pairs, key);
    if (raw === undefined) continue;
    const { value, note } = read(raw, defaults);
    if (note) notes.push(note);
    else if (value !== undefined) (state as unknown as Record<string, unknown>)[field] = value;
  }
  const rows = [...new Set(pairs.filter(([key, value]) => key === '_rows' && value !== '').map(([, value]) => value))];
  if (rows.length > MAX_CROSSTAB_ROWS) notes.push(`A crosstab stacks at most ${MAX_CROSSTAB_ROWS} row questions; the first ${MAX_CROSSTAB_ROWS} are shown.`);
  state.rows = rows.slice(0, MAX_CROSSTAB_ROWS);
  for (const [key, value] of pairs)
    if (key.startsWith(MATCH_PREFIX) && key.length > MATCH_PREFIX.length && value.trim() !== '')
      state.matches[key.slice(MATCH_PREFIX.length)] = value.slice(0, MAX_SEARCH);
  const columns = pairs.filter(([key]) => key === '_columns').map(([, value]) => value);
  if (columns.length > 0) state.columns = [...new Set(columns.filter((value) => value !== ''))];
  if (!state.sort) state.desc = false;
  if (state.wave !== 'all') state.asIn = undefined;
  const unknown = [...new Set(pairs.map(([key]) => key).filter((key) => key.startsWith('_') && !KNOWN_KEYS.has(key) && !key.startsWith(MATCH_PREFIX)))];
  if (unknown.length > 0) notes.push(`Ignored ${unknown.map((key) => `“${key.slice(0, 40)}”`).join(', ')}: not a setting this page knows.`);
  return { value: state, notes };
}
