import { selectRespondents } from '../../analysis/select-respondents';
import { hasBit } from '../../survey/bitset';
import type { Question, Survey, TextQuestion } from '../../survey/types';
import { changeView } from '../state/change-view';
import type { ViewState } from '../state/view-state';

/** A question's typed-in “Other” answers: the text question that holds them, and how many the view selects. */
export interface WrittenIn {
  question: TextQuestion;
  /** Selected respondents who typed an answer. */
  count: number;
}

/**
 * The text question holding what respondents typed for “Other (written in)” (`<id>_written_in`,
 * built beside the question it belongs to), with how many of the view's respondents typed one.
 * Typed answers are read, never counted into figures: this only says where to read them.
 */
export function findWrittenIn(survey: Survey, question: Question, state: Pick<ViewState, 'filters'>): WrittenIn | undefined {
  const text = survey.questions.find((candidate) => candidate.id === `${question.id}_written_in`);
  if (text?.kind !== 'text') return undefined;
  const { selection } = selectRespondents(survey, state.filters);
  let count = 0;
  for (let i = 0; i < survey.size; i++) if (text.values[i] !== '' && hasBit(selection.bits, i)) count++;
  return { question: text, count };
}

/** The responses table of those typed answers: the view's respondents who typed one, the question and what they typed. */
export function writtenInResponses(state: ViewState, question: Question, writtenIn: WrittenIn): ViewState {
  const filters = [
    ...state.filters.filter((filter) => filter.question !== writtenIn.question.id),
    { question: writtenIn.question.id, op: 'answered' as const, values: ['1'] },
  ];
  return changeView(state, { filters, columns: [question.id, writtenIn.question.id], sort: undefined, desc: false, search: undefined, matches: {}, page: 1 });
}
