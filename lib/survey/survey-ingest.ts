import type { CsvStreamSummary, RecordBatch } from '../csv/parse-csv-stream';
import { RecordWidthCheck } from '../csv/check-record-widths';
import type { Codebook } from './codebook-schema';
import { ColumnEncoder, type ColumnPart, type IngestedColumn } from './column-encoder';
import { detectHeaderLayout } from './detect-header-layout';
import { SurveyFileError } from './survey-file-error';
import type { HeaderLayout } from './types';
import type { IngestIssue } from '../csv/ingest-issue';

/** Records read before the header layout is decided: the header rows and a sample of answers under them. */
const HEAD_RECORDS = 256;

const OTHER_DELIMITERS: Record<string, string[]> = { ',': [';', '\t'], ';': [',', '\t'], '\t': [',', ';'] };

/**
 * A spreadsheet re-save on a semicolon locale leaves a header that is one cell full of commas
 * (Stack Overflow's mangled 2019 sample). Refuse it before anything is counted.
 */
function assertDelimiterFits(header: string[], delimiter: string, name: string): void {
  const filled = header.filter((cell) => cell.trim() !== '');
  if (filled.length !== 1) return;
  for (const other of OTHER_DELIMITERS[delimiter] ?? []) {
    const parts = filled[0].split(other).length;
    if (parts >= 3) {
      throw new SurveyFileError(
        `${name}: the header is a single column holding ${parts} names separated by "${other === '\t' ? 'tab' : other}", ` +
          `but the records are split by "${delimiter === '\t' ? 'tab' : delimiter}". The file looks re-saved by a spreadsheet with another delimiter; export it again from the survey tool.`,
        [{ severity: 'error', line: 1, message: 'header and records use different delimiters' }],
      );
    }
  }
}

function resolveLayout(records: string[][], codebook: Codebook | undefined): HeaderLayout {
  const detected = detectHeaderLayout(records);
  const override = codebook?.header;
  if (!override) return detected;
  return { kind: override.layout ?? detected.kind, skip: override.skip ?? detected.skip, rows: override.rows ?? detected.rows };
}

/**
 * Two files joined end to end (or an export appended to) bring their header rows into the data:
 * a record equal to a header row is not a respondent. It is skipped and named with its line.
 */
class RepeatedHeaderCheck {
  private readonly keys: Set<string>;
  private readonly firsts: Set<string>;
  private readonly lines: number[] = [];

  constructor(headerRows: readonly string[][]) {
    const filled = headerRows.filter((row) => row.some((cell) => cell.trim() !== ''));
    this.keys = new Set(filled.map((row) => row.join('\u0001')));
    this.firsts = new Set(filled.map((row) => row[0] ?? ''));
  }

  matches(record: readonly string[], line: number): boolean {
    if (!this.firsts.has(record[0] ?? '') || !this.keys.has(record.join('\u0001'))) return false;
    this.lines.push(line);
    return true;
  }

  issues(): IngestIssue[] {
    if (this.lines.length === 0) return [];
    const named = this.lines.slice(0, 10).join(', ') + (this.lines.length > 10 ? ', …' : '');
    return [
      {
        severity: 'warning',
        line: this.lines[0],
        message: `${this.lines.length} record${this.lines.length === 1 ? ' repeats' : 's repeat'} the header (line${this.lines.length === 1 ? '' : 's'} ${named}): files joined end to end? Not counted as respondents`,
      },
    ];
  }
}

/**
 * Columns whose header is the same as another's (rows above the last filled rightwards, as a
 * grid's question spans its items; in an ids-over-text layout the ids alone as well): answers the
 * reader cannot tell apart by name. Listed with their positions.
 */
