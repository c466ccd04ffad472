import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { RESPONSES_PAGE_SIZE } from '@/lib/view/read-responses-page';
import type { SearchParams } from '@/lib/view/search-params';
import { changeView } from '@/lib/view/change-view';
import { parseViewState } from '@/lib/view/parse-view-state';
import { viewDefaultsOf } from '@/lib/view/view-defaults';
import { makeViewLinks } from '@/lib/view/write-view-query';
import { openView } from '../../_server/open-view';
import { findDatasetBySegment } from '../../_server/resolve-dataset';
import { listWaveLinks } from '../../_server/list-wave-links';
import { DatasetHeading } from '../../_sections/dataset-heading';
import { ResponsesSection } from '../../_sections/responses-section';
import { ViewFrame } from '../../_sections/view-frame';
import { UrlNotes } from '../../ui/layout/notice';
import { SectionSkeleton } from '../../ui/layout/skeletons';
import { WaveError } from '../../ui/survey/wave-error';
import { WaveSwitcher } from '../../ui/survey/wave-switcher';

interface Props {
  params: Promise<{ dataset: string }>;
  searchParams: Promise<SearchParams>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { dataset } = await params;
  return { title: `Responses · ${findDatasetBySegment(dataset)?.title ?? 'Dataset not found'}` };
}

async function ResponsesBody({ segment, query }: { segment: string; query: SearchParams }) {
  const view = await openView(segment, query);
  const { dataset, state, links, reference } = view;
  const waves = listWaveLinks(dataset, state.wave === 'all' ? undefined : state.wave, (id) => links.responses(changeView(state, { wave: id, page: 1 })));
  const failure = view.failures[0];
  return (
    <>
      <WaveSwitcher waves={waves} />
      <UrlNotes notes={view.notes} />
      {failure && <WaveError waveLabel={failure.wave.label ?? failure.wave.id} message={failure.message} issues={failure.issues} />}
      {reference && (
        <ViewFrame view={view} reference={reference} kind="responses" path={links.paths.responses} hrefFor={(next) => links.responses(next)}>
          <ResponsesSection view={view} reference={reference} />
        </ViewFrame>
      )}
    </>
  );
}

export default async function ResponsesPage({ params, searchParams }: Props) {
  const [{ dataset: segment }, query] = await Promise.all([params, searchParams]);
  const dataset = findDatasetBySegment(segment);
  if (!dataset) notFound();
  // The breadcrumb keeps the view (as written; the body checks it against the survey).
  const defaults = viewDefaultsOf(dataset);
  const overviewHref = makeViewLinks(dataset.id, defaults).overview(changeView(parseViewState(query, defaults).value, { page: 1, sort: undefined, desc: false }));
  const title = (
    <>
      <h1>Responses</h1>
      <p className="lead">Every selected respondent’s answers as recorded, {RESPONSES_PAGE_SIZE} to a page. Line is where the record starts in the CSV file.</p>
    </>
  );
  return (
    <>
      <DatasetHeading dataset={dataset} waves={[]} crumbs={[{ label: 'Datasets', href: '/' }, { label: dataset.title, href: overviewHref }, { label: 'Responses' }]} title={title} />
      <Suspense fallback={<SectionSkeleton label="Reading the survey…" />}>
        <ResponsesBody segment={segment} query={query} />
      </Suspense>
    </>
  );
}
