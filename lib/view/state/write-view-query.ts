import { writeFilterPairs } from './filter-grammar';
import type { ViewDefaults, ViewState } from './view-state';

/** Which parts of the state a kind of page keeps in its links: a page never carries settings it ignores. */
export type PageKind = 'overview' | 'question' | 'responses' | 'crosstab' | 'export' | 'crosstab-export' | 'responses-export';

const KEEPS: Record<PageKind, ReadonlySet<keyof ViewState>> = {
  overview: new Set(['filters', 'wave', 'by', 'base', 'weighted', 'suppress', 'top', 'display', 'page']),
  question: new Set(['filters', 'wave', 'asIn', 'by', 'base', 'weighted', 'suppress', 'top', 'display']),
  responses: new Set(['filters', 'wave', 'by', 'base', 'weighted', 'suppress', 'sort', 'desc', 'page', 'search', 'matches', 'columns']),
  'responses-export': new Set(['filters', 'wave', 'sort', 'desc', 'search', 'matches', 'columns']),
  // An export is the figures of the view: paging, sorting, bar limits and chart/table are presentation.
  export: new Set(['filters', 'wave', 'asIn', 'by', 'base', 'weighted', 'suppress']),
  crosstab: new Set(['filters', 'wave', 'base', 'weighted', 'suppress', 'rows', 'cols', 'pct', 'display']),
  'crosstab-export': new Set(['filters', 'wave', 'base', 'weighted', 'suppress', 'rows', 'cols']),
};

/**
 * The one serialiser: a state → its query pairs, defaults dropped so links stay short and
 * readable. Filters first, in the order they were added, then the `_` settings.
 */
export function writeViewPairs(state: ViewState, defaults: Pick<ViewDefaults, 'weighted' | 'suppressBelow' | 'waveIds'>, kind: PageKind): [string, string][] {
  const keeps = KEEPS[kind];
  const pairs: [string, string][] = keeps.has('filters') ? writeFilterPairs(state.filters) : [];
  const add = (field: keyof ViewState, key: string, value: string | undefined) => keeps.has(field) && value !== undefined && pairs.push([key, value]);
  add('wave', '_wave', state.wave !== undefined && state.wave !== defaults.waveIds.at(-1) ? state.wave : undefined);
  add('asIn', '_as', state.wave === 'all' ? state.asIn : undefined);
  add('by', '_by', state.by);
  add('base', '_base', state.base !== 'answered' ? state.base : undefined);
  add('weighted', '_weight', state.weighted !== defaults.weighted ? (state.weighted ? '1' : '0') : undefined);
  add('suppress', '_suppress', state.suppress !== undefined && state.suppress > defaults.suppressBelow ? String(state.suppress) : undefined);
  add('top', '_top', state.top !== undefined ? String(state.top) : undefined);
  add('display', '_view', state.display !== 'chart' ? state.display : undefined);
  if (keeps.has('rows')) for (const row of state.rows) pairs.push(['_rows', row]);
  add('cols', '_cols', state.cols);
  add('pct', '_pct', state.pct !== 'column' ? state.pct : undefined);
  add('search', '_search', state.search);
  if (keeps.has('matches')) for (const [column, text] of Object.entries(state.matches)) pairs.push([`_match.${column}`, text]);
  if (keeps.has('columns')) for (const column of state.columns ?? []) pairs.push(['_columns', column]);
  add('sort', '_sort', state.sort);
  add('desc', '_desc', state.sort && state.desc ? '1' : undefined);
  add('page', '_page', state.page > 1 ? String(state.page) : undefined);
  return pairs;
}

/** '' or '?…' */
export function writeViewQuery(state: ViewState, defaults: Pick<ViewDefaults, 'weighted' | 'suppressBelow' | 'waveIds'>, kind: PageKind): string {
  const text = new URLSearchParams(writeViewPairs(state, defaults, kind)).toString();
  return text === '' ? '' : `?${text}`;
}

const segment = (text: string) => encodeURIComponent(text);

/**
 * Every in-app link: the current state, changed as the link says, on the page it points to.
 * Built once per request and handed to components, so no component assembles a URL itself.
 */
export interface ViewLinks {
  /** Paths without a query, for client controls that add the query themselves. */
  paths: { overview: string; question(questionId: string): string; responses: string; crosstab: string };
  overview(state: ViewState): string;
  crosstab(state: ViewState): string;
  crosstabExport(state: ViewState, format: 'csv' | 'json'): string;
  /** The responses the view lists, as CSV: its columns, or every column with `all`. */
  responsesExport(state: ViewState, all: boolean): string;
  question(questionId: string, state: ViewState): string;
  responses(state: ViewState): string;
  export(questionId: string, state: ViewState, format: 'csv' | 'json'): string;
}

export function makeViewLinks(datasetId: string, defaults: Pick<ViewDefaults, 'weighted' | 'suppressBelow' | 'waveIds'>): ViewLinks {
  const root = `/${segment(datasetId)}`;
  const paths = {
    overview: root,
    question: (questionId: string) => `${root}/questions/${segment(questionId)}`,
    responses: `${root}/responses`,
    crosstab: `${root}/crosstab`,
  };
  return {
    paths,
    overview: (state) => `${paths.overview}${writeViewQuery(state, defaults, 'overview')}`,
    question: (questionId, state) => `${paths.question(questionId)}${writeViewQuery(state, defaults, 'question')}`,
    responses: (state) => `${paths.responses}${writeViewQuery(state, defaults, 'responses')}`,
    crosstab: (state) => `${paths.crosstab}${writeViewQuery(state, defaults, 'crosstab')}`,
    responsesExport: (state, all) => {
      const query = new URLSearchParams(writeViewPairs(state, defaults, 'responses-export'));
      if (all) query.set('_all', '1');
      const text = query.toString();
      return `${paths.responses}/export${text ? `?${text}` : ''}`;
    },
    crosstabExport: (state, format) => {
      const query = new URLSearchParams(writeViewPairs(state, defaults, 'crosstab-export'));
      if (format === 'json') query.set('_format', 'json');
      const text = query.toString();
      return `${paths.crosstab}/export${text ? `?${text}` : ''}`;
    },
    export: (questionId, state, format) => {
      const query = new URLSearchParams(writeViewPairs(state, defaults, 'export'));
      query.set('_question', questionId);
      if (format === 'json') query.set('_format', 'json');
      return `${root}/export?${query.toString()}`;
    },
  };
}