function describeDuplicateColumns(headerRows: readonly string[][], idsRow: boolean): IngestIssue[] {
  const width = Math.max(0, ...headerRows.map((row) => row.length));
  const filled = headerRows.map((row, r) => {
    if (r === headerRows.length - 1) return row;
    let last = '';
    return Array.from({ length: width }, (_, c) => (last = (row[c] ?? '').trim() || last));
  });
  const keyings = [
    (c: number) => filled.map((row) => (row[c] ?? '').trim()).join(' / '),
    ...(idsRow && headerRows.length > 1 ? [(c: number) => (headerRows[0][c] ?? '').trim()] : []),
  ];
  const issues = new Map<string, IngestIssue>();
  for (const keyOf of keyings) {
    const positions = new Map<string, number[]>();
    for (let c = 0; c < width; c++) {
      const key = keyOf(c);
      if ((filled.at(-1)?.[c] ?? '').trim() !== '' && !key.endsWith(' / ')) positions.set(key, [...(positions.get(key) ?? []), c + 1]);
    }
    for (const [key, columns] of positions) {
      if (columns.length < 2 || issues.has(columns.join())) continue;
      issues.set(columns.join(), {
        severity: 'warning',
        line: headerRows.length,
        message: `columns ${columns.join(', ')} have the same header “${key.slice(0, 120)}”: their answers cannot be told apart by name`,
      });
    }
  }
  return [...issues.values()].slice(0, 20);
}

/** What a file's records give once read: its header, its answers column by column, and what was wrong. */
export interface IngestedFile {
  layout: HeaderLayout;
  /** The records up to and including the header rows (title lines, header rows). */
  headerRecords: string[][];
  /** Each column's answers: a dictionary, or packed cells when its answers hardly repeat. */
  columns: IngestedColumn[];
  /** 1-based line where each kept respondent's record starts. */
  lines: Uint32Array;
  delimiter: string;
  recordsRead: number;
  columnCount: number;
  issues: IngestIssue[];
}

/** Data records checked for width; each kept one that does not repeat the header goes into the columns, its line noted. */
function checkedInto(width: number, repeated: RepeatedHeaderCheck, encoders: readonly ColumnEncoder[], lines: number[]): RecordWidthCheck {
  return new RecordWidthCheck(width, (record, line) => {
    if (repeated.matches(record, line)) return;
    for (let c = 0; c < width; c++) encoders[c].push(record[c] ?? '');
    lines.push(line);
  });
}

/** What a reader of a later part of the file needs from the first: how records are split and what a header row looks like. */
export interface PartLayout {
  delimiter: string;
  width: number;
  headerRows: string[][];
}

/** A later part of the file, read into columns by another thread (see `PartIngest`). */
export interface IngestedPart {
  /** Emptied as they are appended (`appendPart`). */
  columns: ColumnPart[];
  /** 1-based line of each kept record, counted from the part's first line. */
  lines: Uint32Array;
  /** Records read (kept or not). */
  records: number;
}

/**
 * Records in, columns out, one batch at a time: the first records are held until the header
 * layout is known, then every data record is checked for its width and its cells go straight
 * into the columns' dictionaries. No record outlives its batch.
 */
export class SurveyIngest {
  private head: { record: string[]; line: number; broken: boolean }[] = [];
  private decided?: { layout: HeaderLayout; width: number; check: RecordWidthCheck };
  private encoders: ColumnEncoder[] = [];
  private lines: number[] = [];
  private duplicates: IngestIssue[] = [];
  private repeated?: RepeatedHeaderCheck;

  constructor(private readonly options: { codebook?: Codebook; name: string; delimiter: () => string; onLayout?: (layout: PartLayout) => void }) {}

  /** Data records with the wrong number of fields so far. */
  get ragged(): number {
    return this.decided?.check.ragged ?? 0;
  }

  add(batch: RecordBatch): void {
    batch.records.forEach((record, k) => {
      const line = batch.lines[k];
      const broken = batch.broken.has(k);
      if (this.decided) this.decided.check.add(record, line, broken);
      else {
        this.head.push({ record, line, broken });
        if (this.head.length >= HEAD_RECORDS) this.decide();
      }
    });
  }

  /** Decides the header layout now if the records so far have not (a first part of fewer than HEAD_RECORDS records): `onLayout` is told. */
  settleLayout(): void {
    if (!this.decided) this.decide();
  }

