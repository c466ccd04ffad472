import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import type { SearchParams } from '@/lib/view/state/search-params';
import { findDatasetBySegment } from '../../_server/resolve-dataset';
import { overviewHrefFor } from '../../_server/overview-href';
import { DatasetHeading } from '../../_sections/dataset-heading';
import { CrosstabSection } from '../../_sections/crosstab-section';
import { ViewBody } from '../../_sections/view-body';
import { SectionSkeleton } from '../../ui/layout/skeletons';

interface Props {
  params: Promise<{ dataset: string }>;
  searchParams: Promise<SearchParams>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { dataset } = await params;
  return { title: `Crosstab · ${findDatasetBySegment(dataset)?.title ?? 'Dataset not found'}` };
}

export default async function CrosstabPage({ params, searchParams }: Props) {
  const [{ dataset: segment }, query] = await Promise.all([params, searchParams]);
  const dataset = findDatasetBySegment(segment);
  if (!dataset) notFound();
  const title = (
    <>
      <h1>Crosstab</h1>
      <p className="lead">One question against another: who answered what, by group, with the differences that are more than chance marked.</p>
    </>
  );
  return (
    <>
      <DatasetHeading
        dataset={dataset}
        waves={[]}
        crumbs={[{ label: 'Datasets', href: '/' }, { label: dataset.title, href: overviewHrefFor(dataset, query) }, { label: 'Crosstab' }]}
        title={title}
      />
      <Suspense fallback={<SectionSkeleton label="Reading the survey…" />}>
        <ViewBody segment={segment} query={query} kind="crosstab">
          {(view, reference) => <CrosstabSection view={view} reference={reference} />}
        </ViewBody>
      </Suspense>
    </>
  );
}
