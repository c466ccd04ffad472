import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { neutraliseCell, writeSafeCsv } from '../../../lib/csv/write-safe-csv';

describe('neutraliseCell', () => {
  it.each<[string, string, string]>([
    ['an equals sign', '=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
    ['an at sign', '@SUM(A1)', `'@SUM(A1)`],
    ['a plus sign', '+1+1', `'+1+1`],
    ['a minus sign', '-2+3', `'-2+3`],
    ['a DDE payload', "=cmd|' /C calc'!A0", `'=cmd|' /C calc'!A0`],
    ['a tab (the part after it marked too: a tab-split paste starts a cell there)', '\t=1+1', `'\t'=1+1`],
    ['a semicolon before a formula (a ;-locale reading starts a cell there)', 'p;=1+1;q', `p;'=1+1;q`],
    ['a carriage return', '\r=1+1', `'\r=1+1`],
  ])('neutraliseCell(%s) marks it as text with an apostrophe', (_, value, expected) => {
    expect(neutraliseCell(value)).toBe(expected);
  });

  it.each<[string, string]>([
    ['plain text', 'Backend Engineer'],
    ['an inner equals sign', 'a=b'],
    ['a trailing minus', 'C-'],
    ['an empty string', ''],
    ['unicode', '日本'],
    ['a range that does not start with a sign', '1-10'],
  ])('neutraliseCell(%s) leaves it as it is', (_, value) => {
    expect(neutraliseCell(value)).toBe(value);
  });
});

describe('writeSafeCsv', () => {
  type Row = { name: string | null; n: number | null; ok?: boolean };

  it('writeSafeCsv(name, n) → a header row, CRLF line ends and a final CRLF', () => {
    expect(
      writeSafeCsv<Row>(
        ['name', 'n'],
        [
          { name: 'a', n: 1 },
          { name: 'b', n: 2.5 },
        ],
      ),
    ).toBe('name,n\r\na,1\r\nb,2.5\r\n');
  });

  it('writeSafeCsv with no rows → only the header', () => {
    expect(writeSafeCsv<Row>(['name', 'n'], [])).toBe('name,n\r\n');
  });

  it('writeSafeCsv writes null and undefined as empty cells, never "null" or 0', () => {
    expect(writeSafeCsv<Row>(['name', 'n', 'ok'], [{ name: null, n: null }])).toBe('name,n,ok\r\n,,\r\n');
  });

  it('writeSafeCsv leaves numbers untouched, negative ones too; NaN and Infinity become empty cells', () => {
    expect(
      writeSafeCsv<Row>(
        ['n'],
        [
          { name: '', n: -3 },
          { name: '', n: 0 },
          { name: '', n: 1e-7 },
          { name: '', n: NaN },
          { name: '', n: Infinity },
        ],
      ),
    ).toBe('n\r\n-3\r\n0\r\n1e-7\r\n\r\n\r\n');
  });

  it('writeSafeCsv writes booleans as true/false', () => {
    expect(
      writeSafeCsv<Row>(
        ['ok'],
        [
          { name: '', n: 0, ok: true },
          { name: '', n: 0, ok: false },
        ],
      ),
    ).toBe('ok\r\ntrue\r\nfalse\r\n');
  });

  it.each<[string, string, string]>([
    ['a comma', 'a,b', '"a,b"'],
    ['a double quote', 'say "hi"', '"say ""hi"""'],
    ['a newline', 'line 1\nline 2', '"line 1\nline 2"'],
    ['a formula with quotes (neutralised, then quoted)', '=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['a formula with a comma', '@SUM(A1,B1)', `"'@SUM(A1,B1)"`],
  ])('writeSafeCsv quotes %s: %s → %s', (_, value, cell) => {
    expect(writeSafeCsv<Row>(['name'], [{ name: value, n: 0 }])).toBe(`name\r\n${cell}\r\n`);
  });

  it('writeSafeCsv neutralises the header too', () => {
    expect(writeSafeCsv<Record<string, string>>(['=x', 'y'], [{ '=x': '1', y: '2' }])).toBe(`'=x,y\r\n1,2\r\n`);
  });

  it('writeSafeCsv round-trips through papaparse: hostile text comes back with its apostrophe, plain text exactly', () => {
    const values = ['=HYPERLINK("http://x")', '@SUM(A1)', 'a,b', 'say "hi"', 'line 1\r\nline 2', '日本', "'; DROP TABLE x; --"];
    const csv = writeSafeCsv<Row>(
      ['name', 'n'],
      values.map((name, i) => ({ name, n: i })),
    );
    const parsed = Papa.parse<string[]>(csv, { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual([
      ['name', 'n'],
      [`'=HYPERLINK("http://x")`, '0'],
      [`'@SUM(A1)`, '1'],
      ['a,b', '2'],
      ['say "hi"', '3'],
      ['line 1\r\nline 2', '4'],
      ['日本', '5'],
      ["'; DROP TABLE x; --", '6'],
    ]);
  });
});
