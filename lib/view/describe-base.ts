import type { BaseRule } from '../analysis/bucket';
import { DEFAULT_SETTINGS } from '../analysis/figure';
import type { QuestionSummary } from '../analysis/summarize-question';
import type { ChartData } from './build-chart-data';
import { formatCounted, formatFigure } from './format-figure';

const formatCount = (value: number) => formatFigure(value, 'count');

function formatShareOf(part: number, whole: number): string {
  return whole > 0 ? formatFigure(Math.round((part / whole) * 1000) / 10, 'percent') : '–';
}

/**
 * Why a summary's figures must not be shown, if they must not: lib/analysis flags bases under
 * the suppression threshold (too few answers to publish, and too few to mean anything). A
 * numeric summary carries no flag, so the same threshold is applied to its count here.
 */
export function describeWithheld(summary: QuestionSummary): string | undefined {
  if (summary.type === 'not-charted') return undefined;
  const withheld = summary.base < DEFAULT_SETTINGS.suppressBelow || (summary.type !== 'numeric' && summary.buckets.some((bucket) => bucket.suppressed));
  if (!withheld) return undefined;
  if (summary.base === 0) return 'Nobody answered this question.';
  return `Only ${formatCounted(summary.base, 'respondent')} answered, fewer than ${DEFAULT_SETTINGS.suppressBelow}: figures are withheld.`;
}

/** True when the base is under the reliability threshold: figures are shown, with a warning. */
export function isSmallBase(summary: QuestionSummary): boolean {
  if (summary.type === 'not-charted') return false;
  if (summary.type === 'numeric') return summary.base >= DEFAULT_SETTINGS.suppressBelow && summary.base < DEFAULT_SETTINGS.unreliableBelow;
  return summary.buckets.some((bucket) => bucket.unreliable);
}

/** The overview card's one-line footnote: what the bars are a share of, and what was left out. */
export function describeChartNote(summary: QuestionSummary, chart: ChartData | undefined): string {
  const parts: string[] = [];
  if (chart && chart.hidden > 0) parts.push(`Top ${chart.bars.length} of ${chart.bars.length + chart.hidden}`);
  switch (summary.type) {
    case 'choice':
      parts.push(`% of ${formatCount(summary.base)} who answered`);
      if (summary.canExceed100) parts.push('can add up to more than 100%');
      break;
    case 'ranking':
      parts.push(`% who ranked it first, of ${formatCount(summary.base)} who ranked any`);
      break;
    case 'numeric':
      parts.push(`median ${formatFigure(summary.stats.median, 'number')}, mean ${formatFigure(summary.stats.mean, 'number')} (n = ${formatCount(summary.base)})`);
      break;
    case 'not-charted':
      parts.push(formatCounted(summary.base, 'answer'));
  }
  if (isSmallBase(summary)) parts.push('small base, read with care');
  const text = parts.join(' · ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The question page's base statement, said once and plainly: who the percentages are of.
 * Every published figure we reproduce uses respondents who answered, never all rows.
 */
export function describeBaseStatement(summary: QuestionSummary, respondents: number, baseRule: BaseRule = 'answered'): { base: string; notes: string[] } {
  const statement = describeBaseOnly(summary, respondents);
  if (baseRule === 'all' && summary.type !== 'not-charted') {
    statement.base = `Base: all ${formatCount(summary.base)} selected respondents, whether they answered or not (_base=all).`;
  }
  if (!isSmallBase(summary)) return statement;
  const caution = `Small base: fewer than ${DEFAULT_SETTINGS.unreliableBelow} respondents, so these figures are unreliable; read them with care.`;
  return { ...statement, notes: [...statement.notes, caution] };
}

function describeBaseOnly(summary: QuestionSummary, respondents: number): { base: string; notes: string[] } {
  const ofAll = `${formatShareOf(summary.base, respondents)} of ${formatCount(respondents)} respondents`;
  switch (summary.type) {
    case 'choice':
      return {
        base: `Base: ${formatCount(summary.base)} respondents who answered (${ofAll}).`,
        notes: summary.canExceed100
          ? ['Respondents could choose several options; percentages can add up to more than 100%.']
          : summary.questionKind === 'likert'
            ? ['Options are shown in scale order.']
            : [],
      };
    case 'ranking':
      return {
        base: `Base: ${formatCount(summary.base)} respondents who ranked at least one item (${ofAll}).`,
        notes: [`Bars show the share who ranked each item first. Mean rank is among respondents who ranked that item (1 = top; up to ${summary.maxRank}).`],
      };
    case 'numeric':
      return { base: `Base: ${formatCount(summary.base)} respondents who gave a number (${ofAll}).`, notes: ['Blank answers are left out, never counted as zero.'] };
    case 'not-charted':
      return { base: `${formatCount(summary.base)} respondents answered (${ofAll}).`, notes: [summary.reason] };
  }
}
