import type { Question } from '../survey/types';
import type { QuestionSummary } from '../analysis/summarize-question';
import { orderBars, pickLargestBars } from './choose-bars';
import { formatFigure } from './format-figure';

/** One bar as a client chart receives it: plain numbers and strings only. */
export interface ChartBar {
  label: string;
  /** Display percentage (already rounded by lib/analysis). */
  value: number;
  count: number;
  base: number;
}

export type ChartMeasure = 'share' | 'firstRank' | 'histogram';

export interface ChartData {
  measure: ChartMeasure;
  bars: ChartBar[];
  /** Options left out because of the limit. */
  hidden: number;
  /** A text equivalent of the chart for screen readers. */
  summary: string;
}

const MEASURE_WORDS: Record<ChartMeasure, string> = {
  share: 'percentage of respondents who answered that chose each option',
  firstRank: 'percentage of respondents who ranked each item first',
  histogram: 'distribution of answers, as a percentage of respondents who answered',
};

function describeChart(title: string, measure: ChartMeasure, bars: ChartBar[], hidden: number): string {
  const listed = bars.map((bar) => `${bar.label} ${formatFigure(bar.value, 'percent')}`).join('; ');
  const rest = hidden > 0 ? ` ${hidden} smaller ${hidden === 1 ? 'option is' : 'options are'} not shown.` : '';
  return `Bar chart of “${title}”, ${MEASURE_WORDS[measure]}: ${listed}.${rest}`;
}

/** The bars to draw for a question, or undefined for kinds that are not charted. */
export function buildChartData(question: Question, summary: QuestionSummary, limit = Infinity): ChartData | undefined {
  if (summary.type === 'not-charted') return undefined;
  const measure: ChartMeasure = summary.type === 'ranking' ? 'firstRank' : summary.type === 'numeric' ? 'histogram' : 'share';
  const { buckets } = summary;
  const order = orderBars(question, buckets);
  const shown = summary.type === 'numeric' ? order : pickLargestBars(order, buckets, limit);
  const bars = shown.map((index) => {
    const { label, percent, count, base } = buckets[index];
    return { label, value: percent, count, base };
  });
  const hidden = order.length - shown.length;
  return { measure, bars, hidden, summary: describeChart(question.label, measure, bars, hidden) };
}
