import { aggregateView } from '../../analysis/aggregate-view';
import type { AggregateResult, DatasetWaves } from '../../analysis/aggregate-query';
import type { AggregateRow } from '../../analysis/aggregate-row';
import type { Significance } from '../../analysis/segment-significance';
import type { Grid, Question } from '../../survey/types';
import { buildChartData, type ChartData } from './build-chart-data';
import { writeFilterText } from '../state/filter-grammar';
import { describeIntervalName, formatFigure } from '../words/format-figure';
import { intervalLevelOf } from '../../analysis/figure';
import { pickScaleColors, type ScaleColor } from '../words/pick-scale-colors';
import { activeValuesOf } from './question-view';
import type { AskedGrid } from './ask-question';
import type { ViewState } from '../state/view-state';

/** One answer of the grid's shared scale, as the chart, its legend and the table show it. */
export interface GridPoint extends ScaleColor {
  /** The option's value, as filters name it. */
  key: string;
  label: string;
  /** An answer that is not a point of the scale (“Unfamiliar (N/A)”): drawn apart, in grey. */
  offScale: boolean;
}

export interface GridCell {
  /** Display percentage (single-choice rounding: a row's answers add up to 100), null when withheld. */
  percent: number | null;
  count: number | null;
  low: number | null;
  high: number | null;
  significance: Significance;
  /** The view filters this row on this answer: drawn outlined, a click removes it. */
  active: boolean;
}

/** Top-2 and bottom-2 box (scales of four points or more) and mean score of one row: its likert extras. */
export interface GridRowScore {
  top2: number | null;
  bottom2: number | null;
  mean: number | null;
  meanLow: number | null;
  meanHigh: number | null;
}

export interface GridRow {
  questionId: string;
  /** The row's own words (“Han Solo”), without the grid's stem. */
  label: string;
  base: number | null;
  unreliable: boolean;
  /** Fewer respondents than the threshold answered this row here: nothing is shown. */
  withheld: boolean;
  /** One per scale point, in scale order. */
  cells: GridCell[];
  score?: GridRowScore;
}

/** Everyone, or one segment of a comparison: every row of the grid for those respondents. */
export interface GridPanel {
  key: string;
  label: string;
  rows: GridRow[];
}

export interface GridView {
  /** Exactly the rows of the CSV download of this view. */
  result: AggregateResult;
  /** “95% interval” (or 90%, 99%): the name of the rows' intervals. */
  intervalName: string;
  scale: GridPoint[];
  ordered: boolean;
  /** Ordered scales with a neutral point are drawn diverging around it. */
  neutralIndex?: number;
  /** Everyone first, then each segment of a comparison. */
  panels: GridPanel[];
  /** What the mean score counts (“Mean score (1 = Very unfavorably, 5 = Very favorably)”). */
  meanLabel?: string;
  /** The answers in the top-2 and bottom-2 boxes (“Somewhat favorably + Very favorably”), on scales of four points or more. */
  top2Label?: string;
  bottom2Label?: string;
  /** Segments withheld in every row (fewer respondents than the threshold). */
  withheldSegments: string[];
}

/** What the client chart of one panel receives: plain data only. */
export interface GridChartData {
  gridId: string;
  scale: GridPoint[];
  neutralIndex?: number;
  rows: GridRow[];
  /** A text equivalent of the chart for screen readers. */
  summary: string;
}

const EMPTY_CELL: GridCell = { percent: null, count: null, low: null, high: null, significance: null, active: false };

function scoreOf(rows: readonly AggregateRow[], segmentKey: string): GridRowScore {
  const pick = (measure: string) => rows.find((row) => row.measure === measure && row.keys.segment === segmentKey);
  const mean = pick('mean');
  return {
    top2: pick('top2')?.percent ?? null,
    bottom2: pick('bottom2')?.percent ?? null,
    mean: mean?.value ?? null,
    meanLow: mean?.ci_low ?? null,
    meanHigh: mean?.ci_high ?? null,
  };
}

function toRow(grid: Grid, index: number, chart: ChartData | undefined, own: readonly AggregateRow[], segmentKey: string, ordered: boolean): GridRow {
  const questionId = grid.rowIds[index];
  const s = chart?.series.findIndex((series) => series.key === segmentKey) ?? -1;
  const base = { questionId, label: grid.rowLabels[index] ?? questionId };
  if (!chart || s === -1) return { ...base, base: null, unreliable: false, withheld: true, cells: grid.scale.map(() => EMPTY_CELL) };
  const cells = grid.scale.map((point) => {
    const category = chart.categories.find((candidate) => candidate.key === point.value);
    const cell = category?.cells[s];
    return cell
      ? { percent: cell.percent, count: cell.count, low: cell.low, high: cell.high, significance: cell.significance, active: category!.active }
      : EMPTY_CELL;
  });
  const series = chart.series[s];
  return { ...base, base: series.base, unreliable: series.unreliable, withheld: false, cells, ...(ordered ? { score: scoreOf(own, segmentKey) } : {}) };
}

