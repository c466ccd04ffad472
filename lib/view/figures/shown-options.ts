import type { FacetOption } from './build-facets';

/** Long option lists show this many (plus any selected) until “show all”. */
export const SHORT_LIST = 10;

/** A facet's options largest count first, or in the model's order (which means something for scales and ranges). */
export function sortOptions(options: readonly FacetOption[], byCount: boolean, threshold: number): FacetOption[] {
  // A withheld count (“<10”) sorts as half the threshold: between the counts it could be.
  return byCount ? [...options].sort((a, b) => (b.count ?? threshold / 2) - (a.count ?? threshold / 2)) : [...options];
}

/**
 * The options a facet lists: all of a short list (hiding one or two saves nothing), else the
 * first SHORT_LIST of the sorted list and every selected one, so a tick never disappears.
 */
export function shortenOptions(sorted: readonly FacetOption[], showAll: boolean): FacetOption[] {
  if (showAll || sorted.length <= SHORT_LIST + 2) return [...sorted];
  return sorted.filter((option, index) => index < SHORT_LIST || option.selected);
}
