import Link from 'next/link';
import type { Question } from '@/lib/survey/types';
import { DEFAULT_SETTINGS, INTERVAL_METHOD } from '@/lib/analysis/figure';
import { selectionCount } from '@/lib/analysis/selection';
import type { AnalysisRequest } from '../_server/resolve-analysis';
import { summarizeQuestion, type QuestionSummary } from '@/lib/analysis/summarize-question';
import { buildChartData } from '@/lib/view/build-chart-data';
import { orderBars } from '@/lib/view/choose-bars';
import { describeBaseStatement, describeWithheld } from '@/lib/view/describe-base';
import { formatFigure } from '@/lib/view/format-figure';
import { QuestionChart } from '../ui/charts/question-chart';
import { Notice } from '../ui/layout/notice';
import { StatList } from '../ui/layout/stat-list';
import { BaseStatement } from '../ui/survey/base-statement';
import { OptionTable } from '../ui/tables/option-table';
import { RankingTable } from '../ui/tables/ranking-table';

/** More bars than this make a chart nobody can read; the table still lists every option. */
const CHART_BAR_LIMIT = 40;

interface QuestionDetailProps {
  question: Question;
  /** Selection, settings (weights, base rule) and notes: the same preparation the export route does. */
  analysis: AnalysisRequest;
  /** The responses table sorted by this question, for kinds that are read rather than charted. */
  responsesHref: string;
  /** The same figures from the export route. */
  exportHrefs: { csv: string; json: string };
}

function SummaryTable({ question, summary, weighted }: { question: Question; summary: QuestionSummary; weighted: boolean }) {
  if (summary.type === 'not-charted') return null;
  const order = orderBars(question, summary.buckets);
  const rows = order.map((index) => summary.buckets[index]);
  if (summary.type === 'ranking') {
    const ranking = order.map((index) => {
      const bucket = summary.buckets[index];
      return { label: bucket.label, first: bucket.count, firstPercent: bucket.percent, ranked: summary.ranked[index], meanRank: summary.meanRank[index] };
    });
    return <RankingTable caption={`All ${rows.length} items`} rows={ranking} />;
  }
  const numeric = summary.type === 'numeric';
  return (
    <OptionTable
      caption={numeric ? `Answers by range (${rows.length} bins)` : `All ${rows.length} options`}
      optionHeader={numeric ? 'Range' : 'Option'}
      percentHeader={numeric ? '% of answers' : '% of base'}
      intervalHeader={`${Math.round(DEFAULT_SETTINGS.level * 100)}% interval`}
      intervalMethod={weighted ? INTERVAL_METHOD.weighted : INTERVAL_METHOD.unweighted}
      rows={rows}
    />
  );
}

function NumericStats({ summary }: { summary: Extract<QuestionSummary, { type: 'numeric' }> }) {
  const { stats } = summary;
  const number = (value: number) => formatFigure(value, 'number');
  const items = [
    { label: 'n', value: formatFigure(stats.count, 'count') },
    { label: 'Mean', value: number(stats.mean) },
    { label: 'Median', value: number(stats.median) },
    { label: 'Quartiles (Q1–Q3)', value: `${number(stats.q1)}–${number(stats.q3)}` },
    { label: 'Minimum', value: number(stats.min) },
    { label: 'Maximum', value: number(stats.max) },
  ];
  return <StatList stats={items} label="Summary statistics" />;
}

/** One question in full: base, chart of every option (up to a readable limit), and the table of all of them. */
function analysisNotes(analysis: AnalysisRequest): string[] {
  const notes = [...analysis.problems.map((problem) => `Not applied: ${problem}.`), ...analysis.notes];
  if (analysis.sentence !== 'All respondents') notes.unshift(`${analysis.sentence}.`);
  if (analysis.weightColumn) notes.push(`Percentages and intervals are weighted by “${analysis.weightColumn}”; counts are unweighted respondents.`);
  return notes;
}

export function QuestionDetail({ question, analysis, responsesHref, exportHrefs }: QuestionDetailProps) {
  const respondents = selectionCount(analysis.selection);
  const summary = summarizeQuestion(question, analysis.selection, analysis.settings);
  const chart = buildChartData(question, summary, CHART_BAR_LIMIT);
  const statement = describeBaseStatement(summary, respondents, analysis.settings.baseRule);
  const { base } = statement;
  const notes = summary.type !== 'not-charted' ? [...analysisNotes(analysis), ...statement.notes] : statement.notes;
  const withheld = describeWithheld(summary);
  if (withheld) {
    return (
      <>
        <BaseStatement base={base} notes={notes} />
        <Notice tone="warning" title="Figures withheld">
          <p>{withheld} Too few answers can identify people and say little about anyone else.</p>
        </Notice>
      </>
    );
  }
  const caption = chart && chart.hidden > 0 ? `The chart shows the ${chart.bars.length} most common of ${chart.bars.length + chart.hidden} options; the table below lists all of them.` : undefined;
  return (
    <>
      <BaseStatement base={base} notes={notes} />
      {summary.type === 'numeric' && <NumericStats summary={summary} />}
      {chart && (
        <section className="card" aria-labelledby="chart-heading">
          <h2 id="chart-heading">{summary.type === 'ranking' ? 'Ranked first' : summary.type === 'numeric' ? 'Distribution' : 'Answers'}</h2>
          <QuestionChart data={chart} variant="full" caption={caption} />
        </section>
      )}
      {summary.type === 'not-charted' ? (
        <p>
          <Link className="button button--primary" href={responsesHref}>
            Read the answers in the responses table →
          </Link>
        </p>
      ) : (
        <section className="section" aria-label="Table of figures">
          <SummaryTable question={question} summary={summary} weighted={analysis.settings.weights !== undefined} />
          <p className="toolbar small">
            <span className="muted">Download these figures:</span>
            <a className="button" href={exportHrefs.csv} download>
              CSV
            </a>
            <a className="button" href={exportHrefs.json} download>
              JSON
            </a>
          </p>
        </section>
      )}
    </>
  );
}
