import { writeFilterPairs } from './filter-grammar';
import { EXPORT_KEYS, VIEW_KEYS, type ExportFormat, type PageKind, type WriteDefaults } from './view-keys';
import type { ViewState } from './view-state';

export type { PageKind } from './view-keys';

/**
 * The one serialiser: a state → its query pairs, defaults dropped so links stay short and
 * readable. Filters first, in the order they were added, then the `_` settings the page uses, in
 * the table's order (view-keys).
 */
export function writeViewPairs(state: ViewState, defaults: WriteDefaults, kind: PageKind): [string, string][] {
  const pairs: [string, string][] = writeFilterPairs(state.filters);
  for (const entry of VIEW_KEYS) if (entry.pages.includes(kind)) pairs.push(...entry.write(state, defaults));
  return pairs;
}

/** '' or '?…' */
export function writeViewQuery(state: ViewState, defaults: WriteDefaults, kind: PageKind): string {
  const text = new URLSearchParams(writeViewPairs(state, defaults, kind)).toString();
  return text === '' ? '' : `?${text}`;
}

const segment = (text: string) => encodeURIComponent(text);

/**
 * Every in-app link: the current state, changed as the link says, on the page it points to.
 * Built once per request and handed to components, so no component assembles a URL itself.
 */
export interface ViewHrefs {
  /** Paths without a query, for client controls that add the query themselves. */
  paths: { overview: string; question(questionId: string): string; responses: string; crosstab: string; findings: string; facets: string };
  overview(state: ViewState): string;
  crosstab(state: ViewState): string;
  crosstabExport(state: ViewState, format: ExportFormat): string;
  /** What stands out in the view (issue 23), and its findings as a file. */
  findings(state: ViewState): string;
  findingsExport(state: ViewState, format: ExportFormat): string;
  /** The responses the view lists, as CSV: its columns, or every column with `all`. */
  responsesExport(state: ViewState, all: boolean): string;
  question(questionId: string, state: ViewState): string;
  responses(state: ViewState): string;
  export(questionId: string, state: ViewState, format: ExportFormat): string;
}

/**
 * The facets route's URL (a collapsed facet's options, asked for when it is opened): the page's
 * own query, so the route reads the very view the page was drawn from, then the facets wanted
 * and, for a crosstab (whose comparison is its columns), which page asks.
 */
export function writeFacetsHref(facetsPath: string, state: ViewState, defaults: WriteDefaults, kind: PageKind, ids: readonly string[]): string {
  const query = new URLSearchParams(writeViewPairs(state, defaults, kind));
  for (const id of ids) query.append(EXPORT_KEYS.facet.key, id);
  if (kind === 'crosstab') query.set(EXPORT_KEYS.for.key, 'crosstab');
  return `${facetsPath}?${query.toString()}`;
}

export function makeViewHrefs(datasetId: string, defaults: WriteDefaults): ViewHrefs {
  const root = `/${segment(datasetId)}`;
  const paths = {
    overview: root,
    question: (questionId: string) => `${root}/questions/${segment(questionId)}`,
    responses: `${root}/responses`,
    crosstab: `${root}/crosstab`,
    findings: `${root}/findings`,
    facets: `${root}/facets`,
  };
  /** A download route's URL: the view's pairs for that route, then its format. */
  const exportOf = (path: string, state: ViewState, kind: PageKind, format: ExportFormat) => {
    const query = new URLSearchParams(writeViewPairs(state, defaults, kind));
    if (format === 'json') query.set(EXPORT_KEYS.format.key, 'json');
    const text = query.toString();
    return `${path}/export${text ? `?${text}` : ''}`;
  };
  return {
    paths,
    overview: (state) => `${paths.overview}${writeViewQuery(state, defaults, 'overview')}`,
    question: (questionId, state) => `${paths.question(questionId)}${writeViewQuery(state, defaults, 'question')}`,
    responses: (state) => `${paths.responses}${writeViewQuery(state, defaults, 'responses')}`,
    crosstab: (state) => `${paths.crosstab}${writeViewQuery(state, defaults, 'crosstab')}`,
    findings: (state) => `${paths.findings}${writeViewQuery(state, defaults, 'findings')}`,
    findingsExport: (state, format) => exportOf(paths.findings, state, 'findings-export', format),
    responsesExport: (state, all) => {
      const query = new URLSearchParams(writeViewPairs(state, defaults, 'responses-export'));
      if (all) query.set(EXPORT_KEYS.all.key, '1');
      const text = query.toString();
      return `${paths.responses}/export${text ? `?${text}` : ''}`;
    },
    crosstabExport: (state, format) => exportOf(paths.crosstab, state, 'crosstab-export', format),
    export: (questionId, state, format) => {
      const query = new URLSearchParams(writeViewPairs(state, defaults, 'export'));
      query.set(EXPORT_KEYS.question.key, questionId);
      if (format === 'json') query.set(EXPORT_KEYS.format.key, 'json');
      return `${root}/export?${query.toString()}`;
    },
  };
}
