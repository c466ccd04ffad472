import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import type { SearchParams } from '@/lib/view/state/search-params';
import { findDatasetBySegment } from '../../_server/resolve-dataset';
import { overviewHrefFor } from '../../_server/overview-href';
import { DatasetHeading } from '../../_sections/dataset-heading';
import { FindingsSection } from '../../_sections/findings-section';
import { ViewBody } from '../../_sections/view-body';
import { SectionSkeleton } from '../../ui/layout/skeletons';

interface Props {
  params: Promise<{ dataset: string }>;
  searchParams: Promise<SearchParams>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { dataset } = await params;
  return { title: `What stands out · ${findDatasetBySegment(dataset)?.title ?? 'Dataset not found'}` };
}

export default async function FindingsPage({ params, searchParams }: Props) {
  const [{ dataset: segment }, query] = await Promise.all([params, searchParams]);
  const dataset = findDatasetBySegment(segment);
  if (!dataset) notFound();
  const title = (
    <>
      <h1>What stands out</h1>
      <p className="lead">
        Every question of the wave tested for a real difference — the filtered respondents against the rest, or each group of a comparison against the rest —
        with the false discovery rate controlled, each finding one sentence linked to its chart.
      </p>
    </>
  );
  return (
    <>
      <DatasetHeading
        dataset={dataset}
        waves={[]}
        crumbs={[{ label: 'Datasets', href: '/' }, { label: dataset.title, href: overviewHrefFor(dataset, query) }, { label: 'What stands out' }]}
        title={title}
      />
      <Suspense fallback={<SectionSkeleton label="Testing every question…" />}>
        <ViewBody segment={segment} query={query} kind="findings">
          {(view, reference) => <FindingsSection view={view} reference={reference} />}
        </ViewBody>
      </Suspense>
    </>
  );
}
