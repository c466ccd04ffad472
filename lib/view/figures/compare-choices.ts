import type { Question } from '../../survey/types';
import { SEGMENT_KINDS } from '../state/resolve-view-state';

/** One question a view can be compared by (or crossed with), as the pickers list it. */
export interface CompareChoice {
  id: string;
  label: string;
  /** A multi-select question: a respondent can be in several of its segments. */
  overlapping: boolean;
}

/** The questions a view can be compared by — single choice, scales and multi-select — less those `leaveOut` names. */
export function listCompareChoices(questions: readonly Question[], leaveOut: (question: Question) => boolean = () => false): CompareChoice[] {
  return questions
    .filter((question) => SEGMENT_KINDS.has(question.kind) && !leaveOut(question))
    .map((question) => ({ id: question.id, label: question.label, overlapping: question.kind === 'multi' }));
}
