import Link from 'next/link';
import type { Question } from '@/lib/survey/types';
import { INTERVAL_METHOD, isWeightedMethod } from '@/lib/analysis/figure';
import { aggregatable } from '@/lib/analysis/question-figures';
import { PROPORTION_TEST_METHOD } from '@/lib/analysis/proportion-tests';
import { changeView } from '@/lib/view/state/change-view';
import { describeBaseStatement, describeWeighting, describeWithheld } from '@/lib/view/words/describe-base';
import { writeDownloadBase } from '@/lib/view/words/download-name';
import { describeFilters } from '@/lib/view/words/describe-filters';
import { formatAll, formatCounted } from '@/lib/view/words/format-figure';
import { publicQuestions, withheldReason } from '@/lib/view/responses/private-columns';
import { readAnswersView } from '@/lib/view/responses/read-answers';
import { buildQuestionView } from '@/lib/view/figures/question-view';
import { packFigures } from '@/lib/view/figures/pack-figures';
import { rankingDetails } from '@/lib/view/figures/ranking-details';
import { suppressionOf, weightColumnOf } from '@/lib/view/state/view-state';
import { findWrittenIn, writtenInResponses } from '@/lib/view/figures/written-in';
import type { Wave } from '@/lib/survey/types';
import type { AskedQuestion } from '@/lib/view/figures/ask-question';
import { listCompareChoices } from '@/lib/view/figures/compare-choices';
import type { OpenView } from '../_server/open-view';
import { ChartDownloads } from '../ui/charts/chart-downloads';
import { ComparePicker } from '../ui/filters/compare-picker';
import { LevelPicker } from '../ui/filters/level-picker';
import { WeightPicker } from '../ui/filters/weight-picker';
import { weightPickerOf } from '@/lib/view/figures/weight-choices';
import { DisplayToggle } from '../ui/layout/display-toggle';
import { DownloadLinks } from '../ui/layout/download-links';
import { Notice } from '../ui/layout/notice';
import { StatList } from '../ui/layout/stat-list';
import { BaseStatement } from '../ui/survey/base-statement';
import { QuestionFigures } from '../ui/survey/question-figures';

/** More bars than this make a chart nobody can read; the table still lists every option. */
const CHART_BAR_LIMIT = 40;

interface QuestionSectionProps {
  view: OpenView;
  reference: Wave;
  asked: AskedQuestion;
  /** The question's trend, when it is the same question in two waves or more (lib/survey/link-waves). */
  trendLink?: { href: string; waves: number };
}

const HEADERS: Record<Question['kind'], { option: string; percent: string; chart: string }> = {
  single: { option: 'Option', percent: '% of base', chart: 'Answers' },
  likert: { option: 'Option', percent: '% of base', chart: 'Answers' },
  multi: { option: 'Option', percent: '% of base', chart: 'Answers' },
  ranking: { option: 'Item', percent: '% ranked first', chart: 'Ranked first' },
  numeric: { option: 'Range', percent: '% of answers', chart: 'Distribution' },
  text: { option: 'Option', percent: '%', chart: '' },
  meta: { option: 'Option', percent: '%', chart: '' },
};

/** Free text and metadata: never charted or in aggregated downloads; the answers are in the responses table. */
function NotAggregated({ view, question }: { view: OpenView; question: Question }) {
  const personal = withheldReason(question, view.dataset.codebook);
  if (personal) {
    return (
      <Notice title="Personal data: not shown">
        <p>
          “{question.label}” is not shown in charts, downloads or the responses table ({personal}).
        </p>
      </Notice>
    );
  }
  const available = publicQuestions(view.reference?.survey.questions ?? [], view.dataset.codebook);
  const why =
    question.kind === 'text'
      ? 'Free-text answers are not charted or aggregated: respondents are people, and their own words are read, not counted.'
      : 'Identifiers, timestamps and other response metadata are not charted.';
  return (
    <Notice title="Not charted">
      <p>{why}</p>
      <p>
        <Link className="button button--primary" href={view.hrefs.responses(readAnswersView(view.state, question, available))}>
          Read the answers in the responses table →
        </Link>
      </p>
    </Notice>
  );
}

/**
 * One question under the view: a toolbar (compare by, chart or table, downloads), who the
 * figures are of, summary figures, the chart and the full table — all from the rows of the
 * CSV download of this very view.
 */
