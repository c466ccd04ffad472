import Papa from 'papaparse';
import type { IngestIssue } from '../survey/types';
import { countLineBreaks, describePapaError, guessDelimiter } from './parse-csv-stream';

export interface ParsedCsv {
  /** Every record as strings, header records included; fields are not trimmed here. */
  records: string[][];
  /** 1-based line on which each record starts (records can span lines inside quotes). */
  lines: Uint32Array;
  delimiter: string;
  /** Whether the text ends with a line break: a missing one plus a short last record means a cut-off file. */
  endsWithNewline: boolean;
  issues: IngestIssue[];
}

export interface ParseCsvOptions {
  /** Force a delimiter instead of detecting one of comma, semicolon and tab. */
  delimiter?: string;
}

function startLines(records: string[][]): Uint32Array {
  const lines = new Uint32Array(records.length);
  let line = 1;
  for (let r = 0; r < records.length; r++) {
    lines[r] = line;
    line += 1 + countLineBreaks(records[r]);
  }
  return lines;
}

/**
 * CSV text → records, with papaparse and strings only (no dynamicTyping: "007" and "1e3" are
 * answers, not numbers, until the survey layer decides). Quoting problems are reported with
 * the line the record starts on, and the broken record is marked so the survey layer drops it.
 */
export function parseCsvText(text: string, options: ParseCsvOptions = {}): ParsedCsv & { brokenRecords: Set<number> } {
  const result = Papa.parse<string[]>(text, {
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    delimiter: options.delimiter ?? guessDelimiter(text),
  });
  const records = result.data;
  // papaparse yields one empty record for the final line break; it is not a record of the file.
  const endsWithNewline = /\r?\n$|\r$/.test(text);
  if (endsWithNewline && records.length > 0) {
    const last = records[records.length - 1];
    if (last.length === 1 && last[0] === '') records.pop();
  }
  const lines = startLines(records);
  const issues: IngestIssue[] = [];
  const brokenRecords = new Set<number>();
  for (const error of result.errors) {
    if (error.code === 'UndetectableDelimiter') continue; // a one-column file: comma is right
    const row = error.row ?? records.length - 1;
    if (brokenRecords.has(row)) continue; // one message per record is enough
    brokenRecords.add(row);
    issues.push({ severity: 'error', line: lines[row] ?? undefined, message: `${describePapaError(error)}; record skipped` });
  }
  return {
    records,
    lines,
    delimiter: result.meta.delimiter,
    endsWithNewline,
    issues,
    brokenRecords,
  };
}
