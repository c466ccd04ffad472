import type { Metadata } from 'next';
import { Suspense } from 'react';
import { RESPONSES_PAGE_SIZE } from '@/lib/view/read-responses-page';
import type { SearchParams } from '@/lib/view/search-params';
import { writeDatasetHref, writeResponsesHref } from '@/lib/view/write-view-query';
import { findDataset } from '../../_server/survey-store';
import { decodeSegment, resolveDataset } from '../../_server/resolve-dataset';
import { listWaveLinks } from '../../_server/list-wave-links';
import { DatasetHeading } from '../../_sections/dataset-heading';
import { ResponsesSection } from '../../_sections/responses-section';
import { UrlNotes } from '../../ui/layout/notice';
import { SectionSkeleton } from '../../ui/layout/skeletons';

interface Props {
  params: Promise<{ dataset: string }>;
  searchParams: Promise<SearchParams>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { dataset } = await params;
  return { title: `Responses · ${findDataset(decodeSegment(dataset))?.title ?? 'Dataset not found'}` };
}

export default async function ResponsesPage({ params, searchParams }: Props) {
  const { dataset, query, wave, latestWave, notes } = await resolveDataset(params, searchParams);
  const waves = listWaveLinks(dataset, wave?.id, (id) => writeResponsesHref(dataset.id, { wave: id }, latestWave));
  const crumbs = [{ label: 'Datasets', href: '/' }, { label: dataset.title, href: writeDatasetHref(dataset.id, { wave: wave?.id }, latestWave) }, { label: 'Responses' }];
  const title = (
    <>
      <h1>Responses</h1>
      <p className="lead">Every respondent’s answers as recorded, {RESPONSES_PAGE_SIZE} to a page. Line is where the record starts in the CSV file.</p>
    </>
  );
  return (
    <>
      <DatasetHeading dataset={dataset} waves={waves} crumbs={crumbs} title={title} />
      <UrlNotes notes={notes} />
      {wave && (
        <Suspense key={JSON.stringify(query)} fallback={<SectionSkeleton label={`Reading wave ${wave.label ?? wave.id}…`} />}>
          <ResponsesSection dataset={dataset} wave={wave} latestWave={latestWave} query={query} />
        </Suspense>
      )}
    </>
  );
}
