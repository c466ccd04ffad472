import Papa from 'papaparse';

/** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Characters a spreadsheet may split a cell on although the file's delimiter is a comma: a
 * semicolon is the list separator of German, French and Dutch locales, and a tab splits a paste.
 * `p;=1+1;q` unquoted becomes three cells there, the middle one a live formula; quoted, it stays one.
 */
const OTHER_SEPARATORS = /[;\t]/;

/** A `;` or tab followed by a formula character: where a `;`-locale reading starts a cell. */
const FORMULA_AFTER_SEPARATOR = /([;\t])(?=[=+\-@])/g;

/**
 * A text cell a spreadsheet will show as text: one starting with =, +, -, @, tab or carriage
 * return gets a leading apostrophe, which Excel, LibreOffice and Sheets hide and never evaluate.
 * A spreadsheet on a `;` locale splits the whole line on `;` and honours quotes only at the start
 * of what it reads as a cell, so quoting `p;=1+1;q` is not enough when it is not the first cell of
 * its row: every part after a `;` or tab that starts like a formula gets the apostrophe too
 * (`p;'=1+1;q`). Numbers are written as numbers and need no such guard.
 */
export function neutraliseCell(value: string): string {
  const inner = value.replace(FORMULA_AFTER_SEPARATOR, "$1'");
  return FORMULA_START.test(inner) ? `'${inner}` : inner;
}

export type CsvValue = string | number | boolean | null | undefined;

/** Quotes where papaparse would (delimiter, quote, line break, edge spaces) and also around `;` and tab. */
function quoteWhere(value: unknown): boolean {
  return typeof value === 'string' && OTHER_SEPARATORS.test(value);
}

/**
 * Rows of cells → CSV lines (CRLF, no trailing line break): text cells neutralised and quoted
 * where any locale's spreadsheet could split them, numbers as they are. The one writer behind
 * every CSV the app and the CLI write (aggregates, crosstabs, raw responses).
 */
export function writeSafeCsvLines(rows: readonly (readonly (string | number)[])[]): string {
  const cells = rows.map((row) => row.map((cell) => (typeof cell === 'string' ? neutraliseCell(cell) : Number.isFinite(cell) ? cell : '')));
  return Papa.unparse(cells, { newline: '\r\n', quotes: quoteWhere as unknown as boolean });
}

/**
 * Rows of plain values → CSV text with a header row, written by papaparse (quotes where
 * needed, CRLF as RFC 4180 says). null and undefined become empty cells, never "null" or 0.
 */
export function writeSafeCsv<Row extends Record<string, CsvValue>>(columns: readonly (keyof Row & string)[], rows: readonly Row[]): string {
  const data = rows.map((row) =>
    columns.map((column): string | number => {
      const value: CsvValue = row[column];
      if (value === null || value === undefined) return '';
      if (typeof value === 'number') return value;
      if (typeof value === 'boolean') return value ? 'true' : 'false';
      return value;
    }),
  );
  return `${writeSafeCsvLines([columns, ...data])}\r\n`;
}
