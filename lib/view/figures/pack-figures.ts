import type { MainMeasure } from '../../analysis/measures';
import type { Significance } from '../../analysis/segment-significance';
import { describeChart, type ChartCategory, type ChartCell, type ChartData, type ChartSeries } from './build-chart-data';

/** One series' cells, a column per field (ChartCell's), a value per category. */
export interface PackedCells {
  percent: (number | null)[];
  count: (number | null)[];
  base: (number | null)[];
  low: (number | null)[];
  high: (number | null)[];
  /** Indexes of the categories whose cell is significantly higher (or lower) than the rest of the selection. */
  higher?: number[];
  lower?: number[];
  unreliable?: number[];
}

/** ChartData as the browser receives it: keys once, labels where they differ, cells as columns. */
export interface PackedChartData {
  questionId: string;
  /** The question's words: the summary a screen reader hears is rebuilt from them, not sent. */
  title: string;
  measure: MainMeasure;
  seriesKind: ChartData['seriesKind'];
  series: ChartSeries[];
  keys: string[];
  /** Labels that differ from their key, by category index. */
  labels?: Record<number, string>;
  /** Indexes of the categories a filter on this question selects. */
  active?: number[];
  /** Per series. */
  cells: PackedCells[];
  hidden: number;
  suppressedSeries: string[];
  overlapping: boolean;
  intervalName: string;
}

/** The chart as a part of the table: the table's categories and series it draws (the largest options; the segments without everyone). */
export interface ChartPart {
  categories: number[];
  series: number[];
  hidden: number;
  suppressedSeries: string[];
}

/**
 * A question's figures sent once (issue 25): the table's, with the chart as a part of them when
 * it is one — as it is whenever both come from buildQuestionView — or, failing that, its own.
 * `same`: the chart draws all of the table (every option, no comparison), its usual case.
 */
export interface PackedFigures {
  table: PackedChartData;
  chart?: 'same' | ChartPart | PackedChartData;
}

const indexesWhere = <T>(items: readonly T[], test: (item: T) => boolean) => items.flatMap((item, index) => (test(item) ? [index] : []));

function packCells(categories: readonly ChartCategory[], s: number): PackedCells {
  const cells = categories.map((category) => category.cells[s]);
  const column = (field: 'percent' | 'count' | 'base' | 'low' | 'high') => cells.map((cell) => cell[field]);
  const higher = indexesWhere(cells, (cell) => cell.significance === 'higher');
  const lower = indexesWhere(cells, (cell) => cell.significance === 'lower');
  const unreliable = indexesWhere(cells, (cell) => cell.unreliable);
  return {
    percent: column('percent'),
    count: column('count'),
    base: column('base'),
    low: column('low'),
    high: column('high'),
    ...(higher.length > 0 ? { higher } : {}),
    ...(lower.length > 0 ? { lower } : {}),
    ...(unreliable.length > 0 ? { unreliable } : {}),
  };
}

export function packChartData(data: ChartData, title: string): PackedChartData {
  const labels: Record<number, string> = {};
  data.categories.forEach((category, index) => {
    if (category.label !== category.key) labels[index] = category.label;
  });
  const active = indexesWhere(data.categories, (category) => category.active);
  return {
    questionId: data.questionId,
    title,
    measure: data.measure,
    seriesKind: data.seriesKind,
    series: data.series,
    keys: data.categories.map((category) => category.key),
    ...(Object.keys(labels).length > 0 ? { labels } : {}),
    ...(active.length > 0 ? { active } : {}),
    cells: data.series.map((_, s) => packCells(data.categories, s)),
    hidden: data.hidden,
    suppressedSeries: data.suppressedSeries,
    overlapping: data.overlapping,
    intervalName: data.intervalName,
  };
}

function unpackCell(cells: PackedCells, index: number): ChartCell {
  const significance: Significance = cells.higher?.includes(index) ? 'higher' : cells.lower?.includes(index) ? 'lower' : null;
  return {
    percent: cells.percent[index],
    count: cells.count[index],
    base: cells.base[index],
    low: cells.low[index],
    high: cells.high[index],
    significance,
    unreliable: cells.unreliable?.includes(index) ?? false,
  };
}

/** A chart's data from its parts, the summary rebuilt from its bars as buildChartData words it. */
function assemble(packed: PackedChartData, series: ChartSeries[], categories: ChartCategory[], hidden: number, suppressedSeries: string[]): ChartData {
  return {
    questionId: packed.questionId,
    measure: packed.measure,
    seriesKind: packed.seriesKind,
    series,
    categories,
    hidden,
    suppressedSeries,
    overlapping: packed.overlapping,
    summary: describeChart(packed.title, packed.measure, series, categories, hidden),
    intervalName: packed.intervalName,
  };
}

export function unpackChartData(packed: PackedChartData): ChartData {
  const active = new Set(packed.active);
  const categories = packed.keys.map((key, index) => ({
    key,
    label: packed.labels?.[index] ?? key,
    active: active.has(index),
    cells: packed.cells.map((cells) => unpackCell(cells, index)),
  }));
  return assemble(packed, packed.series, categories, packed.hidden, packed.suppressedSeries);
}

function unpackPart(table: ChartData, packed: PackedChartData, part: ChartPart): ChartData {
  const series = part.series.map((s) => table.series[s]);
  const categories = part.categories.map((c) => {
    const category = table.categories[c];
    return { ...category, cells: part.series.map((s) => category.cells[s]) };
  });
  return assemble(packed, series, categories, part.hidden, part.suppressedSeries);
}

/** The chart's categories and series found in the table, if every one of them is there. */
function findPart(table: ChartData, chart: ChartData): ChartPart | undefined {
  const categories = chart.categories.map((category) => table.categories.findIndex((candidate) => candidate.key === category.key));
  const series = chart.series.map((one) => table.series.findIndex((candidate) => candidate.key === one.key));
  if (categories.includes(-1) || series.includes(-1)) return undefined;
  return { categories, series, hidden: chart.hidden, suppressedSeries: chart.suppressedSeries };
}

/**
 * The table's figures packed, and the chart as a part of them — checked: the part is sent only
 * if it rebuilds the very chart given; otherwise the chart is packed on its own.
 */
export function packFigures(title: string, table: ChartData, chart?: ChartData): PackedFigures {
  const packed = packChartData(table, title);
  if (!chart) return { table: packed };
  const part = findPart(table, chart);
  const rebuilt = part && JSON.stringify(unpackPart(unpackChartData(packed), packed, part)) === JSON.stringify(chart);
  if (!part || !rebuilt) return { table: packed, chart: packChartData(chart, title) };
  return { table: packed, chart: JSON.stringify(chart) === JSON.stringify(table) ? 'same' : part };
}

export function unpackFigures(packed: PackedFigures): { table: ChartData; chart?: ChartData } {
  const table = unpackChartData(packed.table);
  if (!packed.chart) return { table };
  if (packed.chart === 'same') return { table, chart: table };
  const chart = 'keys' in packed.chart ? unpackChartData(packed.chart) : unpackPart(table, packed.table, packed.chart);
  return { table, chart };
}
