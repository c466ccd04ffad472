import { z } from 'zod';
import type { BaseRule } from '../../analysis/figure';
import { DEFAULT_FINDING_THRESHOLDS } from '../../analysis/pick-findings';
import {
  CONFIDENCE_LEVELS,
  MAX_CROSSTAB_ROWS,
  MAX_SEARCH,
  MAX_TOP,
  type CrosstabPercent,
  type DisplayMode,
  type ViewDefaults,
  type ViewState,
} from './view-state';

/** Which kind of page (or download) a link points at: each keeps only the settings it uses. */
export type PageKind = 'overview' | 'question' | 'responses' | 'crosstab' | 'findings' | 'export' | 'crosstab-export' | 'responses-export' | 'findings-export';

/** What writing a setting needs to know of the dataset: defaults are never written. */
export type WriteDefaults = Pick<ViewDefaults, 'weighted' | 'suppressBelow' | 'waveIds' | 'disclosure'>;

/** A command-line flag that sets a URL key: its name, and how its value becomes the key's (it may refuse one). */
export interface KeyFlag {
  name: string;
  /** The flag's value as the key's value, or an error message; the value as it is when absent. */
  toValue?: (raw: string, context: FlagContext) => string | { error: string };
}

/** What a flag's translation may consult: the dataset's own weight column and threshold, and whether it is public. */
export interface FlagContext {
  weightColumn?: string;
  suppressBelow: number;
  disclosure?: 'analyst' | 'public';
}

/**
 * One URL setting: the ViewState field it fills, its key, how it is read (leniently: a value it
 * cannot use falls back and says why) and written (nothing for the default), the pages whose
 * links keep it, and the command-line flag that sets it. Parsing, writing, the export routes and
 * the CLI all read this one table, so a new setting is one entry here.
 */
export interface ViewKey<F extends keyof ViewState = keyof ViewState> {
  field: F;
  /** The URL key, or for a family of keys (`_match.<column>`) its prefix. */
  key: string;
  /** Whether a URL key belongs to this setting. */
  owns(key: string): boolean;
  /** Its value from the URL's pairs (in URL order). */
  read(pairs: readonly (readonly [string, string])[], defaults: ViewDefaults): { value?: ViewState[F]; notes?: string[] };
  write(state: ViewState, defaults: WriteDefaults): [string, string][];
  pages: readonly PageKind[];
  flag?: KeyFlag;
}

const countSchema = z
  .string()
  .regex(/^\d{1,9}$/)
  .transform(Number);
const flagSchema = z.enum(['1', '0', 'true', 'false']).transform((value) => value === '1' || value === 'true');

/** Responses: per column, text its cell must contain (`_match.<column>=text`): one key per column. */
const MATCH_PREFIX = '_match.';

const FIGURES: readonly PageKind[] = ['overview', 'question', 'responses', 'crosstab', 'findings', 'export', 'crosstab-export', 'findings-export'];
const FINDINGS: readonly PageKind[] = ['findings', 'findings-export'];

/** A decimal number as a URL or a flag writes it ("0.05", "5", ".1"); never an exponent, a sign or a word. */
const DECIMAL = /^(\d{1,9}(\.\d{0,9})?|\.\d{1,9})$/;

/** A decimal written back as DECIMAL reads it: 0.000001, never 1e-6. */
const writeDecimal = (value: number) => value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 9 });

/** `_q`: the false discovery rate findings are held to, strictly between 0 and 1 (q = 1 would call every test a finding). */
function readQ(raw: string): number | string {
  const value = Number(raw);
  if (!DECIMAL.test(raw) || !(value > 0 && value < 1)) return `“${raw.slice(0, 40)}” is not a q threshold (a number between 0 and 1, such as 0.05)`;
  return value;
}

/** `_min`: the effect floor in percentage points, 0 to 100; 0 leaves only q. */
function readMinPoints(raw: string): number | string {
  const value = Number(raw);
  if (!DECIMAL.test(raw) || value > 100) return `“${raw.slice(0, 40)}” is not an effect floor (percentage points from 0 to 100, such as 5)`;
  return value;
}

/** A flag's value through the key's own reader: the same rule, but a usage error instead of a fallback. */
const strictly =
  (read: (raw: string) => number | string, flag: string) =>
  (raw: string): string | { error: string } => {
    const value = read(raw);
    return typeof value === 'string' ? { error: `${flag}: ${value}` } : raw;
  };

