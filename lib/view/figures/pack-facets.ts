import type { QuestionKind } from '../../survey/types';
import { defaultFacetOp, type FacetData, type FacetGroup, type FacetOp, type FacetOption } from './build-facets';
import { shortenOptions, sortOptions } from './shown-options';

/**
 * A facet's options as the browser receives them: each value once, a label only where it is not
 * the value (it rarely is), the counts as one array and the selection as indexes. A sidebar of
 * Stack Overflow 2019 sent as FacetOption objects was 30 KB of every question page (issue 25).
 */
export interface PackedOptions {
  values: string[];
  /** Labels that differ from their value, by option index. */
  labels?: Record<number, string>;
  /** Per option, as FacetOption.count: null is “fewer than the threshold”. */
  counts: (number | null)[];
  /** Indexes of the options the facet's filter selects. */
  selected?: number[];
  /**
   * A long list sent short: only the options it shows at first are here, in that order, of this
   * many. The rest come from the facets route when a reader asks for all, or for the other order.
   */
  total?: number;
}

/** A facet as the sidebar uses it: its options packed, or not sent yet. `within` stays behind: the sidebar does not show it. */
export type SidebarFacet = Omit<FacetData, 'options' | 'within'> & { options?: PackedOptions };

/**
 * A SidebarFacet as sent, without what goes without saying: a label that is the id (as most of
 * Stack Overflow's are), the operator a facet starts with, and false flags.
 */
export interface PackedFacet {
  id: string;
  label?: string;
  kind: QuestionKind;
  op?: FacetOp;
  ordered?: true;
  active?: true;
  range?: FacetData['range'];
  options?: PackedOptions;
}

/** A group as sent: questions on their own (label null) travel as one run, each still a group of its own on screen. */
export interface PackedFacetGroup {
  label: string | null;
  facets: PackedFacet[];
}

/** A group of the sidebar as the browser draws it (FacetGroup's shape). */
export interface SidebarGroup {
  label: string | null;
  facets: SidebarFacet[];
}

/** Facets open by default when a sidebar has this few; otherwise only filtered ones are. */
export const OPEN_ALL_UP_TO = 6;

/** Whether a facet starts open (the reader opens the others): filtered ones, or every one of a short sidebar. */
export function opensInitially(facet: Pick<FacetData, 'active'>, total: number): boolean {
  return facet.active || total <= OPEN_ALL_UP_TO;
}

export function packOptions(options: readonly FacetOption[]): PackedOptions {
  const labels: Record<number, string> = {};
  options.forEach((option, index) => {
    if (option.label !== option.value) labels[index] = option.label;
  });
  const selected = options.flatMap((option, index) => (option.selected ? [index] : []));
  return {
    values: options.map((option) => option.value),
    ...(Object.keys(labels).length > 0 ? { labels } : {}),
    counts: options.map((option) => option.count),
    ...(selected.length > 0 ? { selected } : {}),
  };
}

export function unpackOptions(packed: PackedOptions): FacetOption[] {
  const selected = new Set(packed.selected);
  return packed.values.map((value, index) => ({
    value,
    label: packed.labels?.[index] ?? value,
    count: packed.counts[index],
    selected: selected.has(index),
  }));
}

/** A facet with its options packed; a range facet has none to send. */
export function packFacet(facet: FacetData): PackedFacet {
  return {
    id: facet.id,
    ...(facet.label !== facet.id ? { label: facet.label } : {}),
    kind: facet.kind,
    ...(facet.op !== defaultFacetOp(facet.kind) ? { op: facet.op } : {}),
    ...(facet.ordered ? { ordered: true } : {}),
    ...(facet.active ? { active: true } : {}),
    ...(facet.range ? { range: packRange(facet.range) } : { options: packOptions(facet.options) }),
  };
}

/** A range without the bounds that are not set (a JSON key each, for nothing). */
function packRange(range: NonNullable<FacetData['range']>): NonNullable<FacetData['range']> {
  const { min, max, gte, lte } = range;
  return { min, max, ...(gte !== undefined ? { gte } : {}), ...(lte !== undefined ? { lte } : {}) };
}

export function unpackFacet(packed: PackedFacet): SidebarFacet {
  return {
    id: packed.id,
    label: packed.label ?? packed.id,
    kind: packed.kind,
    op: packed.op ?? defaultFacetOp(packed.kind),
    ordered: packed.ordered ?? false,
    active: packed.active ?? false,
    ...(packed.range ? { range: packed.range } : {}),
    ...(packed.options ? { options: packed.options } : {}),
  };
}

/**
 * Collapsed facets' options ride along with the page up to this many bytes of JSON (the sample's
 * come to about 1 KB): below it they cost less than a round trip when a reader opens one.
 */
export const INLINE_OPTION_BYTES = 2_000;

/**
 * The sidebar as sent with a page: every facet; the options of those that start open, a long
 * list only as far as it shows at first (ten of Stack Overflow's 179 countries); and the
 * collapsed ones' too while they are few (INLINE_OPTION_BYTES). Beyond that a collapsed facet's
 * options are asked for when a reader opens it (the facets route): a page of a survey with
 * hundreds of options does not carry them all.
 */
export function packSidebar(groups: readonly FacetGroup[], threshold: number): PackedFacetGroup[] {
  const total = groups.reduce((sum, group) => sum + group.facets.length, 0);
  const packed = groups.map((group) => ({ label: group.label, facets: group.facets.map((facet) => packShown(facet, threshold)) }));
  // A range facet's bounds are a few numbers: they always ride along.
  const collapsed = packed.flatMap((group) => group.facets).filter((facet) => facet.options && !opensInitially({ active: facet.active ?? false }, total));
  const collapsedBytes = collapsed.reduce((sum, facet) => sum + JSON.stringify(facet.options).length, 0);
  const left = new Set(collapsedBytes <= INLINE_OPTION_BYTES ? [] : collapsed);
  const sent: PackedFacetGroup[] = [];
  for (const group of packed) {
    const facets = group.facets.map((facet) => (left.has(facet) ? withoutOptions(facet) : facet));
    const last = sent.at(-1);
    if (group.label === null && last?.label === null) last.facets.push(...facets);
    else sent.push({ label: group.label, facets });
  }
  return sent;
}

/** The sidebar's groups as buildFacets made them: a run of questions on their own split back into a group each. */
export function unpackSidebar(groups: readonly PackedFacetGroup[]): SidebarGroup[] {
  return groups.flatMap((group): SidebarGroup[] =>
    group.label === null
      ? group.facets.map((facet) => ({ label: null, facets: [unpackFacet(facet)] }))
      : [{ label: group.label, facets: group.facets.map(unpackFacet) }],
  );
}

/** A facet with the options it lists at first (in the default order: by count unless its order means something). */
function packShown(facet: FacetData, threshold: number): PackedFacet {
  const packed = packFacet(facet);
  const shown = shortenOptions(sortOptions(facet.options, !facet.ordered, threshold), false);
  if (!packed.options || shown.length === facet.options.length) return packed;
  return { ...packed, options: { ...packOptions(shown), total: facet.options.length } };
}

function withoutOptions(facet: PackedFacet): PackedFacet {
  const rest = { ...facet };
  delete rest.options;
  return rest;
}
