import { isMainMeasure } from '../../analysis/measures';
import type { AggregateRow } from '../../analysis/aggregate-row';
import { roundPercent } from '../../analysis/round-shares';
import type { Question } from '../../survey/types';
import { formatFigure } from '../words/format-figure';

/** One wave's figure of one option, as a client chart receives it. */
export interface TrendPoint {
  /** Display percentage (rounded), null when withheld. */
  percent: number | null;
  low: number | null;
  high: number | null;
  count: number | null;
  base: number | null;
  /** Change from the previous wave with the figure, in points, and whether it is significant (Holm). */
  change: number | null;
  changeFrom: string;
  changeMark: 'up' | 'down' | null;
  /** Change since the first wave with the figure. */
  changeSince: number | null;
  changeSinceMark: 'up' | 'down' | null;
}

export interface TrendLine {
  key: string;
  label: string;
  /** One point per wave of `waves` (null: not asked, or not an option that year). */
  points: (TrendPoint | null)[];
  /** Latest wave's display share: what lines are ordered and picked by. */
  latest: number | null;
  active: boolean;
}

export interface TrendData {
  questionId: string;
  measure: AggregateRow['measure'];
  /** Waves with figures for this question, oldest first. */
  waves: string[];
  /** Everyone's base per wave (null when withheld). */
  bases: (number | null)[];
  lines: TrendLine[];
  /** Options left out by the line limit. */
  hidden: number;
  segment: string;
  summary: string;
}

function mark(flags: string, kind: 'from-previous' | 'since-first'): 'up' | 'down' | null {
  return flags.includes(`up-${kind}`) ? 'up' : flags.includes(`down-${kind}`) ? 'down' : null;
}

function toPoint(row: AggregateRow): TrendPoint {
  return {
    percent: row.percent === null ? null : roundPercent(row.percent / 100),
    low: row.ci_low,
    high: row.ci_high,
    count: row.count,
    base: row.base,
    change: row.change_points,
    changeFrom: row.change_from,
    changeMark: mark(row.flags, 'from-previous'),
    changeSince: row.change_since_points,
    changeSinceMark: mark(row.flags, 'since-first'),
  };
}

function describeTrend(question: Question, waves: string[], lines: TrendLine[]): string {
  const text = lines
    .map(
      (line) =>
        `${line.label}: ${line.points.map((point, w) => `${waves[w]} ${point?.percent == null ? 'no figure' : formatFigure(point.percent, 'percent')}`).join(', ')}`,
    )
    .join('; ');
  return `Line chart of “${question.label}” across ${waves.join(', ')}: ${text}.`;
}

/**
 * A question's trend, one line per option, from the rows of its trend download: the charted
 * figure of each wave with its interval and its change from the wave before. Lines are the
 * options with the largest latest shares (and any the view filters on), largest first.
 */
export function buildTrendData(
  question: Question,
  rows: readonly AggregateRow[],
  options: { limit: number; activeValues: ReadonlySet<string>; segment?: string; measure?: AggregateRow['measure']; order?: readonly string[] },
): TrendData | undefined {
  const segment = options.segment ?? '(all)';
  const wanted = (row: AggregateRow) => (options.measure ? row.measure === options.measure : isMainMeasure(row.measure));
  const main = rows.filter((row) => wanted(row) && row.segment === segment);
  if (main.length === 0) return undefined;
  const waves = [...new Set(main.map((row) => row.wave))];
  const byOption = new Map<string, AggregateRow[]>();
  for (const row of main) byOption.set(row.keys.option, [...(byOption.get(row.keys.option) ?? []), row]);
  const all = [...byOption.entries()].map(([key, optionRows]): TrendLine => {
    const points = waves.map((wave) => {
      const row = optionRows.find((candidate) => candidate.wave === wave);
      return row ? toPoint(row) : null;
    });
    const latest = points.at(-1)?.percent ?? null;
    return { key, label: optionRows.at(-1)!.option, points, latest, active: options.activeValues.has(key) };
  });
  // Panels of a comparison follow one order (everyone's), so an option keeps its colour in every panel.
  const { order } = options;
  const ordered = order
    ? order.flatMap((key) => all.filter((line) => line.key === key))
    : question.kind === 'numeric'
      ? all
      : [...all].sort((a, b) => (b.latest ?? -1) - (a.latest ?? -1));
  const picked = question.kind === 'numeric' || order ? ordered : ordered.filter((line, index) => index < options.limit || line.active);
  const bases = waves.map((wave) => main.find((row) => row.wave === wave && !row.flags.includes('excluded-from-base'))?.base ?? null);
  return {
    questionId: question.id,
    measure: main[0].measure,
    waves,
    bases,
    lines: picked,
    hidden: all.length - picked.length,
    segment,
    summary: describeTrend(question, waves, picked),
  };
}