/** A key with one value: the first is read (the `_` keys are never repeated), one pair written. */
function single<F extends keyof ViewState>(
  field: F,
  key: string,
  pages: readonly PageKind[],
  read: (raw: string, defaults: ViewDefaults) => { value?: ViewState[F]; note?: string },
  write: (state: ViewState, defaults: WriteDefaults) => string | undefined,
  flag?: KeyFlag,
): ViewKey<F> {
  return {
    field,
    key,
    pages,
    ...(flag ? { flag } : {}),
    owns: (candidate) => candidate === key,
    read: (pairs, defaults) => {
      const raw = pairs.find(([candidate]) => candidate === key)?.[1];
      if (raw === undefined) return {};
      const { value, note } = read(raw, defaults);
      return note ? { notes: [note] } : { value };
    },
    write: (state, defaults) => {
      const value = write(state, defaults);
      return value === undefined ? [] : [[key, value]];
    },
  };
}

/** A key that may repeat (`_rows=a&_rows=b`): every value, in URL order. */
function repeated<F extends keyof ViewState>(
  field: F,
  key: string,
  pages: readonly PageKind[],
  read: (values: string[]) => { value?: ViewState[F]; notes?: string[] },
  write: (state: ViewState) => string[],
  flag?: KeyFlag,
): ViewKey<F> {
  return {
    field,
    key,
    pages,
    ...(flag ? { flag } : {}),
    owns: (candidate) => candidate === key,
    read: (pairs) => read(pairs.filter(([candidate]) => candidate === key).map(([, value]) => value)),
    write: (state) => write(state).map((value) => [key, value]),
  };
}

