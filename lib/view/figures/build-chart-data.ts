import { isMainMeasure, type MainMeasure } from '../../analysis/measures';
import type { AggregateRow } from '../../analysis/aggregate-row';
import { roundPercent } from '../../analysis/round-shares';
import type { Significance } from '../../analysis/segment-significance';
import type { Question } from '../../survey/types';
import { orderBars, pickLargestBars } from '../words/choose-bars';
import { describeIntervalName, formatFigure } from '../words/format-figure';
import { intervalLevelOf } from '../../analysis/figure';

/** One bar: an option's figure in one series, as a client chart receives it (plain data only). */
export interface ChartCell {
  /** Display percentage (the one rounding rule applied), null when withheld. */
  percent: number | null;
  count: number | null;
  base: number | null;
  /** Interval in percent, unrounded. */
  low: number | null;
  high: number | null;
  significance: Significance;
  unreliable: boolean;
}

/** One option (or bin, or ranked item) across the series. */
export interface ChartCategory {
  /** The option's value, as filters name it. */
  key: string;
  label: string;
  /** The option is part of a filter on this question: drawn highlighted, a click removes it. */
  active: boolean;
  cells: ChartCell[];
}

/** One group of bars: everyone, one segment, or one wave. */
export interface ChartSeries {
  key: string;
  label: string;
  base: number | null;
  /** Bases under 30 are drawn greyed and labelled. */
  unreliable: boolean;
}

export interface ChartData {
  questionId: string;
  measure: MainMeasure;
  /** What the series are: everyone only, the segments of a comparison, or the waves of a trend. */
  seriesKind: 'all' | 'segment' | 'wave';
  series: ChartSeries[];
  categories: ChartCategory[];
  /** Options left out because of the bar limit. */
  hidden: number;
  /** Series left out because their base is under the suppression threshold. */
  suppressedSeries: string[];
  /** Respondents could be in several series (multi-select segments): shares overlap. */
  overlapping: boolean;
  /** A text equivalent of the chart for screen readers. */
  summary: string;
  /** “95% interval” (or 90%, 99%): the name of the rows' intervals. */
  intervalName: string;
}

export interface ChartOptions {
  /** Largest number of bars per series; the table lists every option. */
  limit: number;
  /** Option values this question is filtered on. */
  activeValues: ReadonlySet<string>;
  /** Series are the segments of a comparison, or the waves of a trend. */
  seriesBy: 'segment' | 'wave';
  /** With a comparison, put everyone first as a series of its own (tables do; charts compare segments). */
  includeAll?: boolean;
  overlapping?: boolean;
}

const MEASURE_WORDS: Record<MainMeasure, string> = {
  share: 'percentage of respondents who answered that chose each option',
  ranked_first: 'percentage of respondents who ranked each item first',
  bin: 'distribution of answers, as a percentage of respondents who answered',
};

/**
 * Display percentages for one series: each share rounded on its own, as the download's figure
 * rounds (30/245 = 12.2449% shows 12.2%, never nudged to 12.3% so a column adds up to 100): a
 * reader who checks a figure against the file finds the same number; a total may read 99.9 or 100.1.
 */
function displayPercents(rows: readonly AggregateRow[]): (number | null)[] {
  return rows.map((row) => (row.percent === null ? null : roundPercent(row.percent / 100)));
}

function toCell(row: AggregateRow | undefined, percent: number | null): ChartCell {
  const significance = row?.flags.includes('significantly-higher') ? 'higher' : row?.flags.includes('significantly-lower') ? 'lower' : null;
  return {
    percent,
    count: row?.count ?? null,
    base: row?.base ?? null,
    low: row?.ci_low ?? null,
    high: row?.ci_high ?? null,
    significance,
    unreliable: row?.flags.includes('unreliable') ?? false,
  };
}

