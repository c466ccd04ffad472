import type { Metadata } from 'next';
import type { SearchParams } from '@/lib/view/search-params';
import { writeDatasetHref, writeExportHref, writeQuestionHref, writeResponsesHref } from '@/lib/view/write-view-query';
import { getWaves } from '../../../_server/survey-store';
import { resolveQuestion } from '../../../_server/resolve-question';
import { resolveAnalysis } from '../../../_server/resolve-analysis';
import { findWaveStates, listWaveLinks } from '../../../_server/list-wave-links';
import { DatasetHeading } from '../../../_sections/dataset-heading';
import { QuestionDetail } from '../../../_sections/question-detail';
import { UrlNotes } from '../../../ui/layout/notice';
import { QuestionHeading } from '../../../ui/survey/question-heading';
import { WaveError } from '../../../ui/survey/wave-error';

interface Props {
  params: Promise<{ dataset: string; question: string }>;
  searchParams: Promise<SearchParams>;
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { dataset, question, questionId } = await resolveQuestion(params, searchParams);
  return { title: `${question?.label ?? questionId} · ${dataset.title}` };
}

export default async function QuestionPage({ params, searchParams }: Props) {
  const request = await resolveQuestion(params, searchParams);
  const { dataset, wave, latestWave, questionId, question } = request;
  const view = { wave: wave.id };
  // Other waves are parsed too (cached) so the switcher can say where this question was not asked.
  const states = findWaveStates(await getWaves(dataset), questionId);
  const waves = listWaveLinks(dataset, wave.id, (id) => writeQuestionHref(dataset.id, questionId, { wave: id }, latestWave), states);
  const crumbs = [{ label: 'Datasets', href: '/' }, { label: dataset.title, href: writeDatasetHref(dataset.id, view, latestWave) }, { label: question?.label ?? questionId }];
  const waveLabel = wave.label ?? wave.id;
  const analysis = request.survey && resolveAnalysis(dataset, request.survey, wave.id, questionId, await searchParams);
  return (
    <>
      <DatasetHeading dataset={dataset} waves={waves} crumbs={crumbs} title={question ? <QuestionHeading question={question} waveLabel={waveLabel} /> : <h1>{questionId}</h1>} />
      <UrlNotes notes={request.notes} />
      {request.failure ? (
        <WaveError waveLabel={waveLabel} message={request.failure.message} issues={request.failure.issues} />
      ) : (
        <QuestionDetail
          question={request.question}
          analysis={analysis!}
          responsesHref={writeResponsesHref(dataset.id, { ...view, sort: questionId }, latestWave)}
          exportHrefs={{ csv: writeExportHref(dataset.id, questionId, analysis!.pairs, 'csv'), json: writeExportHref(dataset.id, questionId, analysis!.pairs, 'json') }}
        />
      )}
    </>
  );
}
