import { weightColumnOf } from '@/lib/view/state/view-state';
import Link from 'next/link';
import { isWeightedMethod } from '@/lib/analysis/figure';
import { PROPORTION_TEST_METHOD } from '@/lib/analysis/proportion-tests';
import { buildTrendData } from '@/lib/view/figures/build-trend-data';
import { buildWaveSummary } from '@/lib/view/figures/build-wave-summary';
import { changeView } from '@/lib/view/state/change-view';
import { describeFilters } from '@/lib/view/words/describe-filters';
import { writeDownloadBase } from '@/lib/view/words/download-name';
import { formatAll, formatFigure } from '@/lib/view/words/format-figure';
import { describeOptionChanges } from '@/lib/view/words/describe-option-changes';
import { activeValuesOf, buildQuestionView } from '@/lib/view/figures/question-view';
import type { QuestionTrend } from '@/lib/view/figures/trend-links';
import type { Wave } from '@/lib/survey/types';
import type { AskedQuestion } from '@/lib/view/figures/ask-question';
import { listCompareChoices } from '@/lib/view/figures/compare-choices';
import { describeWeighting } from '@/lib/view/words/describe-base';
import type { OpenView } from '../_server/open-view';
import { ChartDownloads } from '../ui/charts/chart-downloads';
import { ChartLegend } from '../ui/charts/chart-legend';
import { QuestionChart } from '../ui/charts/question-chart';
import { TrendChart } from '../ui/charts/trend-chart';
import { ComparePicker } from '../ui/filters/compare-picker';
import { LevelPicker } from '../ui/filters/level-picker';
import { WeightPicker } from '../ui/filters/weight-picker';
import { weightPickerOf } from '@/lib/view/figures/weight-choices';
import { DisplayToggle } from '../ui/layout/display-toggle';
import { DownloadLinks } from '../ui/layout/download-links';
import { Notice } from '../ui/layout/notice';
import { BaseStatement } from '../ui/survey/base-statement';
import { ScrollFrame } from '../ui/tables/scroll-frame';
import { TrendTable } from '../ui/tables/trend-table';

/** Lines drawn by default; the rest are one click away (`_top`). */
export const TREND_LINES = 5;
/** Panels of a compared trend: one per segment, the largest first. */
const MAX_PANELS = 6;

interface TrendSectionProps {
  view: OpenView;
  reference: Wave;
  asked: AskedQuestion;
  trend: QuestionTrend;
}

const MEASURE_WORDS: Record<string, string> = {
  share: '% of respondents who answered',
  ranked_first: '% who ranked it first',
  bin: '% of respondents who answered, by range',
};

/**
 * Where a wave's question was a different one, or not asked: said, with a link to that wave's own
 * page and, when a codebook can join them, how. A wave that asked the question but has no figure
 * here (a filter it could not apply) is not "not asked": the notes under the figures say why.
 */
function TrendNotes({ view, trend }: { view: OpenView; trend: QuestionTrend }) {
  const notAsked = view.defaults.waveIds.filter(
    (wave) => trend.links.ids[wave] === undefined && !trend.askedDifferently.some((entry) => entry.waveId === wave),
  );
  const changes = describeOptionChanges(trend.optionChanges);
  return (
    <>
      {(trend.askedDifferently.length > 0 || notAsked.length > 0) && (
        <Notice title="Not every wave is in this trend">
          {trend.askedDifferently.map((entry) => (
            <p key={entry.waveId}>
              Asked differently in {entry.waveId}: “{entry.label}” — {entry.why}, so it is not part of this trend.
              {entry.join ? <> {entry.join.charAt(0).toUpperCase() + entry.join.slice(1)}.</> : ''}{' '}
              <Link href={view.hrefs.question(entry.questionId, changeView(view.state, { wave: entry.waveId, filters: [], by: undefined }))} prefetch={false}>
                See {entry.waveId}’s question →
              </Link>
            </p>
          ))}
          {notAsked.length > 0 && <p>Not asked in {notAsked.join(', ')}.</p>}
        </Notice>
      )}
      {changes.length > 0 && (
        <Notice title="The answer options changed between waves">
          <p>Each option is drawn only in the waves that offered it (“–” elsewhere).</p>
          <ul className="option-changes">
            {changes.map((sentence) => (
              <li key={sentence}>{sentence}</li>
            ))}
          </ul>
        </Notice>
      )}
    </>
  );
}

