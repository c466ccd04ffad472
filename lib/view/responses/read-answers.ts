import type { Question } from '../../survey/types';
import { changeView } from '../state/change-view';
import { defaultColumns } from './search-responses';
import type { ViewState } from '../state/view-state';

/**
 * The responses table opened on one question's answers ("Read the answers"): sorted by it and
 * showing it first. Free text and metadata are not among the table's default columns, so sorting
 * alone would order the rows by a column the reader cannot see. `available` are the columns the
 * reader may see (lib/view/private-columns).
 */
export function readAnswersView(state: ViewState, question: Question, available: readonly Question[]): ViewState {
  const others = (state.columns ?? defaultColumns(available)).filter((id) => id !== question.id);
  return changeView(state, { sort: question.id, desc: false, page: 1, columns: [question.id, ...others] });
}