/** The chart in words (ChartData.summary), from its bars: the browser rebuilds it from packed figures (pack-figures). */
export function describeChart(title: string, measure: MainMeasure, series: ChartSeries[], categories: ChartCategory[], hidden: number): string {
  const listed = categories
    .map((category) => {
      const values = category.cells.map(
        (cell, s) => `${series.length > 1 ? `${series[s].label} ` : ''}${cell.percent === null ? 'withheld' : formatFigure(cell.percent, 'percent')}`,
      );
      return `${category.label} ${values.join(', ')}`;
    })
    .join('; ');
  const rest = hidden > 0 ? ` ${hidden} smaller ${hidden === 1 ? 'option is' : 'options are'} not shown.` : '';
  const by = series.length > 1 ? `, for each of ${series.map((s) => s.label).join(', ')}` : '';
  return `Bar chart of “${title}”, ${MEASURE_WORDS[measure]}${by}: ${listed}.${rest}`;
}

/**
 * The bars of a question's view, built from the very rows its CSV download is written from, so
 * the chart and the file cannot disagree. Series are everyone (no comparison), each segment of a
 * comparison, or each wave of a trend; suppressed series are left out and named.
 */
export function buildChartData(question: Question, rows: readonly AggregateRow[], options: ChartOptions): ChartData | undefined {
  const main = rows.filter((row) => isMainMeasure(row.measure));
  if (main.length === 0) return undefined;
  const measure = main[0].measure as MainMeasure;
  const seriesKey = (row: AggregateRow) => (options.seriesBy === 'wave' ? row.wave : row.keys.segment);
  const segmented = options.seriesBy === 'segment' && main.some((row) => row.segment !== '(all)');
  const usable =
    options.seriesBy === 'wave' || !segmented
      ? main.filter((row) => row.segment === '(all)')
      : options.includeAll
        ? main
        : main.filter((row) => row.segment !== '(all)');
  const groups = new Map<string, AggregateRow[]>();
  for (const row of usable) groups.set(seriesKey(row), [...(groups.get(seriesKey(row)) ?? []), row]);
  const suppressedSeries: string[] = [];
  const shown = [...groups.entries()].filter(([, group]) => {
    const hidden = group.every((row) => row.flags.includes('suppressed'));
    if (hidden) suppressedSeries.push(options.seriesBy === 'wave' ? group[0].wave : group[0].segment);
    return !hidden;
  });
  const series: ChartSeries[] = shown.map(([key, group]) => {
    const inBase = group.find((row) => !row.flags.includes('excluded-from-base')) ?? group[0];
    const label = options.seriesBy === 'wave' ? group[0].wave : group[0].segment === '(all)' ? 'All respondents' : group[0].segment;
    return { key, label, base: inBase.base, unreliable: group.some((row) => row.flags.includes('unreliable')) };
  });
  const percents = shown.map(([, group]) => displayPercents(group));
  // Options in model order; the reference series (everyone, or the latest wave) decides which are largest.
  const reference = (options.seriesBy === 'wave' ? [...groups.values()].at(-1) : main.filter((row) => row.segment === '(all)')) ?? [];
  const keys = [...new Set(usable.map((row) => row.keys.option))];
  const buckets = keys.map((key) => {
    const row = reference.find((candidate) => candidate.keys.option === key);
    return { share: (row?.percent ?? 0) / 100, count: row?.count ?? 0 };
  });
  const order = orderBars(question, buckets);
  const picked = measure === 'bin' ? order : pickLargestBars(order, buckets, options.limit);
  const categories = picked.map((index) => {
    const key = keys[index];
    const cells = shown.map(([, group], s) => {
      const at = group.findIndex((row) => row.keys.option === key);
      return toCell(group[at], at === -1 ? null : percents[s][at]);
    });
    const label = usable.find((row) => row.keys.option === key)?.option ?? key;
    return { key, label, active: options.activeValues.has(key), cells };
  });
  const hidden = order.length - picked.length;
  const seriesKind = options.seriesBy === 'wave' ? 'wave' : segmented ? 'segment' : 'all';
  return {
    questionId: question.id,
    measure,
    seriesKind,
    series,
    categories,
    hidden,
    suppressedSeries,
    overlapping: options.overlapping ?? false,
    summary: describeChart(question.label, measure, series, categories, hidden),
    intervalName: describeIntervalName(intervalLevelOf(main[0].ci_method)),
  };
}
