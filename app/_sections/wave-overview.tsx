import Link from 'next/link';
import { Suspense } from 'react';
import type { Grid, Question } from '@/lib/survey/types';
import { aggregatable } from '@/lib/analysis/question-figures';
import { buildGridFigures, describeRowBases, toGridChart } from '@/lib/view/figures/build-grid-view';
import { describeNetPromoter } from '@/lib/view/figures/build-stats';
import { changeView } from '@/lib/view/state/change-view';
import { describeChartNote, describeWeighting, describeWithheld } from '@/lib/view/words/describe-base';
import { askQuestion, type ViewContext } from '@/lib/view/figures/ask-question';
import { formatFigure } from '@/lib/view/words/format-figure';
import { listOverviewItems } from '@/lib/view/figures/list-overview-items';
import { buildQuestionView } from '@/lib/view/figures/question-view';
import { suppressionOf } from '@/lib/view/state/view-state';
import type { OpenView } from '../_server/open-view';
import type { Wave } from '@/lib/survey/types';
import { FindingsCard } from './findings-card';
import { HeadlineTrend } from './headline-trend';
import { Notice } from '../ui/layout/notice';
import { Pager } from '../ui/layout/pager';
import { CardSkeleton } from '../ui/layout/skeletons';
import { StatList } from '../ui/layout/stat-list';
import { IssuesPanel } from '../ui/survey/issues-panel';
import { GridCard, type GridCardData } from '../ui/survey/grid-card';
import { QuestionCard, type QuestionCardData } from '../ui/survey/question-card';
import { QuestionIndex } from '../ui/survey/question-index';
import { UnchartedList } from '../ui/survey/uncharted-list';

/** Charts per page: recharts for 400 questions at once is too heavy, and nobody reads 400 charts in one go. */
const QUESTIONS_PER_PAGE = 24;
/** Bars per overview chart; the question page shows every option. */
const OVERVIEW_BARS = 8;

const NOT_CHARTED: Partial<Record<Question['kind'], string>> = {
  text: 'Free-text answers are not charted or aggregated; read them in the responses table.',
  meta: 'Identifiers, timestamps and other response metadata are not charted.',
};

/** A card is of the wave shown, whatever else the view covers: the question as its page in that wave asks it. */
function cardView(view: OpenView, reference: Wave): ViewContext {
  return { dataset: view.dataset, defaults: view.defaults, state: { ...view.state, wave: reference.id }, loaded: [reference], reference };
}

function describeCard(view: OpenView, reference: Wave, question: Question): QuestionCardData {
  const { state, defaults, hrefs } = view;
  const base = { id: question.id, label: question.label, kind: question.kind, href: hrefs.question(question.id, state), answered: question.answeredCount };
  if (!aggregatable(question)) return { ...base, base: null, reason: NOT_CHARTED[question.kind], note: '' };
  // The weight is how the survey is read, not something respondents were asked: its page still charts it.
  if (question.id === reference.survey.weightQuestionId)
    return { ...base, base: null, reason: 'the survey’s weight, which the figures are weighted by', note: '' };
  // The card is its question page's default chart under the same filters (without the comparison).
  const asked = askQuestion(cardView(view, reference), question.id, { withSegment: false });
  if (asked?.kind !== 'question') return { ...base, base: null, reason: '', note: '' };
  const figures = buildQuestionView({ id: view.dataset.id, waves: [reference] }, asked, state, { limit: state.top ?? OVERVIEW_BARS });
  const rows = figures.result.rows;
  const withheld = describeWithheld(rows, suppressionOf(state, defaults));
  const note = describeChartNote(question, rows, figures.chart);
  const shown = rows.find((row) => row.segment === '(all)' && !row.flags.includes('excluded-from-base'));
  if (withheld || !figures.chart) return { ...base, base: null, reason: withheld ?? figures.result.problems.join(' '), note };
  const headline = question.kind === 'likert' && question.netPromoter ? describeNetPromoter(rows) : undefined;
  return { ...base, base: shown?.base ?? null, chart: figures.chart, note, ...(headline ? { headline } : {}) };
}

/** A grid's card: its rows' stacked bars under the same filters as its page (without the comparison). */
function describeGridCard(view: OpenView, reference: Wave, grid: Grid): GridCardData {
  const { state, hrefs } = view;
  const asked = askQuestion(cardView(view, reference), grid.id, { withSegment: false });
  if (asked?.kind !== 'grid') return { id: grid.id, label: grid.label, href: hrefs.question(grid.id, state), rows: grid.rowIds.length, reason: '', note: '' };
  const figures = buildGridFigures({ id: view.dataset.id, waves: [reference] }, asked, state);
  const everyone = figures.panels[0];
  const base = { id: grid.id, label: grid.label, href: hrefs.question(grid.id, state), rows: grid.rowIds.length };
  if (everyone.rows.every((row) => row.withheld))
    return { ...base, reason: 'Too few respondents in this selection answered these rows: figures are withheld.', note: '' };
  return { ...base, chart: toGridChart(grid, figures, everyone), note: `% of those who answered each row · ${describeRowBases(everyone)}` };
}

