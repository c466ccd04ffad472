import type { Question, Survey } from '../survey/types';
import type { Selection } from './selection';
import { countIntersection } from '../survey/bitset';
import type { Filter } from './filters';
import { selectRespondents } from './select-respondents';
import { selectionCount, lowestSelected } from './selection';
import { createViewCache, surveyIdentity } from './view-cache';

/** One facet's live counts: respondents per option (or the range of a number) under the other facets' filters. */
export type FacetCount =
  | { questionId: string; kind: 'options'; options: { value: string; label: string; count: number }[]; within: number }
  | { questionId: string; kind: 'range'; answered: number; min: number; max: number; within: number };

/** Kinds a facet can be built for: answers from a list, ranked items ("ranked first"), and numbers as ranges. */
export const FACET_KINDS: ReadonlySet<Question['kind']> = new Set(['single', 'likert', 'multi', 'ranking', 'numeric']);

/** Option filters, in the order buildFacets picks a facet's operator from. */
const OPTION_OPS: readonly Filter['op'][] = ['in', 'not', 'all', 'first'];

/**
 * A ranking facet counts what its own operator selects: first places for "ranked first" (the
 * default, `__first`), any rank once it filters "ranked at all" (plain `id=…`, `__all`, `__not`).
 */
function rankAtMostFor(filters: readonly Filter[], questionId: string): number {
  const own = filters.find((filter) => filter.question === questionId && OPTION_OPS.includes(filter.op));
  return own === undefined || own.op === 'first' ? 1 : Infinity;
}

function optionCounts(question: Question, selection: Selection, rankAtMost: number): { value: string; label: string; count: number }[] {
  switch (question.kind) {
    case 'single':
    case 'likert': {
      const counts = new Uint32Array(question.options.length + 1);
      for (let w = 0; w < selection.bits.length; w++)
        for (let word = selection.bits[w]; word !== 0; word &= word - 1) counts[question.codes[lowestSelected(w, word)]]++;
      return question.options.map((option, index) => ({ value: option.value, label: option.label, count: counts[index + 1] }));
    }
    case 'multi':
      return question.options.map((option, index) => ({
        value: option.value,
        label: option.label,
        count: countIntersection(question.members[index], selection.bits),
      }));
    case 'ranking':
      return question.options.map((option, index) => {
        let count = 0;
        const ranks = question.ranks[index];
        for (let w = 0; w < selection.bits.length; w++)
          for (let word = selection.bits[w]; word !== 0; word &= word - 1) {
            const rank = ranks[lowestSelected(w, word)];
            if (rank !== 0 && rank <= rankAtMost) count++;
          }
        return { value: option.value, label: option.label, count };
      });
    default:
      return [];
  }
}

function rangeOf(values: Float64Array, selection: Selection): { answered: number; min: number; max: number } {
  let answered = 0;
  let min = Infinity;
  let max = -Infinity;
  // Only the selected respondents are visited (a filtered view selects few of everyone).
  for (let w = 0; w < selection.bits.length; w++)
    for (let word = selection.bits[w]; word !== 0; word &= word - 1) {
      const value = values[lowestSelected(w, word)];
      if (Number.isNaN(value)) continue;
      answered++;
      if (value < min) min = value;
      if (value > max) max = value;
    }
  return { answered, min, max };
}

/**
 * Live counts for every facet, datasette's convention: each facet counts under every filter
 * except its own, so its options show what choosing them would give. Questions without a filter
 * share one selection; each filtered question gets its own.
 */
export function countFacets(survey: Survey, filters: readonly Filter[], questionIds: readonly string[]): readonly FacetCount[] {
  // Every page of a view counts the same facets (the sidebar): computed once per survey and filters.
  const key = JSON.stringify([surveyIdentity(survey), filters, questionIds]);
  return facetCache.getOrCompute(key, () => computeFacets(survey, filters, questionIds));
}

/** Options kept across cached sidebars: a sidebar of Stack Overflow 2019 holds about 700. */
const FACET_CACHE_OPTIONS = 200_000;
const facetCache = createViewCache<readonly FacetCount[]>(FACET_CACHE_OPTIONS, (counts) =>
  counts.reduce((sum, count) => sum + (count.kind === 'options' ? count.options.length : 1), 0),
);

function computeFacets(survey: Survey, filters: readonly Filter[], questionIds: readonly string[]): FacetCount[] {
  const selections = new Map<string, Selection>();
  const selectionWithout = (questionId: string): Selection => {
    const key = filters.some((filter) => filter.question === questionId) ? questionId : '';
    let selection = selections.get(key);
    if (!selection) {
      selection = selectRespondents(
        survey,
        filters.filter((filter) => filter.question !== key),
      ).selection;
      selections.set(key, selection);
    }
    return selection;
  };
  return questionIds.flatMap((questionId): FacetCount[] => {
    const question = survey.questions.find((q) => q.id === questionId);
    if (!question || !FACET_KINDS.has(question.kind)) return [];
    const selection = selectionWithout(questionId);
    const within = selectionCount(selection);
    if (question.kind === 'numeric') return [{ questionId, kind: 'range', ...rangeOf(question.values, selection), within }];
    return [{ questionId, kind: 'options', options: optionCounts(question, selection, rankAtMostFor(filters, questionId)), within }];
  });
}
