import type { HeaderLayout } from './types';
import { cleanCell } from './missing-values';

/** What the header records say about one CSV column. */
export interface ColumnHeader {
  index: number;
  /** Column code when the export has one (Kaggle `Q7_Part_3`, Qualtrics `Q1_2`, TODO 2022 `q1`). */
  code: string;
  /** Question text (carried over the blank cells SurveyMonkey leaves after a group's first column). */
  question: string;
  /** Option or grid-row label under the question, when the export has a second header row. */
  item: string;
  /** The header as one readable name, for messages and the codebook's `columns`. */
  name: string;
}

/** Row labels SurveyMonkey writes under single-column questions: they name no option. */
const NOT_AN_ITEM = new Set(['Response', 'Open-Ended Response', 'Multiple choice response']);

function carryForward(cells: string[], itemCells: string[] | undefined): string[] {
  const out: string[] = [];
  let current = '';
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c];
    // A blank header cell continues the group only when the row below names an item in it.
    if (cell !== '') current = cell;
    else if (!itemCells || itemCells[c] === '') current = '';
    out.push(cell !== '' ? cell : current);
  }
  return out;
}

/** An HTML tag: `<strong>`, `</em>`, `<br/>` (a letter right after `<`, so "<10" and "< 1 year" stay). */
const TAG = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/gi;

/** Typeform keeps the form's emphasis in its headers ("What is the <strong>operating system</strong>…"): people read the words. */
function withoutMarkup(text: string): string {
  return text.includes('<') ? text.replace(TAG, '').replace(/\s+/g, ' ').trim() : text;
}

/** pandas names a blank header cell `Unnamed: 13` when it reads a file, and writes that name back. */
const PANDAS_BLANK = /^Unnamed: \d+(_level_\d+)?$/;

function headerRow(records: string[][], row: number, width: number, blankPandas: boolean): string[] {
  const record = records[row] ?? [];
  return Array.from({ length: width }, (_, c) => {
    const cell = cleanCell(record[c] ?? '');
    return blankPandas && PANDAS_BLANK.test(cell) ? '' : cell;
  });
}

/** Header records of the detected layout → one description per column. */
export function readColumnHeaders(records: string[][], layout: HeaderLayout): ColumnHeader[] {
  const start = layout.skip;
  const width = records[start]?.length ?? 0;
  // Over a row of option labels, `Unnamed: 13` is a group's continuation cell, left blank by the survey tool.
  const rows = Array.from({ length: layout.rows }, (_, r) => headerRow(records, start + r, width, layout.rows > 1 && r < layout.rows - 1));
  let codes: string[];
  let questions: string[];
  let items: string[];
  switch (layout.kind) {
    case 'single-row':
      [codes, questions, items] = [rows[0], rows[0], rows[0].map(() => '')];
      break;
    case 'ids-and-text':
    case 'qualtrics':
      [codes, questions, items] = [rows[0], rows[1], rows[0].map(() => '')];
      break;
    case 'qualtrics-legacy':
      // V1…Vn are positions, not names; the label row is the real header.
      [codes, questions, items] = [rows[0].map((code) => (/^V\d+$/.test(code) ? '' : code)), rows[1], rows[0].map(() => '')];
      break;
    case 'question-and-option':
      items = rows[1];
      questions = carryForward(rows[0], items);
      codes = rows[0].map(() => '');
      break;
    case 'ids-question-and-option':
      items = rows[2];
      questions = carryForward(rows[1], items);
      codes = carryForward(rows[0], items);
      break;
  }
  return codes.map((code, index) => {
    const question = withoutMarkup(questions[index]);
    const rawItem = withoutMarkup(items[index]);
    const item = NOT_AN_ITEM.has(rawItem) || rawItem === question ? '' : rawItem;
    const name = [code || question, item].filter(Boolean).join(' · ');
    return { index, code, question, item, name };
  });
}
