import type { Metadata } from 'next';
import { Suspense } from 'react';
import { parsePageParam } from '@/lib/view/parse-view-state';
import type { SearchParams } from '@/lib/view/search-params';
import { writeDatasetHref } from '@/lib/view/write-view-query';
import { findDataset } from '../_server/survey-store';
import { decodeSegment, resolveDataset } from '../_server/resolve-dataset';
import { listWaveLinks } from '../_server/list-wave-links';
import { DatasetHeading } from '../_sections/dataset-heading';
import { WaveOverview } from '../_sections/wave-overview';
import { Notice, UrlNotes } from '../ui/layout/notice';
import { SectionSkeleton } from '../ui/layout/skeletons';

interface Props {
  params: Promise<{ dataset: string }>;
  searchParams: Promise<SearchParams>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { dataset } = await params;
  return { title: findDataset(decodeSegment(dataset))?.title ?? 'Dataset not found' };
}

export default async function DatasetPage({ params, searchParams }: Props) {
  const { dataset, query, wave, latestWave, notes } = await resolveDataset(params, searchParams);
  const waves = listWaveLinks(dataset, wave?.id, (id) => writeDatasetHref(dataset.id, { wave: id }, latestWave));
  return (
    <>
      <DatasetHeading dataset={dataset} waves={waves} crumbs={[{ label: 'Datasets', href: '/' }, { label: dataset.title }]} />
      <UrlNotes notes={notes} />
      {dataset.codebookError && <Notice tone="error" title="The codebook (survey.json) could not be used">{dataset.codebookError}</Notice>}
      {wave && (
        <Suspense key={`${wave.id}|${String(query._page)}`} fallback={<SectionSkeleton label={`Reading wave ${wave.label ?? wave.id}…`} />}>
          <WaveOverview dataset={dataset} wave={wave} latestWave={latestWave} page={parsePageParam(query)} />
        </Suspense>
      )}
    </>
  );
}
