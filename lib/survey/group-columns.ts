import type { ColumnHeader } from './read-column-headers';

/** Columns that belong to one question, before the data decides its kind. */
export interface QuestionDraft {
  id: string;
  label: string;
  text?: string;
  /** Column indexes in file order. */
  columns: number[];
  /** Option or item label per column ('' when the header names none). */
  items: string[];
  /** Column code per column, when the export has codes. */
  codes: string[];
}

const PART_CODE = /^(.+?)_Part_(\d+)$/i;
const NUMBERED_CODE = /^([A-Za-z][\w]*?)_(\d+)$/;
const BRACKETED = /^(.*?)\s*\[([^\]]+)\]\s*$/;
/** TODO Group 2021 writes "Q3 02—How often…" over each column of a group. */
const NUMBERED_QUESTION = /^(Q\d+)\s+\d+\s*[—–-]\s*(.*)$/s;
const KAGGLE_CHOICE = / - Selected Choice(?: - (.*))?$/s;
const ID_LIKE = /^[A-Za-z_][\w.\-]{0,63}$/;

interface ColumnKey {
  stem: string;
  code: string;
  label: string;
  item: string;
}

function splitKaggleText(text: string): { label: string; item: string } {
  const match = KAGGLE_CHOICE.exec(text);
  if (!match) return { label: text, item: '' };
  return { label: text.slice(0, match.index).trim(), item: (match[1] ?? '').trim() };
}

/** Works out which group a column belongs to (its stem) and what its own item is. */
function keyColumn(header: ColumnHeader): ColumnKey {
  let { code, question } = header;
  let item = header.item;
  const numbered = NUMBERED_QUESTION.exec(question);
  if (numbered) [code, question] = [code || numbered[1], numbered[2].trim()];
  const kaggle = splitKaggleText(question);
  question = kaggle.label;
  item ||= kaggle.item;
  for (const pattern of [PART_CODE, NUMBERED_CODE]) {
    const match = pattern.exec(code);
    if (match) return { stem: `code:${match[1]}`, code, label: question, item };
  }
  const bracket = BRACKETED.exec(code) ?? BRACKETED.exec(question);
  if (bracket) {
    // Google Forms grids sometimes lose their stem and keep only `[Row]`.
    return { stem: `bracket:${bracket[1]}`, code: bracket[1], label: bracket[1] || 'Untitled grid', item: item || bracket[2] };
  }
  if (item) return { stem: `question:${code}|${question}`, code, label: question, item };
  return { stem: '', code, label: question, item: '' };
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** Question codes come from the file when it has them, else from short labels, else `q<n>`. */
function chooseId(code: string, label: string, ordinal: number): string {
  const stemCode = code.replace(PART_CODE, '$1').replace(NUMBERED_CODE, '$1');
  if (stemCode && ID_LIKE.test(stemCode)) return stemCode;
  const slug = slugify(label);
  // Only mostly-Latin short labels make readable ids; "อายุ" or a 200-character question do not.
  if (slug && label.length <= 40 && slug.length >= 0.6 * label.length) return slug;
  return `q${ordinal}`;
}

/**
 * Puts the columns of one question together: Kaggle's `Q7_Part_1…`, Qualtrics' `Q1_1…`,
 * Google Forms' `Stem [Row]`, and SurveyMonkey's question written over (or repeated across)
 * a group's columns with option labels below. Only neighbouring columns are grouped.
 */
export function groupColumns(headers: ColumnHeader[]): QuestionDraft[] {
  const drafts: QuestionDraft[] = [];
  let previousStem = '';
  for (const header of headers) {
    const key = keyColumn(header);
    const last = drafts[drafts.length - 1];
    if (key.stem !== '' && key.stem === previousStem && last) {
      last.columns.push(header.index);
      last.items.push(key.item);
      last.codes.push(header.code);
    } else {
      const ordinal = drafts.length + 1;
      drafts.push({
        id: chooseId(key.code, key.label, ordinal),
        label: key.label || key.code || `Column ${header.index + 1}`,
        text: key.label !== header.question ? header.question : undefined,
        columns: [header.index],
        items: [key.item],
        codes: [header.code],
      });
    }
    previousStem = key.stem;
  }
  return drafts;
}
