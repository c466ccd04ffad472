import { selectRespondents } from '../analysis/select-respondents';
import { selectionCount } from '../analysis/selection';
import type { Codebook } from '../survey/codebook-schema';
import type { Question, Selection, Survey } from '../survey/types';
import { publicQuestions, withheldColumns, type WithheldColumn } from './private-columns';
import { defaultColumns, searchResponses } from './search-responses';
import type { ViewState } from './view-state';

export interface ResponsesView {
  /** The respondents listed: the view's filters, then its searches. */
  selection: Selection;
  listed: number;
  /** Columns a reader may see (private ones never), and those shown. */
  available: Question[];
  shown: string[];
  /** Columns never shown, searched or downloaded, with the reason (personal data). */
  withheld: WithheldColumn[];
}

/** Which respondents and columns the responses table (and its download) holds for a view. */
export function buildResponsesView(survey: Survey, state: ViewState, codebook: Codebook | undefined): ResponsesView {
  const available = publicQuestions(survey.questions, codebook);
  const allowed = new Set(available.map((question) => question.id));
  const shown = (state.columns ?? defaultColumns(available)).filter((id) => allowed.has(id));
  const filtered = selectRespondents(survey, state.filters).selection;
  const selection = searchResponses(survey, filtered, state.search, state.matches, available);
  return { selection, listed: selectionCount(selection), available, shown, withheld: withheldColumns(survey.questions, codebook) };
}
