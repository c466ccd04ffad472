import Link from 'next/link';
import type { DatasetSource, WaveSource } from '@/lib/survey/discover-datasets';
import type { Question, Survey } from '@/lib/survey/types';
import { prepareView, type PreparedView } from '@/lib/analysis/prepare-view';
import { summarizeQuestion } from '@/lib/analysis/summarize-question';
import { buildChartData } from '@/lib/view/build-chart-data';
import { describeChartNote, describeWithheld } from '@/lib/view/describe-base';
import { formatCounted, formatFigure } from '@/lib/view/format-figure';
import type { Parsed } from '@/lib/view/parse-view-state';
import { writeDatasetHref, writeQuestionHref, writeResponsesHref } from '@/lib/view/write-view-query';
import { getWave } from '../_server/survey-store';
import { Notice, UrlNotes } from '../ui/layout/notice';
import { Pager } from '../ui/layout/pager';
import { StatList } from '../ui/layout/stat-list';
import { IssuesPanel } from '../ui/survey/issues-panel';
import { QuestionCard, type QuestionCardData } from '../ui/survey/question-card';
import { QuestionIndex } from '../ui/survey/question-index';
import { UnchartedList } from '../ui/survey/uncharted-list';
import { WaveError } from '../ui/survey/wave-error';

/** Charts per page: recharts for 400 questions at once is too heavy, and nobody reads 400 charts in one go. */
export const QUESTIONS_PER_PAGE = 24;
/** Bars per overview chart; the question page shows every option. */
const OVERVIEW_BARS = 8;

interface WaveOverviewProps {
  dataset: DatasetSource;
  wave: WaveSource;
  latestWave?: string;
  page: Parsed<number>;
}

function describeCard(question: Question, survey: Survey, prepared: PreparedView, href: string): QuestionCardData {
  const summary = summarizeQuestion(question, prepared.selection, prepared.settings);
  const chart = buildChartData(question, summary, OVERVIEW_BARS);
  const base = { id: question.id, label: question.label, kind: question.kind, href, answered: question.answeredCount, respondents: survey.size };
  const note = describeChartNote(summary, chart);
  const withheld = describeWithheld(summary);
  if (summary.type === 'not-charted' || withheld) return { ...base, reason: withheld ?? (summary.type === 'not-charted' ? summary.reason : ''), note };
  return { ...base, chart, note };
}

/** Everything under the wave switcher: the wave's figures, its issues and its questions, a page at a time. */
export async function WaveOverview({ dataset, wave, latestWave, page }: WaveOverviewProps) {
  const result = await getWave(dataset, wave);
  if (!result.ok) return <WaveError waveLabel={wave.label ?? wave.id} message={result.message} issues={result.issues} />;
  const { survey } = result;
  const view = { wave: wave.id };
  const pageCount = Math.max(1, Math.ceil(survey.questions.length / QUESTIONS_PER_PAGE));
  const shown = Math.min(page.value, pageCount);
  const notes = page.value > pageCount ? [...page.notes, `There are ${pageCount} pages of questions; showing the last one.`] : page.notes;
  const first = (shown - 1) * QUESTIONS_PER_PAGE;
  const hrefFor = (questionId: string) => writeQuestionHref(dataset.id, questionId, view, latestWave);
  const questions = survey.questions.slice(first, first + QUESTIONS_PER_PAGE);
  // The same preparation as the question page's default view, so a card and its page show the same figures.
  const prepared = prepareView(survey, { filters: [], baseRule: 'answered', weight: Boolean(dataset.codebook?.weight) });
  const cards = questions.map((question) => describeCard(question, survey, prepared, hrefFor(question.id)));
  const responsesHref = writeResponsesHref(dataset.id, view, latestWave);
  const pageHref = (target: number) => writeDatasetHref(dataset.id, { ...view, page: target }, latestWave);
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
  return (
    <>
      <UrlNotes notes={notes} />
      <StatList stats={stats} label={`Wave ${wave.label ?? wave.id} in figures`} />
      <div className="toolbar">
        <Link className="button button--primary" href={responsesHref}>
          Browse {survey.size === 1 ? 'the response' : `all ${formatCounted(survey.size, 'response')}`} →
        </Link>
      </div>
      {prepared.weightColumn && (
        <Notice>
          <p>Percentages are weighted by “{prepared.weightColumn}”; counts are unweighted respondents.</p>
        </Notice>
      )}
      <IssuesPanel issues={survey.issues} />
      {pageCount > 1 && (
        <QuestionIndex items={survey.questions.map(({ id, label, kind }) => ({ id, label, kind, href: hrefFor(id) }))} open={false} />
      )}
      <section className="section" aria-labelledby="questions-heading">
        <div className="section__head">
          <h2 id="questions-heading">Questions</h2>
          {pager}
        </div>
        <div className="card-grid">
          {cards.filter((card) => card.chart).map((card) => (
            <QuestionCard key={card.id} card={card} />
          ))}
        </div>
        <UnchartedList cards={cards.filter((card) => !card.chart)} responsesHref={responsesHref} />
        {pager}
      </section>
    </>
  );
}
