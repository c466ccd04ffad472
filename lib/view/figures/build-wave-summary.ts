import type { AggregateRow } from '../../analysis/aggregate-row';
import { roundPercent } from '../../analysis/round-shares';
import { formatScore } from './build-stats';
import { formatFigure } from '../words/format-figure';

/** One summary figure (top-2 box, mean score, median…) through the waves, formatted for a table. */
export interface WaveSummaryRow {
  label: string;
  values: string[];
}

const MEASURES = [
  ['nps', 'value'],
  ['top2', 'percent'],
  ['bottom2', 'percent'],
  ['mean', 'value'],
  ['median', 'value'],
  ['q1', 'value'],
  ['q3', 'value'],
] as const;

/**
 * The summary figures of a trend, one row per figure and one column per wave: a recommend
 * scale's Net Promoter Score (signed points), a scale's top-2 and bottom-2 box and mean score,
 * a number's mean, median and quartiles. From the trend's rows.
 */
export function buildWaveSummary(rows: readonly AggregateRow[], waves: readonly string[], segment = '(all)'): WaveSummaryRow[] {
  const own = rows.filter((row) => row.segment === segment);
  const scale = own.some((row) => row.measure === 'top2');
  const format = (row: AggregateRow | undefined, field: 'percent' | 'value') => {
    const value = row?.[field];
    if (row === undefined) return '–';
    if (value === null || value === undefined) return row.flags.includes('suppressed') ? 'withheld' : '–';
    if (row.measure === 'nps') return formatScore(value);
    if (field === 'percent') return formatFigure(roundPercent(value / 100), 'percent');
    return formatFigure(value, scale ? 'rank' : 'number');
  };
  return MEASURES.flatMap(([measure, field]) => {
    const byWave = waves.map((wave) => own.find((row) => row.measure === measure && row.wave === wave));
    const named = byWave.find((row) => row !== undefined);
    if (!named) return [];
    const label = measure === 'mean' && scale ? 'Mean score' : measure === 'nps' ? 'Net Promoter Score' : named.option;
    return [{ label, values: byWave.map((row) => format(row, field)) }];
  });
}