/** The settings in the order links write them (after the filters); parsing reads them in the same order. */
export const VIEW_KEYS: readonly ViewKey[] = [
  single(
    'wave',
    '_wave',
    ['overview', 'question', 'responses', 'crosstab', 'findings', 'export', 'crosstab-export', 'responses-export', 'findings-export'],
    (raw, { waveIds }) => {
      if (raw === 'all') return waveIds.length > 1 ? { value: 'all' } : {};
      if (waveIds.includes(raw)) return { value: raw === waveIds.at(-1) ? undefined : raw };
      return { note: `There is no wave “${raw}” in this dataset (waves: ${waveIds.join(', ')}); showing the latest wave, ${waveIds.at(-1)}.` };
    },
    (state, { waveIds }) => (state.wave !== undefined && state.wave !== waveIds.at(-1) ? state.wave : undefined),
    { name: '--wave' },
  ),
  single(
    'asIn',
    '_as',
    ['question', 'export'],
    (raw, { waveIds }) =>
      waveIds.includes(raw) ? { value: raw } : { note: `There is no wave “${raw}” to read the question in; using the latest wave that asks it.` },
    (state) => (state.wave === 'all' ? state.asIn : undefined),
  ),
  single(
    'by',
    '_by',
    ['overview', 'question', 'responses', 'findings', 'export', 'findings-export'],
    (raw) => (raw === '' ? {} : { value: raw }),
    (state) => state.by,
    { name: '--by' },
  ),
  single(
    'base',
    '_base',
    FIGURES,
    (raw) =>
      raw === 'all' || raw === 'answered' ? { value: raw as BaseRule } : { note: `“${raw}” is not a base (answered or all); using respondents who answered.` },
    (state) => (state.base !== 'answered' ? state.base : undefined),
    { name: '--base', toValue: (raw) => (raw === 'answered' || raw === 'all' ? raw : { error: `--base is "answered" or "all", not "${raw}"` }) },
  ),
  single(
    'weighted',
    '_weight',
    FIGURES,
    (raw, { weighted, disclosure }) => {
      const flag = flagSchema.safeParse(raw);
      if (flag.success) {
        if (flag.data && !weighted) return { note: 'This dataset has no weight column; figures are unweighted.' };
        return { value: flag.data };
      }
      // A public dashboard's weights are its publisher's, written down: a reader cannot pick a column (issue 16).
      if (disclosure === 'public')
        return { note: `Weights are the dataset’s own on a public dashboard: “_weight=${raw.slice(0, 80)}” cannot choose another column.` };
      if (raw.trim() === '') return { note: '“_weight=” names no column; figures are weighted as the dataset is.' };
      // An analyst's own numeric column; resolveViewState checks it against the survey.
      return { value: raw };
    },
    (state, defaults) =>
      typeof state.weighted === 'string' && defaults.disclosure !== 'public'
        ? state.weighted
        : state.weighted !== defaults.weighted && typeof state.weighted === 'boolean'
          ? state.weighted
            ? '1'
            : '0'
          : undefined,
    {
      name: '--weight',
      // --weight names a numeric column, the codebook's or the analyst's, or none; a public dataset's weights stay its own.
      toValue: (raw, { weightColumn, disclosure }) =>
        raw === 'none'
          ? '0'
          : raw === weightColumn
            ? '1'
            : disclosure === 'public'
              ? {
                  error: `--weight ${raw}: a public dataset is weighted by its codebook's weight column${weightColumn ? ` ("${weightColumn}")` : ' (it has none)'} or not at all (--weight none)`,
                }
              : raw,
    },
  ),
  single(
    'suppress',
    '_suppress',
    FIGURES,
    (raw, { suppressBelow, disclosure }) => {
      const value = countSchema.safeParse(raw);
      if (!value.success) return { note: `“${raw}” is not a suppression threshold; groups under ${suppressBelow} respondents stay hidden.` };
      // Public mode: the publisher's threshold is a floor. An analyst reads their own data, every row of it, and may lower it.
      if (value.data < suppressBelow && disclosure === 'public')
        return { note: `Groups under ${suppressBelow} respondents are always hidden on this public dashboard; “_suppress=${raw}” cannot lower that.` };
      return { value: value.data === suppressBelow ? undefined : value.data };
    },
    (state, { suppressBelow, disclosure }) =>
      state.suppress !== undefined && (disclosure === 'public' ? state.suppress > suppressBelow : state.suppress !== suppressBelow)
        ? String(state.suppress)
        : undefined,
    {
      name: '--suppress-below',
      // Raised or lowered by an analyst; a public dataset's threshold only raised (issue 16).
      toValue: (raw, { suppressBelow, disclosure }) =>
        !/^\d{1,9}$/.test(raw)
          ? { error: '--suppress-below takes a whole number' }
          : Number(raw) < suppressBelow && disclosure === 'public'
            ? {
                error: `--suppress-below ${raw} would lower the public dataset's threshold of ${suppressBelow}; it can only be raised (the codebook's suppressBelow sets the floor)`,
              }
            : raw,
    },
  ),
  single(
    'level',
    '_level',
    FIGURES,
    (raw) => {
      const level = CONFIDENCE_LEVELS.find((candidate) => String(candidate) === raw);
      return level === undefined
        ? { note: `“${raw}” is not a confidence level (${CONFIDENCE_LEVELS.join(', ')}); intervals are 95%.` }
        : { value: level === 95 ? undefined : level };
    },
    (state) => (state.level !== undefined && state.level !== 95 ? String(state.level) : undefined),
    { name: '--level' },
  ),
  single(
    'top',
    '_top',
    ['overview', 'question'],
    (raw) => {
      const value = countSchema.safeParse(raw);
      return value.success && value.data >= 1 && value.data <= MAX_TOP
        ? { value: value.data }
        : { note: `“${raw}” is not a number of bars (1–${MAX_TOP}); showing the default.` };
    },
    (state) => (state.top !== undefined ? String(state.top) : undefined),
  ),
  single(
    'display',
    '_view',
    ['overview', 'question', 'crosstab'],
    (raw) => (raw === 'chart' || raw === 'table' ? { value: raw as DisplayMode } : { note: `“${raw}” is not a view (chart or table); showing charts.` }),
    (state) => (state.display !== 'chart' ? state.display : undefined),
  ),
  repeated(
    'rows',
    '_rows',
    ['crosstab', 'crosstab-export'],
    (values) => {
      const rows = [...new Set(values.filter((value) => value !== ''))];
      const notes =
        rows.length > MAX_CROSSTAB_ROWS ? [`A crosstab stacks at most ${MAX_CROSSTAB_ROWS} row questions; the first ${MAX_CROSSTAB_ROWS} are shown.`] : [];
      return { value: rows.slice(0, MAX_CROSSTAB_ROWS), notes };
    },
    (state) => state.rows,
    { name: '--rows' },
  ),
  single(
    'cols',
    '_cols',
    ['crosstab', 'crosstab-export'],
    (raw) => (raw === '' ? {} : { value: raw }),
    (state) => state.cols,
    { name: '--cols' },
  ),
  single(
    'pct',
    '_pct',
    ['crosstab'],
    (raw) =>
      raw === 'column' || raw === 'row' || raw === 'total'
        ? { value: raw as CrosstabPercent }
        : { note: `“${raw}” is not a percentage (column, row or total); showing column percentages.` },
    (state) => (state.pct !== 'column' ? state.pct : undefined),
  ),
  single(
    'search',
    '_search',
    ['responses', 'responses-export'],
    (raw) => (raw.trim() === '' ? {} : { value: raw.slice(0, MAX_SEARCH) }),
    (state) => state.search,
  ),
  {
    field: 'matches',
    key: MATCH_PREFIX,
    pages: ['responses', 'responses-export'],
    owns: (candidate) => candidate.startsWith(MATCH_PREFIX),
    read: (pairs) => {
      const matches: Record<string, string> = {};
      for (const [key, value] of pairs)
        if (key.startsWith(MATCH_PREFIX) && key.length > MATCH_PREFIX.length && value.trim() !== '')
          matches[key.slice(MATCH_PREFIX.length)] = value.slice(0, MAX_SEARCH);
      return { value: matches };
    },
    write: (state) => Object.entries(state.matches).map(([column, text]) => [`${MATCH_PREFIX}${column}`, text]),
  },
  repeated(
    'columns',
    '_columns',
    ['responses', 'responses-export'],
    (values) => (values.length > 0 ? { value: [...new Set(values.filter((value) => value !== ''))] } : {}),
    (state) => state.columns ?? [],
  ),
  single(
    'sort',
    '_sort',
    ['responses', 'responses-export'],
    (raw) => (raw === '' ? {} : { value: raw }),
    (state) => state.sort,
  ),
  single(
    'desc',
    '_desc',
    ['responses', 'responses-export'],
    (raw) => {
      const flag = flagSchema.safeParse(raw);
      return flag.success ? { value: flag.data } : { note: `“${raw}” is not a sort direction (use _desc=1); sorting ascending.` };
    },
    (state) => (state.sort && state.desc ? '1' : undefined),
  ),
  single(
    'q',
    '_q',
    FINDINGS,
    (raw) => {
      const value = readQ(raw);
      if (typeof value === 'string') return { note: `${value}; findings are held to q ≤ ${DEFAULT_FINDING_THRESHOLDS.q}.` };
      return { value: value === DEFAULT_FINDING_THRESHOLDS.q ? undefined : value };
    },
    (state) => (state.q !== undefined && state.q !== DEFAULT_FINDING_THRESHOLDS.q ? writeDecimal(state.q) : undefined),
    { name: '--q', toValue: strictly(readQ, '--q') },
  ),
  single(
    'minPoints',
    '_min',
    FINDINGS,
    (raw) => {
      const value = readMinPoints(raw);
      if (typeof value === 'string')
        return {
          note: `${value}; findings differ by at least ${DEFAULT_FINDING_THRESHOLDS.minPoints} points (${DEFAULT_FINDING_THRESHOLDS.minSd} SD for a mean).`,
        };
      return { value: value === DEFAULT_FINDING_THRESHOLDS.minPoints ? undefined : value };
    },
    (state) => (state.minPoints !== undefined && state.minPoints !== DEFAULT_FINDING_THRESHOLDS.minPoints ? writeDecimal(state.minPoints) : undefined),
    { name: '--min', toValue: strictly(readMinPoints, '--min') },
  ),
  single(
    'page',
    '_page',
    ['overview', 'responses', 'findings'],
    (raw) => {
      const value = countSchema.safeParse(raw);
      return value.success && value.data >= 1 ? { value: value.data } : { note: `“${raw}” is not a page number; showing page 1.` };
    },
    (state) => (state.page > 1 ? String(state.page) : undefined),
  ),
];

