import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import type { SearchParams } from '@/lib/view/search-params';
import { changeView } from '@/lib/view/change-view';
import { openView } from '../_server/open-view';
import { findDatasetBySegment } from '../_server/resolve-dataset';
import { listWaveLinks } from '../_server/list-wave-links';
import { DatasetHeading } from '../_sections/dataset-heading';
import { ViewFrame } from '../_sections/view-frame';
import { WaveOverview } from '../_sections/wave-overview';
import { Notice, UrlNotes } from '../ui/layout/notice';
import { SectionSkeleton } from '../ui/layout/skeletons';
import { WaveError } from '../ui/survey/wave-error';
import { WaveSwitcher } from '../ui/survey/wave-switcher';

interface Props {
  params: Promise<{ dataset: string }>;
  searchParams: Promise<SearchParams>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { dataset } = await params;
  return { title: findDatasetBySegment(dataset)?.title ?? 'Dataset not found' };
}

/** The part that needs the wave read: switcher, notes, filters and the question cards. */
async function OverviewBody({ segment, query }: { segment: string; query: SearchParams }) {
  const view = await openView(segment, query);
  const { dataset, state, links, reference } = view;
  const waves = listWaveLinks(dataset, state.wave === 'all' ? undefined : state.wave, (id) => links.overview(changeView(state, { wave: id, page: 1 })));
  const failure = view.failures[0];
  return (
    <>
      <WaveSwitcher waves={waves} />
      <UrlNotes notes={view.notes} />
      {failure && <WaveError waveLabel={failure.wave.label ?? failure.wave.id} message={failure.message} issues={failure.issues} />}
      {reference && (
        <ViewFrame view={view} reference={reference} kind="overview" path={links.paths.overview} hrefFor={(next) => links.overview(next)}>
          <WaveOverview view={view} reference={reference} />
        </ViewFrame>
      )}
    </>
  );
}

export default async function DatasetPage({ params, searchParams }: Props) {
  const [{ dataset: segment }, query] = await Promise.all([params, searchParams]);
  // Decided before anything streams, so an unknown dataset answers with a real 404.
  const dataset = findDatasetBySegment(segment);
  if (!dataset) notFound();
  return (
    <>
      <DatasetHeading dataset={dataset} waves={[]} crumbs={[{ label: 'Datasets', href: '/' }, { label: dataset.title }]} />
      {dataset.codebookError && <Notice tone="error" title="The codebook (survey.json) could not be used">{dataset.codebookError}</Notice>}
      <Suspense fallback={<SectionSkeleton label="Reading the survey…" />}>
        <OverviewBody segment={segment} query={query} />
      </Suspense>
    </>
  );
}
