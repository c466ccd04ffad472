import 'server-only';
import { notFound } from 'next/navigation';
import { openDatasetView, type OpenView } from '@/lib/store/open-view';
import type { SearchParams } from '@/lib/view/state/search-params';
import { findDatasetBySegment } from './resolve-dataset';

export type { OpenView } from '@/lib/store/open-view';

/**
 * A page's or route's view: its dataset from the URL segment (a 404 when unknown, before
 * anything streams), then the view opened as the CLI opens it (lib/store/open-view).
 */
export async function openView(
  datasetSegment: string,
  params: SearchParams | URLSearchParams,
  options: { everyWave?: boolean; kind?: 'question' | 'crosstab' } = {},
): Promise<OpenView> {
  const dataset = findDatasetBySegment(datasetSegment);
  if (!dataset) notFound();
  return openDatasetView(dataset, params, options);
}