/**
 * A question across waves: the waves where it is the same question, one line per option with
 * intervals, the change between waves tested, small multiples when compared by a segment, and
 * the table and download of the very same rows.
 */
export function TrendSection({ view, reference, asked, trend }: TrendSectionProps) {
  const { state, defaults, hrefs, dataset } = view;
  const { question } = asked;
  const figures = buildQuestionView({ id: dataset.id, waves: [...view.loaded] }, asked, state, { limit: Infinity });
  const rows = figures.result.rows;
  const active = activeValuesOf(state, question.id);
  const overall = buildTrendData(question, rows, { limit: state.top ?? TREND_LINES, activeValues: active });
  const table = buildTrendData(question, rows, { limit: Infinity, activeValues: active });
  const waves = overall?.waves ?? [];
  const weighted = rows.some((row) => isWeightedMethod(row.ci_method));
  const fileBase = writeDownloadBase(dataset.id, question.id, state, defaults);
  const choices = listCompareChoices(
    reference.survey.questions,
    (q) => q.id === question.id,
    defaults.release && { policy: defaults.release, filters: state.filters },
  );
  const segments = state.by ? [...new Set(rows.filter((row) => row.segment !== '(all)').map((row) => row.segment))].slice(0, MAX_PANELS) : [];
  const summary = buildWaveSummary(rows, waves);
  const panels = segments.flatMap(
    (segment) => buildTrendData(question, rows, { limit: Infinity, activeValues: active, segment, order: overall?.lines.map((line) => line.key) }) ?? [],
  );
  const yMax = Math.max(0, ...panels.flatMap((panel) => panel.lines.flatMap((line) => line.points.map((point) => point?.percent ?? 0))));
  const testMethod = weighted ? PROPORTION_TEST_METHOD.waves : PROPORTION_TEST_METHOD.pooled;
  const rankedAtAll =
    question.kind === 'ranking' ? buildTrendData(question, rows, { limit: Infinity, activeValues: active, measure: 'ranked_at_all' }) : undefined;
  const rankedTop3 =
    question.kind === 'ranking' && question.maxRank > 3
      ? buildTrendData(question, rows, { limit: Infinity, activeValues: active, measure: 'ranked_top3' })
      : undefined;
  const bases = overall
    ? waves.map((wave, w) => `${wave}: ${overall.bases[w] === null ? 'withheld' : formatFigure(overall.bases[w] ?? NaN, 'count')}`).join(' · ')
    : '';
  const caption = [
    describeFilters(state.filters, (id) => reference.survey.questions.find((q) => q.id === id)),
    `Base per wave — ${bases}.`,
    `${dataset.title}, waves ${waves.join(', ')}.`,
  ];
  return (
    <>
      <div className="toolbar view-toolbar">
        <ComparePicker choices={choices} current={state.by} />
        <LevelPicker current={state.level} />
        <WeightPicker {...weightPickerOf(reference.survey, state, view.defaults)} />
        <DisplayToggle questionId={question.id} state={state} hrefs={hrefs} />
        <Link className="button button--small" href={hrefs.findings(changeView(state, { wave: undefined, page: 1 }))} prefetch={false}>
          What stands out →
        </Link>
        <DownloadLinks csvHref={hrefs.export(question.id, state, 'csv')} jsonHref={hrefs.export(question.id, state, 'json')} fileBase={fileBase}>
          {overall && waves.length > 1 && state.display === 'chart' && (
            <ChartDownloads questionId={question.id} title={question.label} caption={caption} fileBase={fileBase} />
          )}
        </DownloadLinks>
      </div>
      <TrendNotes view={view} trend={trend} />
      {waves.length < 2 ? (
        <Notice title="No trend to show">
          <p>
            This question has figures in {waves.length === 1 ? `${waves[0]} only` : 'no wave under these filters'}.{' '}
            <Link href={hrefs.question(question.id, changeView(state, { wave: undefined }))}>Show the latest wave →</Link>
          </p>
        </Notice>
      ) : (
        <>
          <BaseStatement
            base={`${MEASURE_WORDS[overall?.measure ?? 'share'] ?? ''}, per wave. Base per wave — ${bases}.`}
            notes={[
              ...(question.kind === 'multi' ? ['Respondents could choose several options; percentages can add up to more than 100%.'] : []),
              ...figures.result.notes.filter((note) => !/^wave \S+: (not asked|asked differently)/.test(note)),
              ...(weighted ? [describeWeighting(weightColumnOf(state, defaults))] : []),
            ]}
          />
          {segments.length === 0 && overall && state.display === 'chart' && (
            <section className="card" aria-labelledby="trend-heading">
              <h2 id="trend-heading">
                Trend, {waves[0]}–{waves.at(-1)}
              </h2>
              {question.kind === 'numeric' && figures.chart ? (
                <>
                  <QuestionChart data={figures.chart} variant="full" />
                  <ChartLegend data={figures.chart} />
                </>
              ) : (
                <TrendChart data={overall} variant="full" />
              )}
              {overall.hidden > 0 && (
                <p className="small">
                  The {overall.lines.length} options largest in {waves.at(-1)} are drawn.{' '}
                  <Link href={hrefs.question(question.id, changeView(state, { top: overall.lines.length + overall.hidden }))} scroll={false}>
                    Draw all {overall.lines.length + overall.hidden}
                  </Link>
                </p>
              )}
            </section>
          )}
          {segments.length > 0 && state.display === 'chart' && (
            <section className="card" aria-labelledby="trend-heading">
              <h2 id="trend-heading">Trend by segment</h2>
              <p className="small muted">
                One panel per segment (the {segments.length} largest), same scale, so each segment’s change reads on its own and panels compare side by side.
              </p>
              <div className="small-multiples">
                {panels.map((data) => (
                  <TrendChart key={data.segment} data={data} variant="compact" title={data.segment} yMax={yMax} />
                ))}
              </div>
            </section>
          )}
          {table && (
            <TrendTable
              data={table}
              caption={`${formatAll(table.lines.length, question.kind === 'ranking' ? 'item' : question.kind === 'numeric' ? 'range' : 'option')}${question.kind === 'ranking' ? ': % ranked first' : ''}, by wave`}
              optionHeader={question.kind === 'ranking' ? 'Item' : 'Option'}
              testMethod={testMethod}
            />
          )}
          {rankedTop3 && (
            <TrendTable
              data={rankedTop3}
              caption={`${formatAll(rankedTop3.lines.length, 'item')}: % who ranked it in their top 3, by wave`}
              optionHeader="Item"
              testMethod={testMethod}
            />
          )}
          {rankedAtAll && (
            <TrendTable
              data={rankedAtAll}
              caption={`${formatAll(rankedAtAll.lines.length, 'item')}: % who ranked it at all (top ${question.kind === 'ranking' ? question.maxRank : ''}), by wave`}
              optionHeader="Item"
              testMethod={testMethod}
            />
          )}
          {summary.length > 0 && (
            <ScrollFrame label="Summary figures by wave">
              <table className="data-table">
                <caption>Summary figures by wave</caption>
                <thead>
                  <tr>
                    <th scope="col">Figure</th>
                    {waves.map((wave) => (
                      <th scope="col" className="num" key={wave}>
                        {wave}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {summary.map((row) => (
                    <tr key={row.label}>
                      <th scope="row" className="option-cell">
                        {row.label}
                      </th>
                      {row.values.map((value, w) => (
                        <td className="num" key={waves[w]}>
                          {value}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollFrame>
          )}
        </>
      )}
    </>
  );
}
