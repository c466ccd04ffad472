import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import type { SearchParams } from '@/lib/view/state/search-params';
import { askQuestion } from '@/lib/view/figures/ask-question';
import { listQuestionWaves } from '@/lib/view/figures/question-waves';
import { openView } from '../../../_server/open-view';
import { decodeSegment } from '../../../_server/resolve-dataset';
import { DatasetHeading } from '../../../_sections/dataset-heading';
import { GridPage } from '../../../_sections/grid-page';
import { QuestionSection } from '../../../_sections/question-section';
import { TrendSection } from '../../../_sections/trend-section';
import { ViewFrame } from '../../../_sections/view-frame';
import { UrlNotes } from '../../../ui/layout/notice';
import { QuestionHeading } from '../../../ui/survey/question-heading';
import { WaveErrors } from '../../../_sections/wave-errors';

interface Props {
  params: Promise<{ dataset: string; question: string }>;
  searchParams: Promise<SearchParams>;
}

/** The view and the question as asked, once per request: the metadata and the page share it. */
const open = cache(async (datasetSegment: string, questionSegment: string, query: SearchParams) => {
  // Every wave is read (cached) so the switcher can link each wave's own question and say where it was not asked.
  const view = await openView(datasetSegment, query, { everyWave: true });
  const id = decodeSegment(questionSegment);
  const asked = askQuestion(view, id);
  // Unknown question: a real 404, decided before anything streams. A wave that failed is shown as such.
  if (view.reference && !asked) notFound();
  return { view, id, asked };
});

async function openProps({ params, searchParams }: Props) {
  const [{ dataset, question }, query] = await Promise.all([params, searchParams]);
  return open(dataset, question, query);
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { view, id, asked } = await openProps(props);
  const label = asked?.kind === 'grid' ? asked.grid.label : (asked?.question.label ?? id);
  return { title: `${label}${view.state.wave === 'all' && asked?.kind !== 'grid' ? ' (trend)' : ''} · ${view.dataset.title}` };
}

export default async function QuestionPage(props: Props) {
  const { view, id, asked } = await openProps(props);
  const { dataset, state, hrefs, reference } = view;
  if (asked?.kind === 'grid' && reference) return <GridPage view={view} reference={reference} asked={asked} />;
  const question = asked?.kind === 'question' ? asked : undefined;
  const waves = listQuestionWaves(view, id, question);
  const crumbs = [
    { label: 'Datasets', href: '/' },
    { label: dataset.title, href: hrefs.overview({ ...state, wave: state.wave === 'all' ? undefined : state.wave }) },
    { label: question?.question.label ?? id },
  ];
  return (
    <>
      <DatasetHeading
        dataset={dataset}
        waves={waves.pills}
        crumbs={crumbs}
        title={question ? <QuestionHeading question={question.question} waveLabel={waves.label} grid={waves.grid} /> : <h1>{id}</h1>}
      />
      <UrlNotes notes={view.notes} />
      <WaveErrors view={view} />
      {reference && question && (
        <ViewFrame view={view} reference={reference} kind="question" path={hrefs.paths.question(id)} hrefFor={(next) => hrefs.question(id, next)}>
          {state.wave === 'all' && question.trend ? (
            <TrendSection view={view} reference={reference} asked={question} trend={question.trend} />
          ) : (
            <QuestionSection view={view} reference={reference} asked={question} trendLink={waves.trend} />
          )}
        </ViewFrame>
      )}
    </>
  );
}
