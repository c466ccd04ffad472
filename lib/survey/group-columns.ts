import type { ColumnHeader } from './read-column-headers';
import type { ColumnRun } from './find-column-runs';
import { joinStem } from './plan-settings';

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
  /** Positions in `columns` of columns holding typed "Other" answers beside the options (found from the answers). */
  typed?: number[];
  /** Rows named by their own header: a row's label is its item alone, not the stem plus the item. */
  stemless?: boolean;
  /** The file holds no question text for it (Typeform's option-named columns): the label lists options. */
  untitled?: boolean;
  /** Why columns whose headers share no stem were put together, for the question's reason. */
  evidence?: string;
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
    return { stem: `bracket:${bracket[1]}`, code: bracket[1], stemCode: bracket[1], label: bracket[1] || 'Untitled grid', item: item || bracket[2].trim() };
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
  run?: ColumnRun;
}

/** Ids once groups are complete: a group takes its stem (`Q7`), a lone column keeps its full code (`color_2`). */
function finish(pending: Pending, ordinal: number): QuestionDraft {
  const grouped = pending.columns.length > 1;
  let { label, items } = pending;
  const run = pending.run;
  if (grouped && !run && items.every((item) => item === '')) {
    const split = splitSharedPrefix(pending.texts);
    if (split) [label, items] = [split.label, split.items];
  }
  const code = grouped ? pending.key.stemCode : pending.key.code;
  // A group's text row is its first column's header ("…? - Selected Choice - Python"): not the question's text.
  // A label made of options names no question: such a group is numbered.
  const draft: QuestionDraft = {
    id: chooseId(code, run?.untitled ? '' : label, ordinal),
    label,
    text: grouped ? undefined : pending.text,
    columns: pending.columns,
    items,
    codes: pending.codes,
  };
  if (!run) return draft;
  return {
    ...draft,
    ...(run.typed.length > 0 ? { typed: run.typed } : {}),
    ...(run.stemless ? { stemless: true } : {}),
    ...(run.untitled ? { untitled: true } : {}),
    evidence: run.evidence,
  };
}

/** A column of a run found from the answers: the run is its stem. */
function keyInRun(run: ColumnRun, runIndex: number, k: number): ColumnKey {
  return { stem: `run:${runIndex}`, code: '', stemCode: '', label: run.label, item: run.items[k], columnCode: run.codes[k] || undefined };
}

/**
 * Puts the columns of one question together: Kaggle's `Q7_Part_1…`, Qualtrics' `Q1_1…`,
 * Google Forms' `Stem [Row]`, and SurveyMonkey's question written over (or repeated across)
 * a group's columns with option labels below. Only neighbouring columns are grouped. `runs`
 * (positions in `headers`, found from the answers: lib/survey/find-column-runs) group columns
 * whose headers share nothing.
 */
export function groupColumns(headers: ColumnHeader[], runs: readonly ColumnRun[] = []): QuestionDraft[] {
  const pending: Pending[] = [];
  const inRun = new Map<number, { run: ColumnRun; runIndex: number; k: number }>();
  runs.forEach((run, runIndex) => run.positions.forEach((position, k) => inRun.set(position, { run, runIndex, k })));
  for (const [position, header] of headers.entries()) {
    const member = inRun.get(position);
    const key = member ? keyInRun(member.run, member.runIndex, member.k) : keyColumn(header);
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
        ...(member ? { run: member.run } : {}),
      });
    }
  }
  return attachOtherColumns(pending.map((draft, index) => finish(draft, index + 1)));
}

const OTHER_ALONE = /^other$/i;
/** "Position-Other" after "Position": the other-specify column of the question before it. */
const OTHER_OF = /^(.*?)[\s_-]*\(?other\)?$/i;

function isOtherOf(label: string, before: string): boolean {
  const own = label.trim();
  if (OTHER_ALONE.test(own)) return true;
  const stem = OTHER_OF.exec(own)?.[1];
  return stem !== undefined && stem !== '' && stem.toLowerCase() === before.trim().toLowerCase();
}

/**
 * A column headed just "Other" right after a one-column question (Typeform writes one after each
 * single choice), or named after it ("Position-Other" after "Position"), holds what people typed
 * instead of choosing: it is named after that question.
 */
function attachOtherColumns(drafts: QuestionDraft[]): QuestionDraft[] {
  return drafts.map((draft, k) => {
    const before = drafts[k - 1];
    if (k === 0 || draft.columns.length !== 1 || draft.items[0] !== '' || before.columns.length !== 1 || !isOtherOf(draft.label, before.label)) return draft;
    return { ...draft, id: `${before.id}_other`, label: joinStem(before.label, 'Other (typed)'), typed: [0], untitled: before.untitled };
  });
}