  private decide(): void {
    const records = this.head.map((entry) => entry.record);
    if (records.length === 0) throw new SurveyFileError(`${this.options.name} has no records.`);
    assertDelimiterFits(records[0], this.options.delimiter(), this.options.name);
    const layout = resolveLayout(records, this.options.codebook);
    const firstData = layout.skip + layout.rows;
    const width = records[layout.skip]?.length ?? 0;
    this.encoders = Array.from({ length: width }, () => new ColumnEncoder());
    const headerRows = records.slice(layout.skip, firstData);
    this.duplicates = describeDuplicateColumns(headerRows, layout.kind.startsWith('ids') || layout.kind.startsWith('qualtrics'));
    const repeated = new RepeatedHeaderCheck(headerRows);
    const check = checkedInto(width, repeated, this.encoders, this.lines);
    this.repeated = repeated;
    this.decided = { layout, width, check };
    const head = this.head;
    this.head = head.slice(0, firstData);
    this.options.onLayout?.({ delimiter: this.options.delimiter(), width, headerRows });
    for (const entry of head.slice(firstData)) check.add(entry.record, entry.line, entry.broken);
  }

  /**
   * The rest of the file, read by another thread from the record boundary where this read
   * stopped, appended as if its records had come through `add`: `lineOffset` is the lines this
   * read covered. The caller appends only a part read without a single issue, so there is
   * nothing of the part's to report.
   */
  appendPart(part: IngestedPart, lineOffset: number): void {
    this.settleLayout();
    this.decided!.check.flushPending();
    // Each column of the part is let go once appended: the part's arrays leave memory as this thread's grow.
    const columns: (ColumnPart | undefined)[] = part.columns;
    for (let c = 0; c < columns.length; c++) {
      this.encoders[c].append(columns[c]!);
      columns[c] = undefined;
    }
    for (const line of part.lines) this.lines.push(line + lineOffset);
    this.decided!.check.records += part.records;
  }

  finish(summary: CsvStreamSummary): IngestedFile {
    if (!this.decided) this.decide();
    const { layout, width, check } = this.decided!;
    const { fatal } = check.finish(summary.endsWithNewline);
    const issues: IngestIssue[] = [...summary.issues, ...check.issues, ...this.duplicates, ...(this.repeated?.issues() ?? [])];
    if (fatal) throw new SurveyFileError(`${this.options.name}: ${fatal}`, issues);
    if (this.lines.length === 0) throw new SurveyFileError(`${this.options.name} has a header but no usable records.`, issues);
    return {
      layout,
      headerRecords: this.head.map((entry) => entry.record),
      columns: this.encoders.map((encoder) => encoder.finish()),
      lines: Uint32Array.from(this.lines),
      delimiter: summary.delimiter,
      recordsRead: check.records,
      columnCount: width,
      issues,
    };
  }
}

/**
 * A later part of the file, read by a second thread: records from a record boundary on, checked
 * for width and repeated headers as the first part's are, into encoders of their own. Anything
 * at all to report makes the part unusable (`finish` says why), and the whole file is read
 * again by one thread: what is kept is only ever what a single read would have given.
 */
export class PartIngest {
  private readonly encoders: ColumnEncoder[];
  private readonly lines: number[] = [];
  private readonly repeated: RepeatedHeaderCheck;
  private readonly check: RecordWidthCheck;

  constructor(layout: PartLayout) {
    this.encoders = Array.from({ length: layout.width }, () => new ColumnEncoder());
    this.repeated = new RepeatedHeaderCheck(layout.headerRows);
    this.check = checkedInto(layout.width, this.repeated, this.encoders, this.lines);
  }

  add(batch: RecordBatch): void {
    batch.records.forEach((record, k) => this.check.add(record, batch.lines[k], batch.broken.has(k)));
  }

  finish(summary: CsvStreamSummary): { part: IngestedPart } | { unusable: string } {
    this.check.finish(summary.endsWithNewline);
    const issue = [...summary.issues, ...this.check.issues, ...this.repeated.issues()][0];
    if (issue) return { unusable: `line ${issue.line ?? '?'} of the part: ${issue.message}` };
    if (this.check.records === 0) return { unusable: 'the part holds no records' };
    return { part: { columns: this.encoders.map((encoder) => encoder.part()), lines: Uint32Array.from(this.lines), records: this.check.records } };
  }
}
