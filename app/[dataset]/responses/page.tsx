import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { RESPONSES_PAGE_SIZE } from '@/lib/view/responses/read-responses-page';
import type { SearchParams } from '@/lib/view/state/search-params';
import { overviewHrefFor } from '../../_server/overview-href';
import { findDatasetBySegment } from '../../_server/resolve-dataset';
import { DatasetHeading } from '../../_sections/dataset-heading';
import { ResponsesSection } from '../../_sections/responses-section';
import { ViewBody } from '../../_sections/view-body';
import { SectionSkeleton } from '../../ui/layout/skeletons';

interface Props {
  params: Promise<{ dataset: string }>;
  searchParams: Promise<SearchParams>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { dataset } = await params;
  return { title: `Responses · ${findDatasetBySegment(dataset)?.title ?? 'Dataset not found'}` };
}

export default async function ResponsesPage({ params, searchParams }: Props) {
  const [{ dataset: segment }, query] = await Promise.all([params, searchParams]);
  const dataset = findDatasetBySegment(segment);
  if (!dataset) notFound();
  const overviewHref = overviewHrefFor(dataset, query);
  const title = (
    <>
      <h1>Responses</h1>
      <p className="lead">Every selected respondent’s answers as recorded, {RESPONSES_PAGE_SIZE} to a page. Line is where the record starts in the CSV file.</p>
    </>
  );
  return (
    <>
      <DatasetHeading
        dataset={dataset}
        waves={[]}
        crumbs={[{ label: 'Datasets', href: '/' }, { label: dataset.title, href: overviewHref }, { label: 'Responses' }]}
        title={title}
      />
      <Suspense fallback={<SectionSkeleton label="Reading the survey…" />}>
        <ViewBody segment={segment} query={query} kind="responses">
          {(view, reference) => <ResponsesSection view={view} reference={reference} />}
        </ViewBody>
      </Suspense>
    </>
  );
}
