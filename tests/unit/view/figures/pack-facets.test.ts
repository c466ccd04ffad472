import { describe, expect, it } from 'vitest';
import type { FacetData, FacetGroup, FacetOption } from '../../../../lib/view/figures/build-facets';
import { buildSurvey } from '../../../../lib/survey/build-survey';
import { buildFacets } from '../../../../lib/view/figures/build-facets';
import {
  INLINE_OPTION_BYTES,
  opensInitially,
  OPEN_ALL_UP_TO,
  packFacet,
  unpackFacet,
  packOptions,
  packSidebar,
  unpackSidebar,
  unpackOptions,
} from '../../../../lib/view/figures/pack-facets';
import { selectSurvey } from '../../helpers/fixture-survey';
import { f, viewState } from '../../helpers/view-fixtures';

const option = (value: string, count: number | null, selected = false, label = value): FacetOption => ({ value, label, count, selected });

describe('packOptions / unpackOptions', () => {
  it('packOptions(Backend “Backend engineer” 5 selected, Frontend 3, Data withheld) → values once, the one differing label, counts, selection as an index', () => {
    const options = [option('Backend', 5, true, 'Backend engineer'), option('Frontend', 3), option('Data', null)];
    expect(packOptions(options)).toEqual({ values: ['Backend', 'Frontend', 'Data'], labels: { 0: 'Backend engineer' }, counts: [5, 3, null], selected: [0] });
  });

  it('packOptions(labels equal to values, nothing selected) → no labels and no selection at all', () => {
    expect(packOptions([option('Go', 2), option('Rust', 0)])).toEqual({ values: ['Go', 'Rust'], counts: [2, 0] });
  });

  it('unpackOptions(packOptions(the fixture’s facets under role=Backend & languages=Go, threshold 2)) → the very options buildFacets gave', () => {
    const groups = buildFacets(selectSurvey(), viewState({ filters: [f('role', 'in', 'Backend'), f('languages', 'all', 'Go', 'Rust')] }), 2);
    const facets = groups.flatMap((group) => group.facets).filter((facet) => facet.options.length > 0);
    expect(facets.length).toBeGreaterThanOrEqual(4);
    for (const facet of facets) expect(unpackOptions(packOptions(facet.options))).toEqual(facet.options);
  });

  it('unpackOptions(a packed list survives JSON, as it crosses to the browser) → the same options; label indexes read back from string keys', () => {
    const options = [option('A', 1, false, 'Alpha'), option('B', 2, true), option('C', null, true, 'Gamma')];
    expect(unpackOptions(JSON.parse(JSON.stringify(packOptions(options))))).toEqual(options);
  });
});

const facet = (id: string, active: boolean, options: FacetOption[]): FacetData => ({
  id,
  label: id,
  kind: 'single',
  op: 'in',
  ordered: true,
  options,
  within: 100,
  active,
});

describe('packFacet / unpackFacet', () => {
  it('packFacet(a numeric facet, label = id) → its id, kind, order and range: no label, usual operator, false flags or `within`', () => {
    const years: FacetData = { ...facet('years', false, []), kind: 'numeric', range: { min: 0, max: 20, gte: '5' } };
    expect(packFacet(years)).toEqual({ id: 'years', kind: 'numeric', ordered: true, range: { min: 0, max: 20, gte: '5' } });
  });

  it('packFacet(a filtered ranking “ranked at all”, labelled) → the label, the operator that is not its usual one, active', () => {
    const trends: FacetData = { ...facet('trends', true, [option('AI', 4, true)]), label: 'Hot trends', kind: 'ranking', op: 'in', ordered: false };
    expect(packFacet(trends)).toEqual({
      id: 'trends',
      label: 'Hot trends',
      kind: 'ranking',
      op: 'in',
      active: true,
      options: { values: ['AI'], counts: [4], selected: [0] },
    });
  });

  it('unpackFacet(packFacet(each facet of the fixture under role=Backend & trends ranked first)) → the facet without `within`, its options packed', () => {
    const groups = buildFacets(selectSurvey(), viewState({ filters: [f('role', 'in', 'Backend'), f('trends', 'first', 'AI')] }), 2);
    for (const one of groups.flatMap((group) => group.facets)) {
      const { id, label, kind, op, ordered, active, range, options } = one;
      const expected = { id, label, kind, op, ordered, active, ...(range ? { range } : { options: packOptions(options) }) };
      expect(unpackFacet(JSON.parse(JSON.stringify(packFacet(one))))).toEqual(expected);
    }
  });
});

describe('opensInitially', () => {
  it.each<[boolean, number, boolean]>([
    [false, OPEN_ALL_UP_TO, true],
    [false, OPEN_ALL_UP_TO + 1, false],
    [true, 40, true],
  ])('opensInitially(active %s, of %i facets) → %s', (active, total, open) => {
    expect(opensInitially({ active }, total)).toBe(open);
  });
});

