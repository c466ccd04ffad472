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
/** LimeSurvey's "question code + text" headers: `socio1. In which country…`, `time1can[time2can]. In an average month… [Teaching]`. */
const LIMESURVEY = /^([A-Za-z][A-Za-z0-9_]*)(?:\[([A-Za-z0-9_]*)\])?\.\s+(.+)$/s;
const TRAILING_ITEM = /^(.*?)\s*\[([^\]]*)\]\s*$/s;
const ID_LIKE = /^[A-Za-z_][\w.\-]{0,63}$/;

interface ColumnKey {
  stem: string;
  code: string;
  /** The code without its `_Part_n` / `_n` suffix, when it has one. */
  stemCode: string;
  label: string;
  item: string;
  /** A code for this one column when the export has one (LimeSurvey `time1can_time2can`), for grid-row ids. */
  columnCode?: string;
}

function splitKaggleText(text: string): { label: string; item: string } {
  const match = KAGGLE_CHOICE.exec(text);
  if (!match) return { label: text, item: '' };
  return { label: text.slice(0, match.index).trim(), item: (match[1] ?? '').trim() };
}

/** Works out which group a column belongs to (its stem) and what its own item is. */
function keyLimeSurvey(header: ColumnHeader): ColumnKey | undefined {
  if (header.item !== '') return undefined;
  const match = LIMESURVEY.exec(header.code);
  if (!match) return undefined;
  const [, code, sub, rest] = match;
  const trailing = TRAILING_ITEM.exec(rest);
  const label = (trailing ? trailing[1] : rest).trim();
  const item = trailing?.[2].trim() ?? '';
  if (sub === undefined) return { stem: '', code, stemCode: code, label, item: '' };
  return { stem: `limesurvey:${code}`, code, stemCode: code, label, item, columnCode: sub ? `${code}_${sub}` : code };
}

export function keyColumn(header: ColumnHeader): ColumnKey {
  const limeSurvey = keyLimeSurvey(header);
  if (limeSurvey) return limeSurvey;
  let { code, question } = header;
  let item = header.item;
  const numbered = NUMBERED_QUESTION.exec(question);
  if (numbered) {
    // In a one-row header the "code" is the whole "Q5 01—text" cell: the code is its Q5.
    if (code === '' || code === question) code = numbered[1];
    question = numbered[2].trim();
  }
  const kaggle = splitKaggleText(question);
  question = kaggle.label;
  item ||= kaggle.item;
  for (const pattern of [PART_CODE, NUMBERED_CODE]) {
    const match = pattern.exec(code);
    // Without a text row the question is the code itself; the group is better named by its stem.
    if (match) return { stem: `code:${match[1]}`, code, stemCode: match[1], label: question === code ? match[1] : question, item };
  }
  const bracket = BRACKETED.exec(code) ?? BRACKETED.exec(question);
  if (bracket) {
    // Google Forms grids sometimes lose their stem and keep only `[Row]`.
    return { stem: `bracket:${bracket[1]}`, code: bracket[1], stemCode: bracket[1], label: bracket[1] || 'Untitled grid', item: item || bracket[2] };
  }
  if (item) return { stem: `question:${code}|${question}`, code, stemCode: code, label: question, item };
  return { stem: '', code, stemCode: code, label: question, item: '' };
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** Question codes come from the file when it has them, else from short labels, else `q<n>`. */
function chooseId(code: string, label: string, ordinal: number): string {
  if (code && ID_LIKE.test(code)) return code;
  const slug = slugify(label);
  // Only mostly-Latin short labels make readable ids; "อายุ" or a 200-character question do not.
  if (slug && label.length <= 40 && slug.length >= 0.6 * label.length) return slug;
  return `q${ordinal}`;
}

/**
 * Qualtrics writes "Question - Item" over each column of a group: when every column's text
 * shares the part before the last " - ", that part is the question and the rest the items.
 */
function splitSharedPrefix(texts: string[]): { label: string; items: string[] } | undefined {
  const cut = texts.map((text) => text.lastIndexOf(' - '));
  if (cut.some((at) => at <= 0)) return undefined;
  const label = texts[0].slice(0, cut[0]);
  if (!texts.every((text, i) => text.slice(0, cut[i]) === label)) return undefined;
  return { label, items: texts.map((text, i) => text.slice(cut[i] + 3).trim()) };
}

interface Pending extends QuestionDraft {
  key: ColumnKey;
  texts: string[];
}

/** Ids once groups are complete: a group takes its stem (`Q7`), a lone column keeps its full code (`color_2`). */
function finish(pending: Pending, ordinal: number): QuestionDraft {
  const grouped = pending.columns.length > 1;
  let { label, items } = pending;
  if (grouped && items.every((item) => item === '')) {
    const split = splitSharedPrefix(pending.texts);
    if (split) [label, items] = [split.label, split.items];
  }
  const code = grouped ? pending.key.stemCode : pending.key.code;
  // A group's text row is its first column's header ("…? - Selected Choice - Python"): not the question's text.
  return { id: chooseId(code, label, ordinal), label, text: grouped ? undefined : pending.text, columns: pending.columns, items, codes: pending.codes };
}

/**
 * Puts the columns of one question together: Kaggle's `Q7_Part_1…`, Qualtrics' `Q1_1…`,
 * Google Forms' `Stem [Row]`, and SurveyMonkey's question written over (or repeated across)
 * a group's columns with option labels below. Only neighbouring columns are grouped.
 */
export function groupColumns(headers: ColumnHeader[]): QuestionDraft[] {
  const pending: Pending[] = [];
  for (const header of headers) {
    const key = keyColumn(header);
    const last = pending[pending.length - 1];
    if (key.stem !== '' && last && key.stem === last.key.stem) {
      last.columns.push(header.index);
      last.items.push(key.item);
      last.codes.push(key.columnCode ?? header.code);
      last.texts.push(key.label);
    } else {
      pending.push({
        id: '',
        label: key.label || key.code || `Column ${header.index + 1}`,
        text: key.label !== header.question ? header.question : undefined,
        columns: [header.index],
        items: [key.item],
        codes: [key.columnCode ?? header.code],
        key,
        texts: [key.label],
      });
    }
  }
  return pending.map((draft, index) => finish(draft, index + 1));
}
