import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { isPublicServer } from '@/lib/store/write-access';
import type { SearchParams } from '@/lib/view/state/search-params';
import { viewDefaultsOf } from '@/lib/view/state/view-defaults';
import { findDatasetBySegment } from '../_server/resolve-dataset';
import { DatasetHeading } from '../_sections/dataset-heading';
import { ViewBody } from '../_sections/view-body';
import { WaveOverview } from '../_sections/wave-overview';
import { Notice } from '../ui/layout/notice';
import { SectionSkeleton } from '../ui/layout/skeletons';

interface Props {
  params: Promise<{ dataset: string }>;
  searchParams: Promise<SearchParams>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { dataset } = await params;
  return { title: findDatasetBySegment(dataset)?.title ?? 'Dataset not found' };
}

export default async function DatasetPage({ params, searchParams }: Props) {
  const [{ dataset: segment }, query] = await Promise.all([params, searchParams]);
  // Decided before anything streams, so an unknown dataset answers with a real 404.
  const dataset = findDatasetBySegment(segment);
  if (!dataset) notFound();
  return (
    <>
      <DatasetHeading dataset={dataset} waves={[]} crumbs={[{ label: 'Datasets', href: '/' }, { label: dataset.title }]}>
        {/* Analyst mode only; the page itself says who may save. */}
        {!isPublicServer() && viewDefaultsOf(dataset).disclosure === 'analyst' && (
          <p>
            <Link className="button button--small" href={`/${encodeURIComponent(dataset.id)}/edit`} prefetch={false}>
              Edit questions
            </Link>
          </p>
        )}
      </DatasetHeading>
      {dataset.codebookError && (
        <Notice tone="error" title="The codebook (survey.json) could not be used">
          {dataset.codebookError}
        </Notice>
      )}
      <Suspense fallback={<SectionSkeleton label="Reading the survey…" />}>
        <ViewBody segment={segment} query={query} kind="overview">
          {(view, reference) => <WaveOverview view={view} reference={reference} />}
        </ViewBody>
      </Suspense>
    </>
  );
}
