import type { ViewState } from './parse-view-state';

/**
 * The query string for a view, defaults dropped so links stay short and readable: the latest
 * wave, file order, ascending and page 1 are never written. Returns '' or '?…'.
 */
export function writeViewQuery(view: Partial<ViewState>, latestWave?: string): string {
  const query = new URLSearchParams();
  if (view.wave !== undefined && view.wave !== latestWave) query.set('_wave', view.wave);
  if (view.sort) {
    query.set('_sort', view.sort);
    if (view.desc) query.set('_desc', '1');
  }
  if (view.page !== undefined && view.page > 1) query.set('_page', String(view.page));
  const text = query.toString();
  return text === '' ? '' : `?${text}`;
}

const segment = (text: string) => encodeURIComponent(text);

/** `/<dataset>` with the view's query. */
export function writeDatasetHref(datasetId: string, view: Partial<ViewState>, latestWave?: string): string {
  return `/${segment(datasetId)}${writeViewQuery(view, latestWave)}`;
}

/** `/<dataset>/questions/<question>` with the view's query. */
export function writeQuestionHref(datasetId: string, questionId: string, view: Partial<ViewState>, latestWave?: string): string {
  return `/${segment(datasetId)}/questions/${segment(questionId)}${writeViewQuery(view, latestWave)}`;
}

/** `/<dataset>/responses` with the view's query. */
export function writeResponsesHref(datasetId: string, view: Partial<ViewState>, latestWave?: string): string {
  return `/${segment(datasetId)}/responses${writeViewQuery(view, latestWave)}`;
}

/** Keys that shape the page (paging, sorting) rather than the figures: an export leaves them out. */
const PAGE_ONLY_KEYS = new Set(['_page', '_sort', '_desc', '_format', '_question']);

/**
 * The export link is the page's own query string on the export route: the same filters, base,
 * weight and wave, so the downloaded figures are the figures on screen.
 */
export function writeExportHref(datasetId: string, questionId: string, pagePairs: readonly [string, string][], format: 'csv' | 'json'): string {
  const query = new URLSearchParams(pagePairs.filter(([key]) => !PAGE_ONLY_KEYS.has(key)));
  query.set('_question', questionId);
  if (format === 'json') query.set('_format', 'json');
  return `/${segment(datasetId)}/export?${query.toString()}`;
}
