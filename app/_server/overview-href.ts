import 'server-only';
import type { DatasetSource } from '@/lib/store/discover-datasets';
import { changeView } from '@/lib/view/state/change-view';
import { parseViewState } from '@/lib/view/state/parse-view-state';
import type { SearchParams } from '@/lib/view/state/search-params';
import { viewDefaultsOf } from '@/lib/view/state/view-defaults';
import { makeViewHrefs } from '@/lib/view/state/write-view-query';

/**
 * The dataset's overview with the request's view, for a breadcrumb drawn before the survey is
 * read: the state as written (the page body checks it against the survey and says what it drops).
 */
export function overviewHrefFor(dataset: DatasetSource, query: SearchParams): string {
  const defaults = viewDefaultsOf(dataset);
  return makeViewHrefs(dataset.id, defaults).overview(changeView(parseViewState(query, defaults).value, { page: 1, sort: undefined, desc: false }));
}
