import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { MAX_CSV_BYTES } from '@/lib/store/read-csv-file';
import { MAX_UPLOAD_FILES, uploadLimit } from '@/lib/store/stage-upload';
import { isPublicServer } from '@/lib/store/write-access';
import { readWriteAccess } from '../_server/write-guard';
import { AddSurvey } from '../ui/add/add-survey';
import { WriteRefused } from '../ui/add/write-refused';
import { Breadcrumbs } from '../ui/layout/breadcrumbs';

export const metadata: Metadata = { title: 'Add a survey' };

interface Props {
  searchParams: Promise<{ 'sign-in'?: string }>;
}

/** Add a survey: read in this tab's worker, reviewed, then saved. Public mode has no such page; a reader who may not write is told why. */
export default async function AddPage({ searchParams }: Props) {
  await connection();
  if (isPublicServer()) notFound();
  const [access, query] = await Promise.all([readWriteAccess(), searchParams]);
  return (
    <>
      <Breadcrumbs items={[{ label: 'Datasets', href: '/' }, { label: 'Add a survey' }]} />
      <header className="page-header">
        <h1>Add a survey</h1>
        <p className="lead">
          Drop the export of your survey (Google Forms, SurveyMonkey, Qualtrics, Typeform, LimeSurvey, Kaggle or Stack Overflow style). It is read here, in this
          tab; you check how each question was read, fix what was misread, then save it as a dataset.
        </p>
      </header>
      {access.allowed ? (
        <AddSurvey maxReadBytes={MAX_CSV_BYTES} maxUploadBytes={uploadLimit()} maxFiles={MAX_UPLOAD_FILES} />
      ) : (
        <WriteRefused reason={access.reason} signIn={access.signIn} failed={query['sign-in'] === 'failed'} next="/add" />
      )}
    </>
  );
}
