import { writeSafeCsv, type CsvValue } from '../csv/write-safe-csv';
import { FINDING_COLUMNS, type FindingRow } from './finding-row';
import type { FindingThresholds } from './pick-findings';

/**
 * The findings download's columns: the issue's, in order, then which section of the page the row
 * is in — `stands_out` (a group against its rest: `percent` the group's, `percent_rest` the rest's)
 * or `changed` (the wave against the previous one: `percent` the later wave's, `percent_rest`
 * the earlier one's).
 */
export const FINDINGS_EXPORT_COLUMNS = [...FINDING_COLUMNS, 'section'] as const;

export type FindingsSection = 'stands_out' | 'changed';

/** A finding as exported: the documented columns only (its `keys` stay inside the app). */
export function toFindingRecord(row: FindingRow, section: FindingsSection): Record<(typeof FINDINGS_EXPORT_COLUMNS)[number], CsvValue> {
  return { ...(Object.fromEntries(FINDING_COLUMNS.map((column) => [column, row[column]])) as Record<(typeof FINDING_COLUMNS)[number], CsvValue>), section };
}

const recordsOf = (findings: readonly FindingRow[], changes: readonly FindingRow[]) => [
  ...findings.map((row) => toFindingRecord(row, 'stands_out')),
  ...changes.map((row) => toFindingRecord(row, 'changed')),
];

/** The findings page's rows as CSV (formula-safe: lib/csv/write-safe-csv): what it downloads and `survey-lens findings` prints. */
export function writeFindingsCsv(findings: readonly FindingRow[], changes: readonly FindingRow[]): string {
  return writeSafeCsv(FINDINGS_EXPORT_COLUMNS, recordsOf(findings, changes));
}

/** What the JSON download says of its view besides the rows: the family's size above all (N tests). */
export interface FindingsHeader {
  dataset: string;
  wave: string | null;
  previous_wave: string | null;
  filters: string;
  by: string | null;
  weighted: boolean;
  tests: number;
  untested: number;
  thresholds: FindingThresholds;
  notes: string[];
}

/** The findings page's rows as JSON: the header (tests, thresholds, notes), then the rows of both sections. */
export function writeFindingsJson(header: FindingsHeader, findings: readonly FindingRow[], changes: readonly FindingRow[]): string {
  const { thresholds, ...rest } = header;
  const document = {
    ...rest,
    q: thresholds.q,
    min_points: thresholds.minPoints,
    min_sd: thresholds.minSd,
    findings: findings.length + changes.length,
    rows: recordsOf(findings, changes),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
