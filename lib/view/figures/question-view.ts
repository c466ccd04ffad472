import { aggregateView } from '../../analysis/aggregate-view';
import type { AggregateResult, DatasetWaves } from '../../analysis/aggregate-query';
import type { AggregateRow } from '../../analysis/aggregate-row';
import { buildChartData, type ChartData } from './build-chart-data';
import { buildStats, type StatItem } from './build-stats';
import { binRangeOf, isBinFiltered } from './bin-range';
import { writeFilterText } from '../state/filter-grammar';
import type { AskedQuestion } from './ask-question';
import type { ViewState } from '../state/view-state';

/** Everything a question's page (or overview card) shows, derived from the rows its download holds. */
export interface QuestionView {
  /** Exactly the rows of the CSV download of this view. */
  result: AggregateResult;
  /** Series are segments (or everyone), or waves in a trend. */
  seriesBy: 'segment' | 'wave';
  chart?: ChartData;
  /** Every option, with everyone first when there is a comparison. */
  table?: ChartData;
  stats: StatItem[];
}

/** Option values of this question that the view filters on (drawn highlighted; a click removes them). */
export function activeValuesOf(state: ViewState, questionId: string): Set<string> {
  return new Set(
    state.filters
      .filter((filter) => filter.question === questionId && (filter.op === 'in' || filter.op === 'first' || filter.op === 'all'))
      .flatMap((filter) => filter.values),
  );
}

/**
 * A question under a view: the aggregate rows of the question as asked (the same call as the
 * export route and the CLI), then the chart, the table and the summary figures built from those rows.
 */
export function buildQuestionView(dataset: DatasetWaves, asked: AskedQuestion, state: ViewState, options: { limit: number }): QuestionView {
  const { question, query } = asked;
  const result = aggregateView(dataset, query, writeFilterText(state.filters));
  const seriesBy = (query.waves?.length ?? 0) > 1 ? 'wave' : 'segment';
  const overlapping =
    seriesBy === 'segment' && query.by !== undefined && dataset.waves.at(-1)?.survey.questions.find((q) => q.id === query.by)?.kind === 'multi';
  const activeValues = activeValuesOf(state, question.id);
  const chartOptions = { activeValues, seriesBy, overlapping } as const;
  const latest = (rows: AggregateRow[]) => rows.filter((row) => row.wave === result.selections.at(-1)?.wave);
  const chart = buildChartData(question, result.rows, { ...chartOptions, limit: options.limit });
  const table = buildChartData(question, result.rows, { ...chartOptions, limit: Infinity, includeAll: true });
  if (question.kind === 'numeric') [chart, table].forEach((data) => data && markFilteredBins(data, state));
  return { result, seriesBy, chart, table, stats: seriesBy === 'segment' ? buildStats(latest(result.rows)) : [] };
}

/** Histogram bins are filters too (a range): the bin the view is filtered to is drawn as active. */
function markFilteredBins(data: ChartData, state: ViewState): void {
  const keys = data.categories.map((category) => category.key);
  data.categories.forEach((category, index) => (category.active = isBinFiltered(state, data.questionId, binRangeOf(keys, index))));
}
