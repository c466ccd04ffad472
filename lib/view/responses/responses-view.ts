import { selectRespondents } from '../../analysis/select-respondents';
import { selectionCount } from '../../analysis/selection';
import type { Codebook } from '../../survey/codebook-schema';
import type { Question, Survey } from '../../survey/types';
import type { Selection } from '../../analysis/selection';
import { publicQuestions, withheldColumns, type WithheldColumn } from './private-columns';
import { defaultColumns, searchResponses } from './search-responses';
import type { ViewState } from '../state/view-state';

export interface ResponsesView {
  /** The respondents listed: the view's filters, then its searches. */
  selection: Selection;
  listed: number;
  /** Columns a reader may see (private ones never), and those shown. */
  available: Question[];
  shown: string[];
  /** Columns never shown, searched or downloaded, with the reason (personal data, or not published). */
  withheld: WithheldColumn[];
  /** Public mode: why no row is listed (no published column, or fewer matching respondents than the threshold). */
  refused?: string;
}

/** Which respondents and columns the responses table (and its download) holds for a view. */
export function buildResponsesView(
  survey: Survey,
  state: ViewState,
  codebook: Codebook | undefined,
  disclosure: { mode?: 'analyst' | 'public'; threshold?: number } = {},
): ResponsesView {
  const available = publicQuestions(survey.questions, codebook, disclosure.mode);
  const allowed = new Set(available.map((question) => question.id));
  const shown = (state.columns ?? defaultColumns(available)).filter((id) => allowed.has(id));
  const filtered = selectRespondents(survey, state.filters).selection;
  const selection = searchResponses(survey, filtered, state.search, state.matches, available);
  const withheld = withheldColumns(survey.questions, codebook, disclosure.mode);
  const listed = selectionCount(selection);
  if (disclosure.mode !== 'public') return { selection, listed, available, shown, withheld };
  // Public mode: raw rows only in published columns, and never for a handful of respondents.
  const threshold = disclosure.threshold ?? 10;
  const refused =
    available.length === 0
      ? 'Raw responses are not published on this dashboard (its codebook names no publicColumns).'
      : listed < threshold && (state.filters.length > 0 || state.search !== undefined || Object.keys(state.matches).length > 0)
        ? `Fewer than ${threshold} respondents match: a public dashboard lists no rows for so small a group.`
        : undefined;
  if (!refused) return { selection, listed, available, shown, withheld };
  return { selection: { size: selection.size, bits: new Uint32Array(selection.bits.length) }, listed: 0, available, shown, withheld, refused };
}