/** Everything under the filter sentence on a dataset's page: the wave in figures, its issues, and its questions a page at a time. */
export function WaveOverview({ view, reference }: { view: OpenView; reference: Wave }) {
  const { survey } = reference;
  const { state, hrefs } = view;
  // A grid is one card in place of its rows: pages count cards.
  const items = listOverviewItems(survey);
  const pageCount = Math.max(1, Math.ceil(items.length / QUESTIONS_PER_PAGE));
  const shown = Math.min(state.page, pageCount);
  const first = (shown - 1) * QUESTIONS_PER_PAGE;
  const onPage = items.slice(first, first + QUESTIONS_PER_PAGE);
  const cards = onPage.map((item) =>
    item.kind === 'grid' ? { grid: describeGridCard(view, reference, item.grid) } : { question: describeCard(view, reference, item.question) },
  );
  const pageHref = (target: number) => hrefs.overview(changeView(state, { page: target }));
  const pager = pageCount > 1 && (
    <Pager
      label="Question pages"
      status={`Questions ${first + 1}–${first + onPage.length} of ${items.length} · page ${shown} of ${pageCount}`}
      previousHref={shown > 1 ? pageHref(shown - 1) : undefined}
      nextHref={shown < pageCount ? pageHref(shown + 1) : undefined}
    />
  );
  const stats = [
    { label: 'Respondents', value: formatFigure(survey.size, 'count') },
    { label: 'Questions', value: formatFigure(survey.questions.length, 'count') },
    { label: 'Records read', value: formatFigure(survey.recordsRead, 'count') },
    { label: 'Columns', value: formatFigure(survey.columnCount, 'count') },
  ];
  const comparing = state.by ? survey.questions.find((question) => question.id === state.by) : undefined;
  const weighted = view.defaults.weighted && state.weighted;
  return (
    <>
      {state.page === 1 && <HeadlineTrend dataset={view.dataset} filterWave={reference.id} state={state} defaults={view.defaults} hrefs={hrefs} />}
      {state.page > pageCount && (
        <Notice tone="warning">
          <p>There are {pageCount} pages of questions; showing the last one.</p>
        </Notice>
      )}
      <StatList stats={stats} label={`Wave ${reference.label ?? reference.id} in figures`} />
      {state.page === 1 && (state.filters.length > 0 || state.by) && (
        <Suspense fallback={<CardSkeleton label="Testing every question for what stands out…" />}>
          <FindingsCard view={view} reference={reference} />
        </Suspense>
      )}
      <div className="toolbar">
        <Link className="button button--primary" href={hrefs.responses(changeView(state, { page: 1 }))}>
          Browse the responses →
        </Link>
        <Link className="button" href={hrefs.crosstab(changeView(state, { page: 1 }))} prefetch={false}>
          Crosstab →
        </Link>
        <Link className="button" href={hrefs.findings(changeView(state, { page: 1 }))} prefetch={false}>
          What stands out →
        </Link>
        <Link
          className="button button--small"
          href={hrefs.overview(changeView(state, { display: state.display === 'table' ? 'chart' : 'table' }))}
          scroll={false}
          prefetch={false}
        >
          {state.display === 'table' ? 'Show charts' : 'Show tables instead of charts'}
        </Link>
      </div>
      {comparing && (
        <Notice>
          <p>Comparing by “{comparing.label}” is shown on each question’s page: open a question to see its segments.</p>
        </Notice>
      )}
      {weighted && (
        <Notice>
          <p>{describeWeighting(view.dataset.codebook?.weight)}</p>
        </Notice>
      )}
      <IssuesPanel issues={survey.issues} />
      {pageCount > 1 && (
        <QuestionIndex
          items={items.map((item) =>
            item.kind === 'grid'
              ? { id: item.grid.id, label: item.grid.label, kind: 'grid' as const, href: hrefs.question(item.grid.id, state) }
              : { id: item.question.id, label: item.question.label, kind: item.question.kind, href: hrefs.question(item.question.id, state) },
          )}
          open={false}
        />
      )}
      <section className="section" aria-labelledby="questions-heading">
        <div className="section__head">
          <h2 id="questions-heading">Questions</h2>
          {pager}
        </div>
        <div className="card-grid">
          {cards.map((card) =>
            card.grid ? (
              <GridCard key={card.grid.id} card={card.grid} display={state.display} />
            ) : card.question.chart ? (
              <QuestionCard key={card.question.id} card={card.question} display={state.display} />
            ) : null,
          )}
        </div>
        <UnchartedList
          cards={cards.flatMap((card) => (card.question && !card.question.chart ? [card.question] : []))}
          responsesHref={hrefs.responses(changeView(state, { page: 1 }))}
        />
        {pager}
      </section>
    </>
  );
}
