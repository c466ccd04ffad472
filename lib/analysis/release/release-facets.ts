import type { Survey } from '../../survey/types';
import type { FacetCount } from '../facet-counts';
import type { Filter } from '../filters';
import { andBits } from '../tally';
import { bitsByCode, isBreakdownKind, releaseAtoms } from './release-atoms';
import { releaseOver, type ReleaseContext } from './release-cell';

/**
 * The public sidebar: one facet per breakdown the view may still add (the field limit counts the
 * breakdowns its other filters and comparison use), each option's count the released cell of
 * that option within the other filters' atoms — the very number its figures will be built from,
 * so a facet's count and the selection it leads to always agree, and no facet is a count of its own.
 */
export function releaseFacetCounts(
  survey: Survey,
  filters: readonly Filter[],
  breakdowns: readonly string[],
  fields: number,
  by: string | undefined,
  context: ReleaseContext,
): FacetCount[] {
  return breakdowns.flatMap((id): FacetCount[] => {
    const question = survey.questions.find((candidate) => candidate.id === id);
    if (!question || !isBreakdownKind(question)) return [];
    const others = filters.filter((filter) => filter.question !== id);
    const used = new Set([...others.map((filter) => filter.question), ...(by !== undefined && by !== id ? [by] : [])]);
    if (used.size + 1 > fields) return [];
    const atoms = releaseAtoms(survey, others);
    const groups = bitsByCode(question);
    const options = question.options.map((option, index) => ({
      value: option.value,
      label: option.label,
      count: releaseOver(
        atoms.map((atom) => andBits(atom, groups[index + 1])),
        undefined,
        context,
      ).count,
    }));
    return [{ questionId: id, kind: 'options', options, within: releaseOver(atoms, undefined, context).count }];
  });
}