describe('packSidebar', () => {
  /** Seven facets (more than OPEN_ALL_UP_TO, so only q3, the active one, starts open), `each` options apiece, counts rising. */
  const sidebar = (each: number, valueLength = 8): FacetGroup[] => [
    {
      label: null,
      facets: Array.from({ length: 7 }, (_, i) =>
        facet(
          `q${i}`,
          i === 3,
          Array.from({ length: each }, (_, k) => option(String(k).padStart(valueLength, 'x'), 1000 + k)),
        ),
      ),
    },
  ];
  const listed = (groups: ReturnType<typeof packSidebar>) => groups.flatMap((group) => group.facets).map((one) => one.options?.values.length);

  it('packSidebar(7 facets of 3 short options) → every facet keeps its options: the collapsed ones’ are under INLINE_OPTION_BYTES', () => {
    expect(listed(packSidebar(sidebar(3), 10))).toEqual([3, 3, 3, 3, 3, 3, 3]);
  });

  it('packSidebar(7 facets of 60 long options) → only the active facet’s options are sent, and only the 10 it lists at first, of 60', () => {
    const groups = sidebar(60, 60);
    const packed = packSidebar(groups, 10);
    expect(listed(packed)).toEqual([undefined, undefined, undefined, 10, undefined, undefined, undefined]);
    expect(6 * JSON.stringify(packed[0].facets[3].options).length).toBeGreaterThan(INLINE_OPTION_BYTES);
    expect(packed[0].facets[0]).toEqual({ id: 'q0', kind: 'single', ordered: true });
    expect(packed[0].facets[3].options!.total).toBe(60);
  });

  it('packSidebar(7 facets of 60 short options) → the collapsed lists, sent short, fit INLINE_OPTION_BYTES: every facet keeps its first 10', () => {
    expect(listed(packSidebar(sidebar(60, 2), 10))).toEqual([10, 10, 10, 10, 10, 10, 10]);
  });

  it('packSidebar(a short sidebar of 6 facets of 60 long options) → all start open, so all are sent, each as far as it lists at first', () => {
    const groups: FacetGroup[] = [{ label: 'grid', facets: sidebar(60, 60)[0].facets.slice(0, OPEN_ALL_UP_TO) }];
    const packed = packSidebar(groups, 10);
    expect(packed[0].label).toBe('grid');
    expect(listed(packed)).toEqual([10, 10, 10, 10, 10, 10]);
  });

  it('packSidebar(an ordered facet of 20, option 15 selected) → options 0–9 and 15 in the model’s order, of 20', () => {
    const options = Array.from({ length: 20 }, (_, k) => option(`o${k}`, 100 - k, k === 15));
    const packed = packSidebar([{ label: null, facets: [facet('scale', true, options)] }], 10)[0].facets[0];
    expect(packed.options).toEqual({
      values: ['o0', 'o1', 'o2', 'o3', 'o4', 'o5', 'o6', 'o7', 'o8', 'o9', 'o15'],
      counts: [100, 99, 98, 97, 96, 95, 94, 93, 92, 91, 85],
      selected: [10],
      total: 20,
    });
  });

  it('packSidebar(an unordered facet of 14, counts rising, one withheld) → the 10 largest first, the withheld one (“<10”, sorted as 5) left for “show all”', () => {
    const options = [option('withheld', null), ...Array.from({ length: 13 }, (_, k) => option(`o${k}`, 10 + k))];
    const multi: FacetData = { ...facet('langs', true, options), kind: 'multi', ordered: false };
    const packed = packSidebar([{ label: null, facets: [multi] }], 10)[0].facets[0];
    expect(packed.options!.values).toEqual(['o12', 'o11', 'o10', 'o9', 'o8', 'o7', 'o6', 'o5', 'o4', 'o3']);
    expect(packed.options!.total).toBe(14);
  });
});

describe('packSidebar with a numeric facet among many options', () => {
  it('packSidebar(…) → a collapsed numeric facet keeps its range: its bounds are not left for later', () => {
    const years: FacetData = { ...facet('years', false, []), kind: 'numeric', range: { min: 0, max: 20 } };
    const many = Array.from({ length: 7 }, (_, i) =>
      facet(
        `q${i}`,
        false,
        Array.from({ length: 80 }, (_, k) => option(`a rather long option number ${k}`, k)),
      ),
    );
    const packed = packSidebar([{ label: null, facets: [years, ...many] }], 10)[0].facets;
    expect(packed[0]).toEqual({ id: 'years', kind: 'numeric', ordered: true, range: { min: 0, max: 20 } });
    expect(packed[1].options).toBeUndefined();
  });
});

describe('packSidebar / unpackSidebar: groups', () => {
  const survey = buildSurvey(
    ['id,role,sat[Pay],sat[Team],region,years', '1,Dev,Agree,Disagree,EU,3', '2,Ops,Agree,Agree,US,', '3,Dev,Disagree,Agree,EU,12'].join('\n'),
    { codebook: { questions: { id: { kind: 'meta' }, years: { kind: 'numeric' } } } },
  );
  const groups = buildFacets(survey, viewState(), 0);

  it('packSidebar(role, the sat grid, region, years) → the questions on their own travel as runs beside the grid, and a range sends no unset bound', () => {
    const packed = packSidebar(groups, 0);
    expect(packed.map((group) => [group.label, group.facets.map((one) => one.id)])).toEqual([
      [null, ['role']],
      ['sat', ['sat_1', 'sat_2']],
      [null, ['region', 'years']],
    ]);
    expect(packed[2].facets[1].range).toEqual({ min: 3, max: 12 });
  });

  it('unpackSidebar(packSidebar(…)) → buildFacets’ groups again: one group per question on its own', () => {
    const unpacked = unpackSidebar(JSON.parse(JSON.stringify(packSidebar(groups, 0))));
    expect(unpacked.map((group) => [group.label, group.facets.map((one) => one.id)])).toEqual(
      groups.map((group) => [group.label, group.facets.map((one) => one.id)]),
    );
  });
});
