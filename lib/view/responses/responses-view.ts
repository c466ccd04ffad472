import { selectRespondents } from '../../analysis/select-respondents';
import { selectionCount } from '../../analysis/selection';
import type { Codebook } from '../../survey/codebook-schema';
import type { Question, Survey } from '../../survey/types';
import type { Selection } from '../../analysis/selection';
import { publicQuestions, withheldColumns, type WithheldColumn } from './private-columns';
import { defaultColumns, searchResponses } from './search-responses';
import type { ViewState } from '../state/view-state';

const PUBLIC_RESPONSES = 'Raw responses are not published on a public dashboard: each row is one person’s answers. Its figures are on the question pages.';

export interface ResponsesView {
  /** The respondents listed: the view's filters, then its searches. */
  selection: Selection;
  listed: number;
  /** Columns a reader may see (private ones never), and those shown. */
  available: Question[];
  shown: string[];
  /** Columns never shown, searched or downloaded, with the reason (personal data, or not published). */
  withheld: WithheldColumn[];
  /** Public mode: why no row is listed — none ever is. */
  refused?: string;
}

/** Which respondents and columns the responses table (and its download) holds for a view. */
export function buildResponsesView(
  survey: Survey,
  state: ViewState,
  codebook: Codebook | undefined,
  disclosure: { mode?: 'analyst' | 'public' } = {},
): ResponsesView {
  const available = publicQuestions(survey.questions, codebook);
  const allowed = new Set(available.map((question) => question.id));
  const shown = (state.columns ?? defaultColumns(available)).filter((id) => allowed.has(id));
  const filtered = selectRespondents(survey, state.filters).selection;
  const selection = searchResponses(survey, filtered, state.search, state.matches, available);
  const withheld = withheldColumns(survey.questions, codebook);
  if (disclosure.mode !== 'public') return { selection, listed: selectionCount(selection), available, shown, withheld };
  // Public mode lists no row at all: a row is one person's answers, and rows can be counted, sorted
  // and searched on any column until one person is left (issue 21, attack 8). The release's tables
  // are what a public dashboard publishes.
  return {
    selection: { size: selection.size, bits: new Uint32Array(selection.bits.length) },
    listed: 0,
    available: [],
    shown: [],
    withheld,
    refused: PUBLIC_RESPONSES,
  };
}
