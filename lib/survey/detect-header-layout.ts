import type { HeaderLayout } from './types';
import { cleanCell, createMissingTest } from './missing-values';

const isMissing = createMissingTest();
const NUMBER = /^-?\d+(\.\d+)?$/;
const ROW_LABEL_MARKERS = new Set(['Response', 'Open-Ended Response', 'Multiple choice response']);
const DATA_SAMPLE = 200;

function nonEmpty(record: string[]): number {
  let count = 0;
  for (const cell of record) if (cleanCell(cell) !== '') count++;
  return count;
}

/** A title line (TODO Group 2019: the survey name alone on the first line) is far narrower than the header under it. */
function countTitleLines(records: string[][]): number {
  let skip = 0;
  while (skip < 3 && skip + 1 < records.length) {
    const record = records[skip];
    if (nonEmpty(record) <= 1 && record.length * 2 < records[skip + 1].length) skip++;
    else break;
  }
  return skip;
}

interface ColumnSample {
  allFilled: boolean;
  allNumeric: boolean;
  values: Set<string>;
}

function sampleColumns(records: string[][], from: number): ColumnSample[] {
  const width = records[from - 1]?.length ?? 0;
  const rows = records.slice(from, from + DATA_SAMPLE);
  const samples: ColumnSample[] = [];
  for (let c = 0; c < width; c++) {
    const sample: ColumnSample = { allFilled: rows.length >= 5, allNumeric: false, values: new Set() };
    let numeric = 0;
    let present = 0;
    for (const row of rows) {
      const value = cleanCell(row[c] ?? '');
      if (value === '') sample.allFilled = false;
      if (isMissing(value)) continue;
      present++;
      if (NUMBER.test(value)) numeric++;
      sample.values.add(value);
    }
    sample.allNumeric = present >= 5 && numeric === present;
    samples.push(sample);
  }
  return samples;
}

/**
 * Counts the cells of a record that only make sense in a header: a name repeated from the
 * row above (SurveyMonkey repeats "Respondent ID"), a row marker ("Response"), Kaggle's
 * " - Selected Choice", a gap in a column the data always fills, text over numeric data, or an
 * option label under a blank question cell that the data below repeats.
 */
function headerEvidence(records: string[][], row: number, samples: ColumnSample[], strict: boolean): number {
  const record = records[row];
  let evidence = 0;
  for (let c = 0; c < record.length; c++) {
    const cell = cleanCell(record[c]);
    const above = cleanCell(records[row - 1][c] ?? '');
    const sample = samples[c];
    if (!sample) continue;
    if (cell === '') {
      // Lower rows: a respondent who gave up early leaves gaps too, so only the first row counts gaps.
      if (sample.allFilled && !strict) evidence++;
      continue;
    }
    if (isMissing(cell)) continue;
    if (ROW_LABEL_MARKERS.has(cell) || cell.includes(' - Selected Choice') || cell.startsWith('{"ImportId"')) {
      evidence++;
    } else if (sample.allNumeric && !NUMBER.test(cell)) {
      evidence++;
    } else if (!strict && ((cell === above && !sample.values.has(cell)) || (above === '' && sample.values.has(cell)))) {
      // Only under the first header row: a data record repeats option labels too. A cell equal to
      // the name above is a repeated header only when the answers below never hold it: Typeform
      // names an option's column by the option, and every respondent who ticks it writes that name.
      evidence++;
    }
  }
  return evidence;
}

const TIMESTAMP = /^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})([ T]\d{1,2}:\d{2}.*)?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[A-Za-z]{2,}$/;

/**
 * Cells of a record that only an answer would hold: dates and times, numbers under a worded
 * header, e-mail addresses. A header row names things; a respondent's row is full of these
 * (Typeform's one-respondent export: an id, a score, two timestamps).
 */
function answerEvidence(records: string[][], row: number): number {
  const record = records[row];
  let evidence = 0;
  for (let c = 0; c < record.length; c++) {
    const cell = cleanCell(record[c]);
    if (cell === '' || isMissing(cell)) continue;
    const above = cleanCell(records[row - 1][c] ?? '');
    if (TIMESTAMP.test(cell) || EMAIL.test(cell) || (NUMBER.test(cell) && !NUMBER.test(above) && above !== '')) evidence++;
  }
  return evidence;
}

function looksLikeIds(record: string[]): boolean {
  const cells = record.map(cleanCell).filter((cell) => cell !== '');
  const idLike = cells.filter((cell) => /^[A-Za-z_][\w.\-]{0,63}$/.test(cell)).length;
  return cells.length > 0 && idLike >= 0.7 * cells.length;
}

/**
 * Finds how many header records a survey export has, and which kind: one row of column codes
 * (Stack Overflow), ids over question text (Kaggle), question over option label (SurveyMonkey),
 * ids, question and option (TODO Group 2022+), or Qualtrics' three rows and its legacy two.
 */
export function detectHeaderLayout(records: string[][]): HeaderLayout {
  const skip = countTitleLines(records);
  const first = records[skip] ?? [];
  if (records[skip + 2]?.some((cell) => cell.startsWith('{"ImportId"'))) {
    return { kind: 'qualtrics', skip, rows: 3 };
  }
  if (/^V1$/.test(first[0] ?? '') && /^V2$/.test(first[1] ?? '') && /^V3$/.test(first[2] ?? '')) {
    return { kind: 'qualtrics-legacy', skip, rows: 2 };
  }
  const samples = sampleColumns(records, Math.min(records.length, skip + 4));
  // A one-row header is never mostly blank; a sparse first row (ids over a group's first column) is.
  const sparseFirst = nonEmpty(first) < 0.5 * first.length;
  let rows = 1;
  let why = 'nothing follows it';
  for (let row = skip + 1; row <= skip + 2 && row < records.length; row++) {
    const evidence = headerEvidence(records, row, samples, row > skip + 1);
    const answers = answerEvidence(records, row);
    const lineNumber = row + 1;
    if (evidence >= 2 && (sparseFirst || evidence >= 0.02 * first.length) && answers < Math.max(2, evidence / 2)) {
      rows++;
      why = `line ${lineNumber} names items under ${evidence} columns${answers > 0 ? ` (and holds ${answers} answer-like cells)` : ''}`;
    } else {
      if (row === skip + 1)
        why =
          evidence >= 2
            ? `line ${lineNumber} holds ${answers} answers (dates, numbers, e-mails) against ${evidence} header-like cells: it is a respondent`
            : `line ${lineNumber} does not read as a header (${evidence} header-like cells)`;
      break;
    }
  }
  const reason = `${rows} header row${rows === 1 ? '' : 's'}${skip > 0 ? ` after ${skip} title line${skip === 1 ? '' : 's'}` : ''}: ${why}`;
  if (rows === 1) return { kind: 'single-row', skip, rows, reason };
  if (rows === 3) return { kind: 'ids-question-and-option', skip, rows, reason };
  return { kind: looksLikeIds(first) ? 'ids-and-text' : 'question-and-option', skip, rows, reason };
}
