import Papa from 'papaparse';
import type { CodebookQuestion } from './codebook-schema';

/**
 * Codebooks that publishers put beside their data, read as label sources:
 * - Stack Overflow's `survey_results_schema_<year>.csv`: `Column,QuestionText` (2020–2021) or
 *   `qid,qname,question,type,…` (2022 on, HTML in the text; from 2025 one row per column with
 *   `sub`, the item, and `sq_id`): the question text behind each column id.
 * - TODO Group's `Data-SurveyReferenceModel.csv` (2022): `Q#` rows with the question and `R#`
 *   rows with the code of each response, the codes the raw data holds (1 = "Under 10"…).
 * What they give is question text, short labels where the id is a code, and value labels; the
 * dataset's own codebook wins wherever both say something.
 */

export type PublisherQuestions = Record<string, CodebookQuestion>;

/** Schema and reference files a wave's folder may hold. */
export const PUBLISHER_SCHEMA = /^(survey_results_schema(_\d{4})?\.csv|Data-SurveyReferenceModel\.csv)$/i;

const LABEL_LENGTH = 100;

function plain(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&rsquo;/g, '’')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A short label from a question's text: the text itself when short, else its first sentence when that is. */
function labelOf(text: string): string | undefined {
  if (text.length <= LABEL_LENGTH) return text;
  const first = /^.*?[?.:](?=\s|$)/.exec(text)?.[0];
  return first && first.length <= LABEL_LENGTH ? first : undefined;
}

function describe(text: string): CodebookQuestion {
  const label = labelOf(text);
  return { text, ...(label ? { label } : {}) };
}

/** Stack Overflow 2020–2021: `Column,QuestionText`. */
function readColumnText(rows: Record<string, string>[]): PublisherQuestions {
  const questions: PublisherQuestions = {};
  for (const row of rows) {
    const id = row.Column?.trim();
    const text = plain(row.QuestionText ?? '');
    if (id && text) questions[id] = describe(text);
  }
  return questions;
}

/**
 * Stack Overflow 2022 on: `qname` is the column (or, with `sub`, one column of a group named
 * `<stem>_<sq_id>`), `question` the text. Rows that are page headings ("S0", "MetaInfo") name
 * no column of the data and are harmless.
 */
function readQualtricsSchema(rows: Record<string, string>[]): PublisherQuestions {
  const questions: PublisherQuestions = {};
  for (const row of rows) {
    const name = row.qname?.trim();
    const text = plain(row.question ?? '');
    if (!name || !text) continue;
    const sub = row.sub?.trim();
    const stem = sub && row.sq_id ? name.replace(new RegExp(`_${row.sq_id.trim()}$`), '') : undefined;
    if (stem && stem !== name) {
      questions[stem] ??= describe(text);
      continue;
    }
    questions[name] = describe(text);
  }
  return questions;
}

/** TODO Group's survey reference model: a `Q#` row opens a question, the `R#` rows under it are its codes. */
function readReferenceModel(records: string[][]): PublisherQuestions {
  const header = records.findIndex((record) => record.some((cell) => cell.trim() === 'Q#') && record.some((cell) => cell.trim() === 'R#'));
  if (header < 0) return {};
  const q = records[header].findIndex((cell) => cell.trim() === 'Q#');
  const r = records[header].findIndex((cell) => cell.trim() === 'R#');
  const t = records[header].findIndex((cell) => /questions and responses/i.test(cell));
  const questions: PublisherQuestions = {};
  let current: CodebookQuestion | undefined;
  for (const record of records.slice(header + 1)) {
    const number = record[q]?.trim() ?? '';
    const code = record[r]?.trim() ?? '';
    const text = plain(record[t] ?? '');
    if (/^\d+$/.test(number) && code === '' && text) {
      current = describe(text);
      questions[`Q${number}`] = current;
    } else if (current && number === '' && /^\d+$/.test(code) && text) {
      current.valueLabels = { ...current.valueLabels, [code]: text };
    } else if (number !== '') current = undefined;
  }
  return questions;
}

/** A publisher's schema or reference file → what it says about each question id (empty when the format is not one of these). */
export function readPublisherSchema(text: string): PublisherQuestions {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records = Papa.parse<string[]>(clean, { skipEmptyLines: true }).data;
  const head = (records[0] ?? []).map((cell) => cell.trim());
  const rows = () => Papa.parse<Record<string, string>>(clean, { header: true, skipEmptyLines: true }).data;
  if (head[0] === 'Column' && head[1] === 'QuestionText') return readColumnText(rows());
  if (head.includes('qname') && head.includes('question')) return readQualtricsSchema(rows());
  return readReferenceModel(records);
}

/** The dataset's codebook entries over the publisher's: field by field, the dataset's word wins. */
export function mergeQuestions(own: PublisherQuestions | undefined, publisher: PublisherQuestions): PublisherQuestions {
  const merged: PublisherQuestions = { ...publisher };
  for (const [id, entry] of Object.entries(own ?? {})) merged[id] = { ...publisher[id], ...entry };
  return merged;
}
