import type { QuestionKind, Survey } from '../../survey/types';
import type { Selection } from '../../analysis/selection';
import { hasBit } from '../../survey/bitset';
import { formatAnswer } from '../words/format-answer';
import { sortRespondents } from './sort-respondents';

export const RESPONSES_PAGE_SIZE = 50;

export interface ResponseColumn {
  id: string;
  label: string;
  kind: QuestionKind;
}

/** One respondent, as plain strings ready for the table. */
export interface ResponseRow {
  /** 1-based position in the file's kept records. */
  respondent: number;
  /** 1-based line where the record starts in the CSV file. */
  line: number;
  /** One string per column, '' for no answer. */
  cells: string[];
}

export interface ResponsesPageRequest {
  sort?: string;
  desc?: boolean;
  /** 1-based; clamped to the pages that exist. */
  page?: number;
  pageSize?: number;
  /** Only these respondents (the view's filters); everyone when absent. */
  selection?: Selection;
  /** Only these columns, in survey order; every column when absent. */
  columns?: readonly string[];
}

export interface ResponsesPage {
  columns: ResponseColumn[];
  rows: ResponseRow[];
  /** The page actually shown (the request clamped to 1..pageCount). */
  page: number;
  pageCount: number;
  /** Respondents listed (those selected). */
  respondents: number;
  /** The sort actually applied: an unknown question id means file order. */
  sort?: string;
  desc: boolean;
}

/**
 * One page of raw responses, sorted on the server. Objects per respondent are built for this
 * page only: the survey stays columnar however many respondents it has.
 */
export function readResponsesPage(survey: Survey, request: ResponsesPageRequest = {}): ResponsesPage {
  const pageSize = request.pageSize ?? RESPONSES_PAGE_SIZE;
  const sortQuestion = survey.questions.find((question) => question.id === request.sort);
  const desc = sortQuestion !== undefined && request.desc === true;
  const everyone = sortQuestion ? sortRespondents(survey, sortQuestion, desc) : undefined;
  const { selection } = request;
  // The sorted (or file) order, kept to the selected respondents.
  const order = selection ? (everyone ?? Uint32Array.from({ length: survey.size }, (_, i) => i)).filter((i) => hasBit(selection.bits, i)) : everyone;
  const listed = order ? order.length : survey.size;
  const pageCount = Math.max(1, Math.ceil(listed / pageSize));
  const page = Math.min(pageCount, Math.max(1, Math.floor(request.page ?? 1)));
  const start = (page - 1) * pageSize;
  const end = Math.min(listed, start + pageSize);
  const shown = request.columns ? survey.questions.filter((question) => request.columns!.includes(question.id)) : survey.questions;
  const rows: ResponseRow[] = [];
  for (let position = start; position < end; position++) {
    const respondent = order ? order[position] : position;
    rows.push({
      respondent: respondent + 1,
      line: survey.lines[respondent],
      cells: shown.map((question) => formatAnswer(question, respondent)),
    });
  }
  return {
    columns: shown.map(({ id, label, kind }) => ({ id, label, kind })),
    rows,
    page,
    pageCount,
    respondents: listed,
    ...(sortQuestion ? { sort: sortQuestion.id } : {}),
    desc,
  };
}
