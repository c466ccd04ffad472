import { writeSafeCsv, type CsvValue } from '../csv/write-safe-csv';
import { CROSSTAB_COLUMNS, type CrosstabRow } from './crosstab-rows';

/** A crosstab row as exported: the documented columns only, in order. */
export function toCrosstabRecord(row: CrosstabRow): Record<string, CsvValue> {
  return Object.fromEntries(CROSSTAB_COLUMNS.map((column) => [column, row[column]]));
}

/** Crosstab rows → the CSV the crosstab page downloads and `survey-lens crosstab` prints. */
export function writeCrosstabCsv(rows: readonly CrosstabRow[]): string {
  return writeSafeCsv(CROSSTAB_COLUMNS, rows.map(toCrosstabRecord));
}
