import Papa from 'papaparse';

/** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell a spreadsheet will show as text: one starting with =, +, -, @, tab or carriage
 * return gets a leading apostrophe, which Excel, LibreOffice and Sheets hide and never evaluate.
 * Numbers are written as numbers and need no such guard.
 */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export type CsvValue = string | number | boolean | null | undefined;

/**
 * Rows of plain values → CSV text with a header row, written by papaparse (quotes where
 * needed, CRLF as RFC 4180 says). null and undefined become empty cells, never "null" or 0.
 */
export function writeSafeCsv<Row extends Record<string, CsvValue>>(columns: readonly (keyof Row & string)[], rows: readonly Row[]): string {
  const data = rows.map((row) =>
    columns.map((column) => {
      const value = row[column];
      if (value === null || value === undefined) return '';
      if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
      if (typeof value === 'boolean') return value ? 'true' : 'false';
      return neutraliseCell(value);
    }),
  );
  const text = Papa.unparse({ fields: columns.map(neutraliseCell), data }, { newline: '\r\n' });
  // papaparse ends a header-only file with a line break, and a file with rows without one.
  return data.length === 0 ? text.replace(/(\r\n)?$/, '\r\n') : `${text}\r\n`;
}
