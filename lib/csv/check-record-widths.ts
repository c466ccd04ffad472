import type { IngestIssue } from './ingest-issue';

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

function isBlankRecord(record: readonly string[]): boolean {
  return record.every((field) => field.trim() === '');
}

/**
 * The same check one record at a time, for a file read as a stream: each data record is judged
 * as it comes (one held back, because only the last record can be a cut-off download) and the
 * kept ones are handed on at once, so no list of records is ever built.
 */
export class RecordWidthCheck {
  readonly issues: IngestIssue[] = [];
  ragged = 0;
  records = 0;
  private blank = 0;
  private minSeen = Infinity;
  private maxSeen = 0;
  private pending?: { record: string[]; line: number; index: number };

  constructor(
    private readonly width: number,
    private readonly keep: (record: string[], line: number, index: number) => void,
  ) {}

  /** A data record (`broken`: papaparse could not read its quotes; it is already reported). */
  add(record: string[], line: number, broken = false): void {
    const index = this.records++;
    if (this.pending) this.judge(this.pending, false, true);
    this.pending = broken ? undefined : { record, line, index };
  }

  private judge({ record, line, index }: { record: string[]; line: number; index: number }, last: boolean, endsWithNewline: boolean): void {
    if (isBlankRecord(record)) {
      this.blank++;
      return;
    }
    const extraAreEmpty = record.length > this.width && record.slice(this.width).every((field) => field.trim() === '');
    if (record.length === this.width || extraAreEmpty) {
      // A download cut inside the last field leaves a whole-width record: only the missing final line break can tell.
      if (last && !endsWithNewline && (record[this.width - 1] ?? '') !== '') {
        this.issues.push({
          severity: 'warning',
          line,
          message: 'the file does not end with a line break: if it was cut off, the last answer of this record may be incomplete',
        });
      }
      return this.keep(record, line, index);
    }
    this.ragged++;
    this.minSeen = Math.min(this.minSeen, record.length);
    this.maxSeen = Math.max(this.maxSeen, record.length);
    const isCutOff = last && !endsWithNewline && record.length < this.width;
    const message = isCutOff
      ? `the last record is incomplete (${record.length} of ${this.width} fields) and the file has no final line break: the file looks truncated; record skipped`
      : `expected ${this.width} fields, found ${record.length}; record skipped`;
    if (this.issues.length < MAX_LISTED) this.issues.push({ severity: 'error', line, message });
  }

  /** More records follow (read elsewhere, and appended by the caller): the one held back is judged as not the last. */
  flushPending(): void {
    if (this.pending) this.judge(this.pending, false, true);
    this.pending = undefined;
  }

  /** After the last record: judges the one held back, adds the totals, and says whether the file is too broken. */
  finish(endsWithNewline: boolean): { fatal?: string } {
    if (this.pending) this.judge(this.pending, true, endsWithNewline);
    this.pending = undefined;
    if (this.ragged > MAX_LISTED)
      this.issues.push({ severity: 'error', message: `${this.ragged - MAX_LISTED} more records with the wrong number of fields were skipped` });
    if (this.blank > 0) this.issues.push({ severity: 'warning', message: `${this.blank} blank line${this.blank === 1 ? '' : 's'} ignored` });
    const fatal =
      this.ragged > 2 && this.ragged > MAX_RAGGED_SHARE * this.records
        ? `${this.ragged} of ${this.records} records have the wrong number of fields (${this.minSeen}–${this.maxSeen} instead of ${this.width}). ` +
          'The columns cannot be trusted to line up: was the file re-saved by a spreadsheet with a different delimiter or quoting?'
        : undefined;
    return { fatal };
  }
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
  const check = new RecordWidthCheck(width, (_, __, index) => kept.push(firstDataRecord + index));
  for (let r = firstDataRecord; r < records.length; r++) check.add(records[r], lines[r], brokenRecords.has(r));
  const { fatal } = check.finish(endsWithNewline);
  return { kept, issues: check.issues, ragged: check.ragged, ...(fatal ? { fatal } : {}) };
}
