import { intervalLevelOf } from '../../analysis/figure';
import type { AggregateRow } from '../../analysis/aggregate-row';
import { roundPercent } from '../../analysis/round-shares';
import { formatFigure, describeIntervalName } from '../words/format-figure';

/** One summary figure as a page shows it, with the interval or note that belongs to it. */
export interface StatItem {
  label: string;
  value: string;
  detail?: string;
  /** The question's headline figure (a Net Promoter Score): shown first and larger. */
  headline?: boolean;
}

const SUMMARY_MEASURES = new Set(['top2', 'bottom2', 'mean', 'nps', 'median', 'q1', 'q3', 'min', 'max']);

/** A Net Promoter Score reads as a signed whole number of points: +23, −4. */
export function formatScore(value: number): string {
  const rounded = Math.round(value);
  return rounded > 0 ? `+${rounded}` : rounded < 0 ? `−${-rounded}` : '0';
}

function formatInterval(row: AggregateRow, format: (value: number) => string): string | undefined {
  if (row.ci_low === null || row.ci_high === null) return undefined;
  return `${describeIntervalName(intervalLevelOf(row.ci_method))} ${format(row.ci_low)}–${format(row.ci_high)}`;
}

/**
 * The Net Promoter Score of one series, as a headline figure: signed whole points, its 95%
 * interval said with “to” (a dash between signed numbers misreads) and its n.
 */
export function describeNetPromoter(rows: readonly AggregateRow[], segment = '(all)'): StatItem | undefined {
  const nps = rows.find((row) => row.segment === segment && row.measure === 'nps');
  if (nps?.value == null) return undefined;
  const interval =
    nps.ci_low === null || nps.ci_high === null
      ? undefined
      : `${describeIntervalName(intervalLevelOf(nps.ci_method))} ${formatScore(nps.ci_low)} to ${formatScore(nps.ci_high)}`;
  return {
    label: 'Net Promoter Score',
    value: formatScore(nps.value),
    detail: [interval, nps.count === null ? undefined : `n = ${formatFigure(nps.count, 'count')}`].filter(Boolean).join(' · '),
    headline: true,
  };
}

/**
 * The summary figures of one series — top-2 and bottom-2 box and mean score of a scale, n, mean,
 * median, quartiles and extremes of a number — from the same rows the CSV download holds.
 */
export function buildStats(rows: readonly AggregateRow[], segment = '(all)'): StatItem[] {
  const own = rows.filter((row) => row.segment === segment && SUMMARY_MEASURES.has(row.measure));
  if (own.length === 0) return [];
  if (own.some((row) => row.flags.includes('suppressed'))) return [];
  const number = (value: number) => formatFigure(value, 'number');
  const percent = (value: number) => formatFigure(roundPercent(value / 100), 'percent');
  const byMeasure = new Map(own.map((row) => [row.measure, row]));
  const items: StatItem[] = [];
  const mean = byMeasure.get('mean');
  // A recommend question is read by its Net Promoter Score first.
  const nps = describeNetPromoter(own, segment);
  if (nps) items.push(nps);
  for (const measure of ['top2', 'bottom2'] as const) {
    const row = byMeasure.get(measure);
    if (row?.percent != null) items.push({ label: row.option, value: percent(row.percent), detail: formatInterval(row, percent) });
  }
  if (mean && !byMeasure.has('median')) {
    if (mean.value !== null)
      items.push({ label: mean.option, value: formatFigure(mean.value, 'rank'), detail: formatInterval(mean, (value) => formatFigure(value, 'rank')) });
    return items;
  }
  if (mean?.count != null) items.push({ label: 'n', value: formatFigure(mean.count, 'count') });
  if (mean?.value != null) items.push({ label: 'Mean', value: number(mean.value), detail: formatInterval(mean, number) });
  const [median, q1, q3, min, max] = (['median', 'q1', 'q3', 'min', 'max'] as const).map((measure) => byMeasure.get(measure)?.value ?? null);
  if (median !== null) items.push({ label: 'Median', value: number(median) });
  if (q1 !== null && q3 !== null) items.push({ label: 'Quartiles (Q1–Q3)', value: `${number(q1)}–${number(q3)}` });
  if (min !== null) items.push({ label: 'Minimum', value: number(min) });
  if (max !== null) items.push({ label: 'Maximum', value: number(max) });
  return items;
}
