import type { IngestIssue } from '../survey/types';

export interface RecordCheck {
  /** Indexes (into the parsed records) of data records that are safe to use. */
  kept: number[];
  issues: IngestIssue[];
  /** Records with the wrong number of fields. */
  ragged: number;
  /** Set when the file is too broken to produce figures: then nothing should be built from it. */
  fatal?: string;
}

/** Above this share of bad records the file is not "a few bad rows" but the wrong format. */
const MAX_RAGGED_SHARE = 0.05;
const MAX_LISTED = 20;

function isBlankRecord(record: string[]): boolean {
  return record.every((field) => field.trim() === '');
}

/**
 * Keeps data records whose field count matches the header. A short last record in a file with
 * no final line break is a cut-off download; extra fields that are all empty are a trailing
 * delimiter and harmless. Anything else is reported with its line and skipped, and when many
 * records are off the whole file is refused: its columns cannot be trusted to line up.
 */
export function checkRecordWidths(
  records: string[][],
  lines: Uint32Array,
  firstDataRecord: number,
  width: number,
  endsWithNewline: boolean,
  brokenRecords: ReadonlySet<number> = new Set(),
): RecordCheck {
  const kept: number[] = [];
  const issues: IngestIssue[] = [];
  let ragged = 0;
  let minSeen = Infinity;
  let maxSeen = 0;
  let blank = 0;
  for (let r = firstDataRecord; r < records.length; r++) {
    const record = records[r];
    if (brokenRecords.has(r)) continue;
    if (isBlankRecord(record)) {
      blank++;
      continue;
    }
    const extraAreEmpty = record.length > width && record.slice(width).every((field) => field.trim() === '');
    if (record.length === width || extraAreEmpty) {
      kept.push(r);
      continue;
    }
    ragged++;
    minSeen = Math.min(minSeen, record.length);
    maxSeen = Math.max(maxSeen, record.length);
    const isCutOff = r === records.length - 1 && !endsWithNewline && record.length < width;
    const message = isCutOff
      ? `the last record is incomplete (${record.length} of ${width} fields) and the file has no final line break: the file looks truncated; record skipped`
      : `expected ${width} fields, found ${record.length}; record skipped`;
    if (issues.length < MAX_LISTED) issues.push({ severity: 'error', line: lines[r], message });
  }
  if (ragged > MAX_LISTED) {
    issues.push({ severity: 'error', message: `${ragged - MAX_LISTED} more records with the wrong number of fields were skipped` });
  }
  if (blank > 0) issues.push({ severity: 'warning', message: `${blank} blank line${blank === 1 ? '' : 's'} ignored` });
  const dataRecords = records.length - firstDataRecord;
  const fatal =
    ragged > 2 && ragged > MAX_RAGGED_SHARE * dataRecords
      ? `${ragged} of ${dataRecords} records have the wrong number of fields (${minSeen}–${maxSeen} instead of ${width}). ` +
        'The columns cannot be trusted to line up: was the file re-saved by a spreadsheet with a different delimiter or quoting?'
      : undefined;
  return { kept, issues, ragged, fatal };
}