/**
 * A grid under a view, from the rows its download holds (aggregateView on the grid's id): each
 * row question's chart data is built by the same function as a question's (one rounding rule),
 * then laid out as rows × scale points, one panel for everyone and one per segment.
 */
export function buildGridView(grid: Grid, questions: readonly Question[], result: AggregateResult, state: ViewState): GridView {
  const segments = new Map<string, string>();
  for (const row of result.rows) if (!segments.has(row.keys.segment)) segments.set(row.keys.segment, row.segment === '(all)' ? 'All respondents' : row.segment);
  const perRow = grid.rowIds.map((rowId) => {
    const own = result.rows.filter((row) => row.question_id === rowId);
    const question = questions.find((candidate) => candidate.id === rowId);
    const chart = question
      ? buildChartData(question, own, { limit: Infinity, activeValues: activeValuesOf(state, rowId), seriesBy: 'segment', includeAll: true })
      : undefined;
    return { own, chart };
  });
  const panels = [...segments].map(([key, label]) => ({
    key,
    label,
    rows: perRow.map(({ own, chart }, index) => toRow(grid, index, chart, own, key, grid.ordered)),
  }));
  const colors = pickScaleColors(
    grid.scale.map((point) => ({ offScale: grid.offScale.includes(point.value) })),
    grid.ordered,
    grid.neutralIndex,
  );
  const scale = grid.scale.map((point, index) => ({ key: point.value, label: point.label, offScale: grid.offScale.includes(point.value), ...colors[index] }));
  const labelOf = (measure: string) => (grid.ordered ? result.rows.find((row) => row.measure === measure)?.option.replace(/^(Top|Bottom) 2: /, '') : undefined);
  const [meanLabel, top2Label, bottom2Label] = [labelOf('mean'), labelOf('top2'), labelOf('bottom2')];
  const withheldSegments = panels.filter((panel, p) => p > 0 && panel.rows.every((row) => row.withheld)).map((panel) => panel.label);
  return {
    result,
    intervalName: describeIntervalName(intervalLevelOf(result.rows[0]?.ci_method ?? '')),
    scale,
    ordered: grid.ordered,
    ...(grid.ordered && grid.neutralIndex !== undefined ? { neutralIndex: grid.neutralIndex } : {}),
    panels:
      panels.length > 0 ? panels : [{ key: '', label: 'All respondents', rows: grid.rowIds.map((_, index) => toRow(grid, index, undefined, [], '', false)) }],
    ...(meanLabel ? { meanLabel } : {}),
    ...(top2Label ? { top2Label } : {}),
    ...(bottom2Label ? { bottom2Label } : {}),
    withheldSegments,
  };
}

/** One panel as its chart draws it, with a sentence for screen readers. */
export function toGridChart(grid: Grid, view: GridView, panel: GridPanel): GridChartData {
  const rows = panel.rows.map((row) => {
    if (row.withheld) return `${row.label}: withheld`;
    const answers = row.cells.map((cell, index) => `${view.scale[index].label} ${cell.percent === null ? 'withheld' : formatFigure(cell.percent, 'percent')}`);
    return `${row.label}: ${answers.join(', ')}`;
  });
  const who = panel.key === '' ? '' : ` (${panel.label})`;
  const summary = `Stacked bars of “${grid.label}”${who}, the percentage of respondents who answered each row giving each answer: ${rows.join('; ')}.`;
  return { gridId: grid.id, scale: view.scale, ...(view.neutralIndex !== undefined ? { neutralIndex: view.neutralIndex } : {}), rows: panel.rows, summary };
}

/**
 * A grid under a view: the rows of its download (the same aggregateView call as the export
 * route and the CLI, on the grid as asked), laid out by buildGridView.
 */
export function buildGridFigures(dataset: DatasetWaves, asked: AskedGrid, state: ViewState): GridView {
  const result = aggregateView(dataset, asked.query, writeFilterText(state.filters));
  return buildGridView(asked.grid, asked.wave.survey.questions, result, state);
}

/** “n = 812–831 per row” (or one number when every row has it): the bases of a panel's rows. */
export function describeRowBases(panel: GridPanel): string {
  const bases = panel.rows.flatMap((row) => (row.withheld || row.base === null ? [] : [row.base]));
  if (bases.length === 0) return 'figures withheld';
  const [low, high] = [Math.min(...bases), Math.max(...bases)];
  return low === high ? `n = ${formatFigure(low, 'count')} per row` : `n = ${formatFigure(low, 'count')}–${formatFigure(high, 'count')} per row`;
}
