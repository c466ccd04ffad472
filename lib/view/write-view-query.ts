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

/**
 * `/<dataset>/export?_question=…` for the figures on a question page. `_weight=0` because the
 * page shows unweighted figures (summarizeQuestion's defaults) and the export must match it.
 */
export function writeExportHref(datasetId: string, questionId: string, view: Partial<ViewState>, latestWave: string | undefined, format: 'csv' | 'json'): string {
  const query = new URLSearchParams(writeViewQuery({ wave: view.wave }, latestWave).slice(1));
  query.set('_question', questionId);
  query.set('_weight', '0');
  if (format === 'json') query.set('_format', 'json');
  return `/${segment(datasetId)}/export?${query.toString()}`;
}
