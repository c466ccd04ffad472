import { isMainMeasure } from '../../analysis/measures';
import type { AggregateRow } from '../../analysis/aggregate-row';
import type { Question } from '../../survey/types';
import { formatCounted, formatFigure } from './format-figure';

const formatCount = (value: number) => formatFigure(value, 'count');

/** The base of everyone's figures in one wave: null when withheld, undefined when there are no rows. */
export function baseOf(rows: readonly AggregateRow[]): { base: number | null; suppressed: boolean; unreliable: boolean } | undefined {
  const main = rows.filter((row) => row.segment === '(all)' && isMainMeasure(row.measure));
  if (main.length === 0) return undefined;
  const inBase = main.find((row) => !row.flags.includes('excluded-from-base')) ?? main[0];
  return {
    base: inBase.base,
    suppressed: main.every((row) => row.flags.includes('suppressed')),
    unreliable: main.some((row) => row.flags.includes('unreliable')),
  };
}

/** “1,204 of 6,400 respondents” — or “fewer than 10 of 6,400”: a small selection's exact size is itself a disclosure. */
export function describeSelection(selected: number, size: number, threshold: number): string {
  const shown = selected > 0 && selected < threshold ? `fewer than ${formatCount(threshold)}` : formatCount(selected);
  return `${shown} of ${formatCounted(size, 'respondent')}`;
}

/** Why a question's figures are not shown, if they are not. */
export function describeWithheld(rows: readonly AggregateRow[], threshold: number): string | undefined {
  const base = baseOf(rows);
  if (!base || !base.suppressed) return undefined;
  return base.base === 0
    ? 'Nobody in this selection answered this question.'
    : `Fewer than ${formatCount(threshold)} respondents in this selection answered: figures are withheld.`;
}

const KIND_NOTES: Partial<Record<Question['kind'], string>> = {
  multi: 'Respondents could choose several options; percentages can add up to more than 100%.',
  likert: 'Options are shown in scale order.',
  numeric: 'Blank answers are left out, never counted as zero.',
};

/** The question page's base statement, said once and plainly: who the percentages are of. */
export function describeBaseStatement(
  question: Question,
  rows: readonly AggregateRow[],
  selection: { selected: number; size: number },
  threshold: number,
): { base: string; notes: string[] } {
  const figures = baseOf(rows);
  const notes: string[] = [];
  const kindNote =
    question.kind === 'ranking'
      ? `Bars show the share who ranked each item first. Mean rank is among respondents who ranked that item (1 = top; up to ${question.maxRank}).`
      : KIND_NOTES[question.kind];
  if (kindNote) notes.push(kindNote);
  if (!figures || figures.base === null) return { base: `Selection: ${describeSelection(selection.selected, selection.size, threshold)}.`, notes };
  const who = question.kind === 'ranking' ? 'who ranked at least one item' : question.kind === 'numeric' ? 'who gave a number' : 'who answered';
  const share = selection.size > 0 ? formatFigure(Math.round((figures.base / selection.size) * 1000) / 10, 'percent') : '–';
  const of =
    selection.selected === selection.size
      ? `${share} of ${formatCounted(selection.size, 'respondent')}`
      : `of ${describeSelection(selection.selected, selection.size, threshold).replace(/ of /, ' selected; ')} in this wave`;
  const base =
    rows[0]?.base_rule === 'all'
      ? `Base: all ${formatCount(figures.base)} selected respondents, whether they answered or not.`
      : `Base: ${formatCount(figures.base)} respondents ${who} (${of}).`;
  if (figures.unreliable) notes.push('Small base: fewer than 30 respondents, so these figures are unreliable; read them with care.');
  return { base, notes };
}

/** The overview card's one-line footnote: what the bars are a share of, and what was left out. */
export function describeChartNote(
  question: Question,
  rows: readonly AggregateRow[],
  chart: { categories: readonly unknown[]; hidden: number } | undefined,
): string {
  const figures = baseOf(rows);
  const parts: string[] = [];
  const shown = chart?.categories.length ?? 0;
  if (chart && chart.hidden > 0) parts.push(`Top ${shown} of ${shown + chart.hidden}`);
  const base = figures?.base === null || figures?.base === undefined ? 'a withheld base' : formatCount(figures.base);
  if (question.kind === 'ranking') parts.push(`% who ranked it first, of ${base} who ranked any`);
  else if (question.kind === 'numeric') {
    const stat = (measure: string) => rows.find((row) => row.segment === '(all)' && row.measure === measure)?.value;
    const median = stat('median');
    const mean = stat('mean');
    parts.push(median != null && mean != null ? `median ${formatFigure(median, 'number')}, mean ${formatFigure(mean, 'number')} (n = ${base})` : `n = ${base}`);
  } else parts.push(`% of ${base} who answered`);
  if (question.kind === 'multi') parts.push('can add up to more than 100%');
  if (figures?.unreliable) parts.push('small base, read with care');
  const text = parts.join(' · ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What weighting does to the figures, said once for every page that shows weighted figures. */
export function describeWeighting(weightColumn: string | undefined): string {
  return `Percentages and intervals are weighted by “${weightColumn}”; counts are unweighted respondents.`;
}
