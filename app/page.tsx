import type { Metadata } from 'next';
import { connection } from 'next/server';
import Link from 'next/link';
import { Suspense } from 'react';
import { listDatasets } from '../lib/store/survey-store';
import { isPublicServer } from '../lib/store/write-access';
import { DatasetCard } from './_sections/dataset-card';
import { Notice } from './ui/layout/notice';
import { CardSkeleton } from './ui/layout/skeletons';

// The root layout's title template applies to child segments only, so this page spells it out.
export const metadata: Metadata = { title: { absolute: 'Datasets · Survey Lens' } };

export default async function HomePage() {
  // The list comes from the data folders at request time, never from the build.
  await connection();
  const datasets = listDatasets();
  const hasOwn = datasets.some((dataset) => dataset.origin !== 'bundled');
  const canAdd = !isPublicServer();
  return (
    <>
      <header className="page-header">
        <div className="page-header__title-row">
          <h1>Datasets</h1>
          {canAdd && (
            <Link href="/add" className="button button--primary">
              Add a survey
            </Link>
          )}
        </div>
        <p className="lead">
          Survey exports read from CSV files. Open a dataset to see every question charted, then drill into one question or browse the raw responses.
        </p>
      </header>
      {datasets.length === 0 ? (
        <Notice tone="warning" title="No datasets found">
          <p>Put survey CSV files in a folder under data/, or point SURVEY_LENS_DATA at folders of them.</p>
        </Notice>
      ) : (
        <div className="card-grid">
          {datasets.map((dataset) => (
            <Suspense key={dataset.id} fallback={<CardSkeleton label={`Reading ${dataset.title}…`} />}>
              <DatasetCard dataset={dataset} />
            </Suspense>
          ))}
        </div>
      )}
      {!hasOwn && (
        <p className="muted small">
          Only the bundled sample is listed. {canAdd ? 'Add your own with Add a survey, or set' : 'Set'} SURVEY_LENS_DATA to one or more folders of survey
          exports{canAdd ? '' : ' to add your own'}.
        </p>
      )}
    </>
  );
}