export function QuestionSection({ view, reference, asked, trendLink }: QuestionSectionProps) {
  const { question } = asked;
  if (!aggregatable(question)) return <NotAggregated view={view} question={question} />;
  const { state, defaults, hrefs, dataset } = view;
  const figures = buildQuestionView({ id: dataset.id, waves: [...view.loaded] }, asked, state, { limit: state.top ?? CHART_BAR_LIMIT });
  const { result, chart, table } = figures;
  const threshold = suppressionOf(state, defaults);
  const latestRows = result.rows.filter((row) => row.wave === reference.id);
  const selection = result.selections.find((entry) => entry.wave === reference.id) ?? { selected: 0, size: reference.survey.size };
  const statement = describeBaseStatement(question, latestRows, selection, threshold);
  const withheld = describeWithheld(latestRows, threshold);
  const weighted = latestRows.some((row) => isWeightedMethod(row.ci_method));
  const notes = [...statement.notes, ...result.notes, ...result.problems.map((problem) => `Not shown: ${problem}.`)];
  if (weighted) notes.push(describeWeighting(weightColumnOf(state, defaults)));
  const headers = HEADERS[question.kind];
  const choices = listCompareChoices(
    reference.survey.questions,
    (q) => q.id === question.id,
    defaults.release && { policy: defaults.release, filters: state.filters },
  );
  const fileBase = writeDownloadBase(dataset.id, question.id, state, defaults);
  const lookup = (id: string) => reference.survey.questions.find((q) => q.id === id);
  const caption = [
    describeFilters(state.filters, lookup),
    statement.base,
    `${dataset.title}, ${state.wave === 'all' ? `waves ${defaults.waveIds.join(', ')}` : `wave ${reference.label ?? reference.id}`}.`,
  ];
  const ranking = question.kind === 'ranking' && table?.series.length === 1 ? Object.fromEntries(rankingDetails(latestRows)) : undefined;
  const writtenIn = state.wave === 'all' ? undefined : findWrittenIn(reference.survey, question, state);
  const readWrittenIn =
    writtenIn && writtenIn.count > 0 && !withheldReason(writtenIn.question, dataset.codebook)
      ? hrefs.responses(writtenInResponses(state, question, writtenIn))
      : undefined;
  return (
    <>
      <div className="toolbar view-toolbar">
        <ComparePicker choices={choices} current={state.by} />
        <LevelPicker current={state.level} />
        <WeightPicker {...weightPickerOf(reference.survey, state, view.defaults)} />
        <DisplayToggle questionId={question.id} state={state} hrefs={hrefs} />
        <span className="toolbar__links">
          {question.kind !== 'ranking' && question.kind !== 'numeric' && (
            <Link className="button button--small" href={hrefs.crosstab(changeView(state, { rows: [question.id], cols: state.by }))} prefetch={false}>
              Crosstab →
            </Link>
          )}
          {trendLink && (
            <Link className="button button--small" href={trendLink.href} prefetch={false}>
              Trend across {trendLink.waves} waves →
            </Link>
          )}
          <Link className="button button--small" href={hrefs.findings(changeView(state, { page: 1 }))} prefetch={false}>
            What stands out →
          </Link>
        </span>
        <DownloadLinks csvHref={hrefs.export(question.id, state, 'csv')} jsonHref={hrefs.export(question.id, state, 'json')} fileBase={fileBase}>
          {chart && state.display === 'chart' && !withheld && (
            <ChartDownloads questionId={question.id} title={question.label} caption={caption} fileBase={fileBase} />
          )}
        </DownloadLinks>
      </div>
      <BaseStatement base={statement.base} notes={notes} />
      {withheld ? (
        <Notice tone="warning" title="Figures withheld">
          <p>{withheld} Too few answers can identify people and say little about anyone else.</p>
        </Notice>
      ) : (
        <>
          {figures.stats.length > 0 && <StatList stats={figures.stats} label="Summary figures" />}
          {table && (
            <QuestionFigures
              figures={packFigures(question.label, table, state.display === 'chart' ? chart : undefined)}
              chartHeading={headers.chart}
              significanceMethod={weighted ? PROPORTION_TEST_METHOD.segment : PROPORTION_TEST_METHOD.pooled}
              table={{
                caption: formatAll(table.categories.length, question.kind === 'numeric' ? 'range' : question.kind === 'ranking' ? 'item' : 'option'),
                optionHeader: headers.option,
                percentHeader: headers.percent,
                intervalMethod: weighted ? INTERVAL_METHOD.weighted : INTERVAL_METHOD.unweighted,
                filterable: state.wave !== 'all',
                ranking,
              }}
            />
          )}
          {readWrittenIn && writtenIn && (
            <p className="written-in">
              “Other (written in)” is each respondent’s own words, read rather than counted.{' '}
              <Link href={readWrittenIn} prefetch={false}>
                Read the {formatCounted(writtenIn.count, 'typed-in answer')} →
              </Link>
            </p>
          )}
        </>
      )}
    </>
  );
}
