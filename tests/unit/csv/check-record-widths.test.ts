import { describe, expect, it } from 'vitest';
import { checkRecordWidths } from '../../../lib/csv/check-record-widths';

/** Records with their start lines; lines deliberately differ from indexes to prove they come from `lines`. */
function input(records: string[][], lines?: number[]) {
  return { records, lines: Uint32Array.from(lines ?? records.map((_, i) => i + 1)) };
}

describe('checkRecordWidths', () => {
  it('keeps records of the header width and skips a ragged one with the line it starts on', () => {
    // record 2 starts on line 5 because record 1 spanned lines 2-4.
    const { records, lines } = input(
      [
        ['a', 'b', 'c'],
        ['1', '2\n\n', '3'],
        ['4', '5'],
        ['6', '7', '8'],
      ],
      [1, 2, 5, 6],
    );
    const check = checkRecordWidths(records, lines, 1, 3, true);
    expect(check.kept).toEqual([1, 3]);
    expect(check.ragged).toBe(1);
    expect(check.issues).toEqual([{ severity: 'error', line: 5, message: 'expected 3 fields, found 2; record skipped' }]);
    expect(check.fatal).toBeUndefined();
  });

  it('calls a short last record in a file without a final line break truncated', () => {
    const { records, lines } = input([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
      ['4', '5', '6'],
      ['7', '8'],
    ]);
    const check = checkRecordWidths(records, lines, 1, 3, false);
    expect(check.kept).toEqual([1, 2]);
    expect(check.issues).toHaveLength(1);
    expect(check.issues[0].line).toBe(4);
    expect(check.issues[0].message).toMatch(/^the last record is incomplete \(2 of 3 fields\).*looks truncated/);
  });

  it('does not call a short last record truncated when the file ends with a line break', () => {
    const { records, lines } = input([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
      ['7', '8'],
    ]);
    const check = checkRecordWidths(records, lines, 1, 3, true);
    expect(check.issues[0].message).toBe('expected 3 fields, found 2; record skipped');
  });

  it('does not call a short record truncated when it is not the last one', () => {
    const { records, lines } = input([
      ['a', 'b', 'c'],
      ['7', '8'],
      ['1', '2', '3'],
    ]);
    const check = checkRecordWidths(records, lines, 1, 3, false);
    expect(check.issues[0].message).toBe('expected 3 fields, found 2; record skipped');
  });

  it('keeps records whose extra fields are all empty (a trailing delimiter) and skips extra fields with text', () => {
    const { records, lines } = input([
      ['a', 'b'],
      ['1', '2', ''],
      ['3', '4', ' ', ''],
      ['5', '6', 'x'],
    ]);
    const check = checkRecordWidths(records, lines, 1, 2, true);
    expect(check.kept).toEqual([1, 2]);
    expect(check.issues).toEqual([{ severity: 'error', line: 4, message: 'expected 2 fields, found 3; record skipped' }]);
  });

  it('counts blank lines as one warning and neither keeps nor calls them ragged', () => {
    const { records, lines } = input([['a', 'b'], ['1', '2'], [''], ['3', '4'], ['', ' '], ['']]);
    const check = checkRecordWidths(records, lines, 1, 2, true);
    expect(check.kept).toEqual([1, 3]);
    expect(check.ragged).toBe(0);
    // 3 blank records: [''] on line 3, ['', ' '] on line 5, [''] on line 6.
    expect(check.issues).toEqual([{ severity: 'warning', message: '3 blank lines ignored' }]);
  });

  it('says "1 blank line" in the singular', () => {
    const { records, lines } = input([['a'], ['1'], ['']]);
    expect(checkRecordWidths(records, lines, 1, 1, true).issues).toEqual([{ severity: 'warning', message: '1 blank line ignored' }]);
  });

  it('skips records marked broken by the parser without a second message', () => {
    const { records, lines } = input([
      ['a', 'b'],
      ['1', '2'],
      ['3', 'unclosed\n4,5\n'],
    ]);
    const check = checkRecordWidths(records, lines, 1, 2, true, new Set([2]));
    expect(check.kept).toEqual([1]);
    expect(check.issues).toEqual([]);
  });

  it('starts at firstDataRecord, so header records of other widths are not checked', () => {
    // a title line (1 field) and a 3-field header; data from record 2.
    const { records, lines } = input([['Survey 2019'], ['a', 'b', 'c'], ['1', '2', '3']]);
    const check = checkRecordWidths(records, lines, 2, 3, true);
    expect(check.kept).toEqual([2]);
    expect(check.issues).toEqual([]);
  });

  it('refuses the file when more than 5% (and more than 2) of the records are ragged', () => {
    // 10 data records, 3 ragged (2, 2 and 4 fields): 3 > 2 and 3 > 0.5.
    const rows = [['a', 'b', 'c'], ...Array.from({ length: 7 }, () => ['1', '2', '3']), ['1', '2'], ['1', '2'], ['1', '2', '3', '4']];
    const { records, lines } = input(rows);
    const check = checkRecordWidths(records, lines, 1, 3, true);
    expect(check.ragged).toBe(3);
    expect(check.fatal).toMatch(/^3 of 10 records have the wrong number of fields \(2–4 instead of 3\)\./);
    expect(check.fatal).toMatch(/different delimiter or quoting/);
  });

  it.each([
    // [data records, ragged records, fatal?]: fatal needs ragged > 2 and ragged > 5% of data records.
    [4, 2, false], // 2 is not more than 2
    [60, 3, false], // 3 is not more than 3 (5% of 60)
    [59, 3, true], // 3 > 2.95
    [100, 5, false], // 5 is not more than 5
  ])('with %i data records of which %i ragged, fatal is %s', (total, ragged, fatal) => {
    const rows = [['a', 'b'], ...Array.from({ length: total - ragged }, () => ['1', '2']), ...Array.from({ length: ragged }, () => ['x'])];
    const { records, lines } = input(rows);
    const check = checkRecordWidths(records, lines, 1, 2, true);
    expect(check.ragged).toBe(ragged);
    expect(check.fatal !== undefined).toBe(fatal);
  });

  it('lists the first 20 ragged records and sums up the rest in one message', () => {
    // 400 good + 25 ragged: 25 > 21.25 is fatal, but the listing rule is what is checked here.
    const rows = [['a', 'b'], ...Array.from({ length: 400 }, () => ['1', '2']), ...Array.from({ length: 25 }, () => ['x'])];
    const { records, lines } = input(rows);
    const check = checkRecordWidths(records, lines, 1, 2, true);
    const listed = check.issues.filter((issue) => issue.line !== undefined);
    expect(listed).toHaveLength(20);
    expect(listed[0].line).toBe(402); // record 401 (header is line 1)
    expect(check.issues[20]).toEqual({ severity: 'error', message: '5 more records with the wrong number of fields were skipped' });
  });
});
