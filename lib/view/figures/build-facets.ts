import { countFacets, FACET_KINDS, type FacetCount } from '../../analysis/facet-counts';
import type { FilterOp } from '../../analysis/filters';
import { joinStem } from '../../survey/plan-settings';
import type { Question, QuestionKind, Survey } from '../../survey/types';
import type { ReleasePolicy, ViewState } from '../state/view-state';
import { releaseFacetCounts } from '../../analysis/release/release-facets';
import type { ReleaseContext } from '../../analysis/release/release-cell';

export interface FacetOption {
  value: string;
  label: string;
  /** Respondents under the other facets' filters; null when 1 to threshold − 1 (shown as “fewer than N”). */
  count: number | null;
  selected: boolean;
}

/** The option filters a facet can switch between. */
export type FacetOp = Extract<FilterOp, 'in' | 'not' | 'all' | 'first'>;

export interface FacetData {
  id: string;
  label: string;
  kind: QuestionKind;
  /** The operator of this question's option filter: is / is not, any of / all of, ranked first. */
  op: FacetOp;
  /** The model's option order means something (a scale, ordered ranges): offered as the default sort. */
  ordered: boolean;
  options: FacetOption[];
  /** Numeric questions: the range of answers under the other filters (withheld for small groups) and the bounds set. */
  range?: { min: number | null; max: number | null; gte?: string; lte?: string };
  /** Respondents under the other facets' filters; null when under the threshold. */
  within: number | null;
  active: boolean;
}

export interface FacetGroup {
  /** The survey's grouping (a grid's stem), or null for a question on its own. */
  label: string | null;
  facets: FacetData[];
}

const OPTION_OPS: readonly FacetOp[] = ['in', 'not', 'all', 'first'];

/** A facet's operator before its question is filtered: rankings filter what was ranked first. */
export function defaultFacetOp(kind: QuestionKind): FacetOp {
  return kind === 'ranking' ? 'first' : 'in';
}

function facetOp(question: Question, state: ViewState): FacetOp {
  const current = state.filters.find((filter) => filter.question === question.id && (OPTION_OPS as readonly string[]).includes(filter.op));
  if (current) return current.op as FacetOp;
  return defaultFacetOp(question.kind);
}

/** Counts of 1 to threshold − 1 are withheld: a facet must not list a group the charts suppress. */
function mask(count: number, threshold: number): number | null {
  return count > 0 && count < threshold ? null : count;
}

function toFacet(question: Question, counts: FacetCount, state: ViewState, rangeThreshold: number, threshold: number): FacetData {
  const op = facetOp(question, state);
  const selected = new Set(state.filters.filter((filter) => filter.question === question.id && filter.op === op).flatMap((filter) => filter.values));
  const active = state.filters.some((filter) => filter.question === question.id);
  const within = mask(counts.within, threshold);
  // Under its group's heading a grid row is named by its own words (“Han Solo”), not the stem again.
  const stem = question.group === undefined ? undefined : joinStem(question.group, '');
  const label = stem && question.label.startsWith(stem) && question.label.length > stem.length ? question.label.slice(stem.length) : question.label;
  const base = { id: question.id, label, kind: question.kind, op, active, within };
  if (counts.kind === 'range') {
    const bound = (filterOp: FilterOp) => state.filters.find((filter) => filter.question === question.id && filter.op === filterOp)?.values[0];
    const open = counts.answered >= rangeThreshold && counts.answered > 0;
    return {
      ...base,
      ordered: true,
      options: [],
      range: { min: open ? counts.min : null, max: open ? counts.max : null, gte: bound('gte'), lte: bound('lte') },
    };
  }
  const ordered = question.kind === 'likert' || (question.kind === 'single' && question.options.length > 1);
  const options = counts.options.map((option) => ({ ...option, count: mask(option.count, threshold), selected: selected.has(option.value) }));
  return { ...base, ordered, options };
}

/**
 * The facet sidebar's data: every question a reader can filter by, grouped as the survey groups
 * them, each with live counts under the other facets' filters. The weight column is not a facet.
 */
export function buildFacets(survey: Survey, state: ViewState, threshold: number, release?: { policy: ReleasePolicy; context: ReleaseContext }): FacetGroup[] {
  // Public mode: only the breakdowns the view may still add, their counts from the release (lib/analysis/release).
  const counted = release
    ? releaseFacetCounts(survey, state.filters, release.policy.breakdowns, release.policy.fields, state.by, release.context)
    : countFacets(
        survey,
        state.filters,
        survey.questions
          .filter((question) => FACET_KINDS.has(question.kind) && question.id !== survey.weightQuestionId && question.answeredCount > 0)
          .map((question) => question.id),
      );
  const counts = new Map(counted.map((count) => [count.questionId, count]));
  const questions = survey.questions.filter((question) => counts.has(question.id));
  const groups: FacetGroup[] = [];
  for (const question of questions) {
    const facet = toFacet(question, counts.get(question.id)!, state, threshold, threshold);
    const last = groups.at(-1);
    if (question.group && last?.label === question.group) last.facets.push(facet);
    else groups.push({ label: question.group ?? null, facets: [facet] });
  }
  return groups;
}
