import type { AggregateRow } from '../analysis/aggregate-view';
import { writeSafeCsv } from './write-safe-csv';

/** The export schema, in column order; the README documents each column. */
export const AGGREGATE_COLUMNS: readonly (keyof AggregateRow)[] = [
  'dataset',
  'wave',
  'question_id',
  'question_label',
  'measure',
  'filters',
  'segment_question',
  'segment',
  'option',
  'count',
  'weighted_count',
  'base',
  'weighted_base',
  'effective_base',
  'base_rule',
  'percent',
  'ci_low',
  'ci_high',
  'ci_method',
  'flags',
];

/** Aggregated rows → the CSV the dashboard, the export route and the CLI all produce (UTF-8, header row). */
export function writeAggregateCsv(rows: readonly AggregateRow[]): string {
  return writeSafeCsv(AGGREGATE_COLUMNS, rows as unknown as Record<string, string | number | null>[]);
}
