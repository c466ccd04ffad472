import Link from 'next/link';
import type { Question } from '@/lib/survey/types';
import { aggregatable } from '@/lib/analysis/question-figures';
import { changeView } from '@/lib/view/change-view';
import { describeChartNote, describeWithheld } from '@/lib/view/describe-base';
import { formatFigure } from '@/lib/view/format-figure';
import { buildQuestionView } from '@/lib/view/question-view';
import { suppressionOf } from '@/lib/view/view-state';
import type { LoadedWave, OpenView } from '../_server/open-view';
import { HeadlineTrend } from './headline-trend';
import { Notice } from '../ui/layout/notice';
import { Pager } from '../ui/layout/pager';
import { StatList } from '../ui/layout/stat-list';
import { IssuesPanel } from '../ui/survey/issues-panel';
import { QuestionCard, type QuestionCardData } from '../ui/survey/question-card';
import { QuestionIndex } from '../ui/survey/question-index';
import { UnchartedList } from '../ui/survey/uncharted-list';

/** Charts per page: recharts for 400 questions at once is too heavy, and nobody reads 400 charts in one go. */
export const QUESTIONS_PER_PAGE = 24;
/** Bars per overview chart; the question page shows every option. */
const OVERVIEW_BARS = 8;

const NOT_CHARTED: Partial<Record<Question['kind'], string>> = {
  text: 'Free-text answers are not charted or aggregated; read them in the responses table.',
  meta: 'Identifiers, timestamps and other response metadata are not charted.',
};

function describeCard(view: OpenView, reference: LoadedWave, question: Question): QuestionCardData {
  const { state, defaults, links } = view;
  const base = { id: question.id, label: question.label, kind: question.kind, href: links.question(question.id, state), answered: question.answeredCount };
  if (!aggregatable(question)) return { ...base, base: null, reason: NOT_CHARTED[question.kind], note: '' };
  // The card is its question page's default chart under the same filters (without the comparison).
  const figures = buildQuestionView({ id: view.dataset.id, waves: [reference] }, question, state, defaults, { limit: state.top ?? OVERVIEW_BARS, withSegment: false });
  const rows = figures.result.rows;
  const withheld = describeWithheld(rows, suppressionOf(state, defaults));
  const note = describeChartNote(question, rows, figures.chart);
  const shown = rows.find((row) => row.segment === '(all)' && !row.flags.includes('excluded-from-base'));
  if (withheld || !figures.chart) return { ...base, base: null, reason: withheld ?? figures.result.problems.join(' '), note };
  return { ...base, base: shown?.base ?? null, chart: figures.chart, note };
}

/** Everything under the filter sentence on a dataset's page: the wave in figures, its issues, and its questions a page at a time. */
export function WaveOverview({ view, reference }: { view: OpenView; reference: LoadedWave }) {
  const { survey } = reference;
  const { state, links } = view;
  const pageCount = Math.max(1, Math.ceil(survey.questions.length / QUESTIONS_PER_PAGE));
  const shown = Math.min(state.page, pageCount);
  const first = (shown - 1) * QUESTIONS_PER_PAGE;
  const questions = survey.questions.slice(first, first + QUESTIONS_PER_PAGE);
  const cards = questions.map((question) => describeCard(view, reference, question));
  const pageHref = (target: number) => links.overview(changeView(state, { page: target }));
  const pager = pageCount > 1 && (
    <Pager
      label="Question pages"
      status={`Questions ${first + 1}–${first + questions.length} of ${survey.questions.length} · page ${shown} of ${pageCount}`}
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
      {state.page === 1 && <HeadlineTrend dataset={view.dataset} filterWave={reference.id} state={state} defaults={view.defaults} links={links} />}
      {state.page > pageCount && <Notice tone="warning"><p>There are {pageCount} pages of questions; showing the last one.</p></Notice>}
      <StatList stats={stats} label={`Wave ${reference.source.label ?? reference.id} in figures`} />
      <div className="toolbar">
        <Link className="button button--primary" href={links.responses(changeView(state, { page: 1 }))}>
          Browse the responses →
        </Link>
        <Link className="button" href={links.crosstab(changeView(state, { page: 1 }))} prefetch={false}>
          Crosstab →
        </Link>
        <Link className="button button--small" href={links.overview(changeView(state, { display: state.display === 'table' ? 'chart' : 'table' }))} scroll={false} prefetch={false}>
          {state.display === 'table' ? 'Show charts' : 'Show tables instead of charts'}
        </Link>
      </div>
      {comparing && <Notice><p>Comparing by “{comparing.label}” is shown on each question’s page: open a question to see its segments.</p></Notice>}
      {weighted && <Notice><p>Percentages are weighted by “{view.dataset.codebook?.weight}”; counts are unweighted respondents.</p></Notice>}
      <IssuesPanel issues={survey.issues} />
      {pageCount > 1 && <QuestionIndex items={survey.questions.map(({ id, label, kind }) => ({ id, label, kind, href: links.question(id, state) }))} open={false} />}
      <section className="section" aria-labelledby="questions-heading">
        <div className="section__head">
          <h2 id="questions-heading">Questions</h2>
          {pager}
        </div>
        <div className="card-grid">
          {cards.filter((card) => card.chart).map((card) => (
            <QuestionCard key={card.id} card={card} display={state.display} />
          ))}
        </div>
        <UnchartedList cards={cards.filter((card) => !card.chart)} responsesHref={links.responses(changeView(state, { page: 1 }))} />
        {pager}
      </section>
    </>
  );
}
