import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import type { SearchParams } from '@/lib/view/search-params';
import { changeView } from '@/lib/view/change-view';
import { getWaves } from '../../../_server/survey-store';
import { openView } from '../../../_server/open-view';
import { decodeSegment } from '../../../_server/resolve-dataset';
import { findWaveStates, listWaveLinks } from '../../../_server/list-wave-links';
import { DatasetHeading } from '../../../_sections/dataset-heading';
import { QuestionFigures } from '../../../_sections/question-figures';
import { ViewFrame } from '../../../_sections/view-frame';
import { UrlNotes } from '../../../ui/layout/notice';
import { QuestionHeading } from '../../../ui/survey/question-heading';
import { WaveError } from '../../../ui/survey/wave-error';

interface Props {
  params: Promise<{ dataset: string; question: string }>;
  searchParams: Promise<SearchParams>;
}

async function open({ params, searchParams }: Props) {
  const [{ dataset, question }, query] = await Promise.all([params, searchParams]);
  const view = await openView(dataset, query);
  const questionId = decodeSegment(question);
  const found = view.reference?.survey.questions.find((candidate) => candidate.id === questionId || candidate.id === question);
  // Unknown question: a real 404, decided before anything streams. A wave that failed is shown as such.
  if (view.reference && !found) notFound();
  return { view, questionId, question: found };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { view, question, questionId } = await open(props);
  return { title: `${question?.label ?? questionId} · ${view.dataset.title}` };
}

export default async function QuestionPage(props: Props) {
  const { view, questionId, question } = await open(props);
  const { dataset, state, links, reference } = view;
  // Other waves are read too (cached), so the switcher can say where this question was not asked.
  const states = findWaveStates(await getWaves(dataset), questionId);
  const waves = listWaveLinks(dataset, state.wave, (id) => links.question(questionId, changeView(state, { wave: id })), states, true);
  const crumbs = [{ label: 'Datasets', href: '/' }, { label: dataset.title, href: links.overview(state) }, { label: question?.label ?? questionId }];
  const waveLabel = state.wave === 'all' ? 'all waves' : (reference?.source.label ?? reference?.id ?? '');
  const failure = view.failures[0];
  return (
    <>
      <DatasetHeading dataset={dataset} waves={waves} crumbs={crumbs} title={question ? <QuestionHeading question={question} waveLabel={waveLabel} /> : <h1>{questionId}</h1>} />
      <UrlNotes notes={view.notes} />
      {failure && <WaveError waveLabel={failure.wave.label ?? failure.wave.id} message={failure.message} issues={failure.issues} />}
      {reference && question && (
        <ViewFrame view={view} reference={reference} kind="question" path={links.paths.question(question.id)} hrefFor={(next) => links.question(question.id, next)}>
          <QuestionFigures view={view} reference={reference} question={question} />
        </ViewFrame>
      )}
    </>
  );
}
