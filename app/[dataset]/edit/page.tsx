import { statSync } from 'node:fs';
import path from 'node:path';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { readSchemaFile } from '@/lib/store/discover-datasets';
import { isPublicServer } from '@/lib/store/write-access';
import { MAX_CSV_BYTES } from '@/lib/store/read-csv-file';
import { findDatasetBySegment } from '../../_server/resolve-dataset';
import { readWriteAccess } from '../../_server/write-guard';
import { EditQuestions } from '../../ui/add/edit-questions';
import { WriteRefused } from '../../ui/add/write-refused';
import { Breadcrumbs } from '../../ui/layout/breadcrumbs';

interface Props {
  params: Promise<{ dataset: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Edit questions · ${findDatasetBySegment((await params).dataset)?.title ?? 'Dataset not found'}` };
}

/** Edit questions: the dataset's waves read again in this tab's worker under its codebook, reviewed, and only the codebook saved. */
export default async function EditQuestionsPage({ params }: Props) {
  await connection();
  if (isPublicServer()) notFound();
  const segment = (await params).dataset;
  const dataset = findDatasetBySegment(segment);
  if (!dataset) notFound();
  const access = await readWriteAccess();
  const waves = dataset.waves.map((wave) => ({
    waveId: wave.id,
    name: path.basename(wave.path),
    size: statSync(wave.path, { throwIfNoEntry: false })?.size ?? 0,
    url: `/${encodeURIComponent(dataset.id)}/edit/files/${encodeURIComponent(wave.id)}`,
    ...(wave.schema ? { publisher: readSchemaFile(path.join(dataset.dir, wave.schema)) } : {}),
  }));
  return (
    <>
      <Breadcrumbs
        items={[{ label: 'Datasets', href: '/' }, { label: dataset.title, href: `/${encodeURIComponent(dataset.id)}` }, { label: 'Edit questions' }]}
      />
      <header className="page-header">
        <h1>Edit questions: {dataset.title}</h1>
        <p className="lead">
          Its files are read again here, in this tab, with its codebook. Change a kind, an option order, the weight or a wave link; saving writes only the
          codebook, never the data files.
        </p>
      </header>
      {access.allowed ? (
        <EditQuestions id={dataset.id} waves={waves} codebook={dataset.codebook ?? {}} uploaded={dataset.origin === 'uploaded'} maxReadBytes={MAX_CSV_BYTES} />
      ) : (
        <WriteRefused reason={access.reason} signIn={access.signIn} failed={false} next={`/${encodeURIComponent(dataset.id)}/edit`} />
      )}
    </>
  );
}
