import type { Question } from '../../survey/types';
import type { Filter } from '../../analysis/filters';
import { SEGMENT_KINDS } from '../state/resolve-view-state';
import type { ReleasePolicy } from '../state/view-state';

/** One question a view can be compared by (or crossed with), as the pickers list it. */
export interface CompareChoice {
  id: string;
  label: string;
  /** A multi-select question: a respondent can be in several of its segments. Absent otherwise (a list of them crosses to the browser). */
  overlapping?: true;
}

/**
 * The questions a view can be compared by — single choice, scales and multi-select — less those
 * `leaveOut` names; in public mode only the release's breakdowns that the view's filters leave room for.
 */
export function listCompareChoices(
  questions: readonly Question[],
  leaveOut: (question: Question) => boolean = () => false,
  release?: { policy: ReleasePolicy; filters: readonly Filter[] },
): CompareChoice[] {
  const published = (question: Question) =>
    !release ||
    (release.policy.breakdowns.includes(question.id) &&
      new Set([...release.filters.map((filter) => filter.question), question.id]).size <= release.policy.fields);
  return questions
    .filter((question) => SEGMENT_KINDS.has(question.kind) && !leaveOut(question) && published(question))
    .map((question) => ({ id: question.id, label: question.label, ...(question.kind === 'multi' ? { overlapping: true as const } : {}) }));
}
