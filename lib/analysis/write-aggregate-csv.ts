import { writeSafeCsv, type CsvValue } from '../csv/write-safe-csv';
import { AGGREGATE_COLUMNS, type AggregateRow, type ExportRecord } from './aggregate-row';

export { AGGREGATE_COLUMNS } from './aggregate-row';

/** A row as exported: the documented columns only, in order (what the JSON route and `--format json` print). */
export function toExportRecord(row: AggregateRow): ExportRecord {
  return Object.fromEntries(AGGREGATE_COLUMNS.map((column) => [column, row[column]])) as ExportRecord;
}

/** Aggregated rows → the CSV the dashboard, the export route and the CLI all produce (UTF-8, header row). */
export function writeAggregateCsv(rows: readonly AggregateRow[]): string {
  return writeSafeCsv(AGGREGATE_COLUMNS, rows.map(toExportRecord) as unknown as Record<string, CsvValue>[]);
}
