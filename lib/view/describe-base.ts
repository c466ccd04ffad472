import type { QuestionSummary } from '../analysis/summarize-question';
import type { ChartData } from './build-chart-data';
import { formatFigure } from './format-figure';

const count = (value: number) => formatFigure(value, 'count');

function shareOf(part: number, whole: number): string {
  return whole > 0 ? formatFigure(Math.round((part / whole) * 1000) / 10, 'percent') : '–';
}

/** The overview card's one-line footnote: what the bars are a share of, and what was left out. */
export function describeChartNote(summary: QuestionSummary, chart: ChartData | undefined): string {
  const parts: string[] = [];
  if (chart && chart.hidden > 0) parts.push(`Top ${chart.bars.length} of ${chart.bars.length + chart.hidden}`);
  switch (summary.type) {
    case 'choice':
      parts.push(`% of ${count(summary.base)} who answered`);
      if (summary.canExceed100) parts.push('can add up to more than 100%');
      break;
    case 'ranking':
      parts.push(`% who ranked it first, of ${count(summary.base)} who ranked any`);
      break;
    case 'numeric':
      parts.push(`median ${formatFigure(summary.stats.median, 'number')}, mean ${formatFigure(summary.stats.mean, 'number')} (n = ${count(summary.base)})`);
      break;
    case 'not-charted':
      parts.push(`${count(summary.base)} answers`);
  }
  const text = parts.join(' · ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The question page's base statement, said once and plainly: who the percentages are of.
 * Every published figure we reproduce uses respondents who answered, never all rows.
 */
export function describeBaseStatement(summary: QuestionSummary, respondents: number): { base: string; notes: string[] } {
  const ofAll = `${shareOf(summary.base, respondents)} of ${count(respondents)} respondents`;
  switch (summary.type) {
    case 'choice':
      return {
        base: `Base: ${count(summary.base)} respondents who answered (${ofAll}).`,
        notes: summary.canExceed100
          ? ['Respondents could choose several options; percentages can add up to more than 100%.']
          : summary.questionKind === 'likert'
            ? ['Options are shown in scale order.']
            : [],
      };
    case 'ranking':
      return {
        base: `Base: ${count(summary.base)} respondents who ranked at least one item (${ofAll}).`,
        notes: [`Bars show the share who ranked each item first. Mean rank is among respondents who ranked that item (1 = top; up to ${summary.maxRank}).`],
      };
    case 'numeric':
      return { base: `Base: ${count(summary.base)} respondents who gave a number (${ofAll}).`, notes: ['Blank answers are left out, never counted as zero.'] };
    case 'not-charted':
      return { base: `${count(summary.base)} respondents answered (${ofAll}).`, notes: [summary.reason] };
  }
}
