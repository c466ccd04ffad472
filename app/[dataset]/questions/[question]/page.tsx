import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import type { SearchParams } from '@/lib/view/search-params';
import { changeView } from '@/lib/view/change-view';
import { dropSelfComparison } from '@/lib/view/drop-self-comparison';
import { homeWaveOf, trendAnchorFor, trendOf, optionValuesIn } from '@/lib/view/trend-links';
import { getWaveLinks, getWaves } from '../../../_server/survey-store';
import { openView } from '../../../_server/open-view';
import { decodeSegment } from '../../../_server/resolve-dataset';
import { DatasetHeading } from '../../../_sections/dataset-heading';
import { GridPage } from '../../../_sections/grid-page';
import { QuestionFigures } from '../../../_sections/question-figures';
import { TrendFigures } from '../../../_sections/trend-figures';
import { ViewFrame } from '../../../_sections/view-frame';
import { UrlNotes } from '../../../ui/layout/notice';
import { QuestionHeading } from '../../../ui/survey/question-heading';
import { WaveError } from '../../../ui/survey/wave-error';
import type { WaveLink } from '../../../ui/survey/wave-switcher';

interface Props {
  params: Promise<{ dataset: string; question: string }>;
  searchParams: Promise<SearchParams>;
}

async function open({ params, searchParams }: Props) {
  const [{ dataset, question }, query] = await Promise.all([params, searchParams]);
  const view = await openView(dataset, query);
  const questionId = decodeSegment(question);
  // In a trend the question may be one the latest wave no longer asks: the wave `_as` names, else the latest that has it.
  const home = view.state.wave === 'all' ? homeWaveOf(view.loaded, questionId, view.state.asIn) : view.reference;
  const found = home?.survey.questions.find((candidate) => candidate.id === questionId);
  // A grid (matrix question) is reached like a question: its page is of the wave shown, in a trend the latest.
  const grid = found ? undefined : view.reference?.survey.grids.find((candidate) => candidate.id === questionId);
  // Unknown question: a real 404, decided before anything streams. A wave that failed is shown as such.
  if (view.reference && !grid && (!found || (view.state.wave !== 'all' && home !== view.reference))) notFound();
  return { view: dropSelfComparison(view, questionId, found?.label ?? grid?.label ?? questionId), questionId, question: found, home, grid };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { view, question, questionId, grid } = await open(props);
  return { title: `${question?.label ?? grid?.label ?? questionId}${view.state.wave === 'all' && !grid ? ' (trend)' : ''} · ${view.dataset.title}` };
}

export default async function QuestionPage(props: Props) {
  const { view, questionId, question, home, grid } = await open(props);
  const { dataset, state, links, reference } = view;
  if (grid && reference) return <GridPage view={view} reference={reference} grid={grid} />;
  // Every wave is read (cached) so the switcher can link each wave's own question and say where it was not asked.
  const results = await getWaves(dataset);
  const loaded = results.flatMap((result) => (result.ok ? [{ id: result.wave.id, survey: result.survey }] : []));
  const trend = home
    ? trendOf(
        getWaveLinks(dataset, loaded),
        loaded.map((wave) => wave.id),
        home.id,
        questionId,
        dataset.codebook,
        { filterWave: reference?.id ?? home.id, filters: state.filters, by: state.by, optionValues: optionValuesIn(loaded) },
      )
    : undefined;
  const idIn = (waveId: string) => trend?.links.ids[waveId];
  const waves: WaveLink[] = dataset.waves.map((wave) => {
    const failed = results.some((result) => result.wave.id === wave.id && !result.ok);
    const id = idIn(wave.id);
    const other = trend?.askedDifferently.find((entry) => entry.waveId === wave.id);
    return {
      id: wave.id,
      label: wave.label ?? wave.id,
      href: links.question(id ?? other?.questionId ?? questionId, changeView(state, { wave: wave.id })),
      state: failed ? 'failed' : other ? 'different' : !id ? 'missing' : state.wave !== 'all' && wave.id === reference?.id ? 'current' : 'available',
    };
  });
  const trendHref =
    home && Object.keys(trend?.links.ids ?? {}).length > 1
      ? links.question(questionId, changeView(state, { wave: 'all', asIn: trendAnchorFor(loaded, questionId, home.id) }))
      : undefined;
  if (trendHref) waves.push({ id: 'all', label: 'All waves (trend)', href: trendHref, state: state.wave === 'all' ? 'current' : 'available' });
  const crumbs = [
    { label: 'Datasets', href: '/' },
    { label: dataset.title, href: links.overview(changeView(state, { wave: state.wave === 'all' ? undefined : state.wave })) },
    { label: question?.label ?? questionId },
  ];
  const waveLabel = state.wave === 'all' ? 'all waves' : (reference?.source.label ?? reference?.id ?? '');
  const ownGrid = question?.grid ? home?.survey.grids.find((candidate) => candidate.id === question.grid) : undefined;
  const gridLink = ownGrid && {
    label: ownGrid.label,
    rows: ownGrid.rowIds.length,
    href: links.question(ownGrid.id, changeView(state, { wave: state.wave === 'all' ? home?.id : state.wave })),
  };
  return (
    <>
      <DatasetHeading
        dataset={dataset}
        waves={waves}
        crumbs={crumbs}
        title={question ? <QuestionHeading question={question} waveLabel={waveLabel} grid={gridLink} /> : <h1>{questionId}</h1>}
      />
      <UrlNotes notes={view.notes} />
      {view.failures.map((failure) => (
        <WaveError
          key={failure.wave.id}
          waveLabel={failure.wave.label ?? failure.wave.id}
          message={failure.message}
          issues={failure.issues}
          inTrend={view.state.wave === 'all' && view.loaded.length > 0}
        />
      ))}
      {reference && question && home && (
        <ViewFrame
          view={view}
          reference={reference}
          kind="question"
          path={links.paths.question(question.id)}
          hrefFor={(next) => links.question(question.id, next)}
        >
          {state.wave === 'all' && trend ? (
            <TrendFigures view={view} reference={reference} question={question} trend={trend} />
          ) : (
            <QuestionFigures
              view={view}
              reference={reference}
              question={question}
              trend={trendHref ? { href: trendHref, waves: Object.keys(trend?.links.ids ?? {}).length } : undefined}
            />
          )}
        </ViewFrame>
      )}
    </>
  );
}