/**
 * Keys of the download routes only, not of the view: which question (`_question`), which format
 * (`_format=json`), and for the responses, every column (`_all=1`). Their flags are the CLI's.
 * The facets route's: which facets (`_facet`, repeated) and, for a crosstab, which page (`_for`).
 */
export const EXPORT_KEYS = {
  question: { key: '_question', flag: '--question' },
  format: { key: '_format', flag: '--format' },
  all: { key: '_all' },
  facet: { key: '_facet' },
  for: { key: '_for' },
} as const;

export type ExportFormat = 'csv' | 'json';

/** A download route's own keys, read as every route reads them. */
export function readExportKeys(params: URLSearchParams): { question: string; format: ExportFormat; all: boolean } {
  return {
    question: params.get(EXPORT_KEYS.question.key) ?? '',
    format: params.get(EXPORT_KEYS.format.key) === 'json' ? 'json' : 'csv',
    all: params.get(EXPORT_KEYS.all.key) === '1',
  };
}

/** The facets route's own keys: the facets asked for, and whether the page reads the view as a crosstab does. */
export function readFacetsKeys(params: URLSearchParams): { ids: string[]; kind: 'question' | 'crosstab' } {
  return {
    ids: params.getAll(EXPORT_KEYS.facet.key),
    kind: params.get(EXPORT_KEYS.for.key) === 'crosstab' ? 'crosstab' : 'question',
  };
}

/** Every key the app reads besides filters; anything else starting with `_` is named in a note. */
export function isKnownKey(key: string): boolean {
  return VIEW_KEYS.some((entry) => entry.owns(key)) || Object.values(EXPORT_KEYS).some((entry) => entry.key === key);
}

/** The key a command-line flag sets, and how its value is translated. */
export function findFlag(name: string): { key: string; flag: KeyFlag } | undefined {
  const entry = VIEW_KEYS.find((candidate) => candidate.flag?.name === name);
  return entry?.flag ? { key: entry.key, flag: entry.flag } : undefined;
}
