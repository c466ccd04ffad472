import { describe, expect, it } from 'vitest';
import type { Filter } from '../../../../lib/analysis/filters';
import { buildSurvey } from '../../../../lib/survey/build-survey';
import { buildFacets, type FacetData } from '../../../../lib/view/figures/build-facets';
import { selectSurvey } from '../../helpers/fixture-survey';
import { f, viewState } from '../../helpers/view-fixtures';

/** analysis-select.csv; the table and the sets are in tests/unit/helpers/fixture-survey.ts. */
const survey = selectSurvey();
const STATE = viewState();
const facetsOf = (filters: Filter[], threshold: number): Map<string, FacetData> =>
  new Map(buildFacets(survey, { ...STATE, filters }, threshold).flatMap((group) => group.facets.map((facet) => [facet.id, facet] as [string, FacetData])));
const countsOf = (facet: FacetData | undefined) => facet!.options.map((option) => [option.value, option.count]);

describe('buildFacets: small counts are withheld like the charts withhold them', () => {
  // role=Backend and languages=Go; role counted under languages=Go {1,3,4,7,10}: Backend 2, Frontend 2, Data 1;
  // languages under role=Backend {1,3,6,9,12}: Go 2, Rust 2, TypeScript 0, Python 2
  const filters = [f('role', 'in', 'Backend'), f('languages', 'in', 'Go')];

  it.each<[number, [string, number | null][]]>([
    [
      0,
      [
        ['Backend', 2],
        ['Frontend', 2],
        ['Data', 1],
      ],
    ],
    [
      1,
      [
        ['Backend', 2],
        ['Frontend', 2],
        ['Data', 1],
      ],
    ],
    // threshold 2: 1 is "fewer than 2"
    [
      2,
      [
        ['Backend', 2],
        ['Frontend', 2],
        ['Data', null],
      ],
    ],
    // threshold 3: 1 and 2 are withheld
    [
      3,
      [
        ['Backend', null],
        ['Frontend', null],
        ['Data', null],
      ],
    ],
  ])('buildFacets(role=Backend & languages=Go, threshold %i) → role counts %j', (threshold, counts) => {
    expect(countsOf(facetsOf(filters, threshold).get('role'))).toEqual(counts);
  });

  it('buildFacets(…, threshold 3) → a count of 0 stays 0: nobody is not a small group', () => {
    expect(countsOf(facetsOf(filters, 3).get('languages'))).toEqual([
      ['Go', null],
      ['Rust', null],
      ['TypeScript', 0],
      ['Python', null],
    ]);
  });

  it.each<[number, number | null]>([
    [5, 5],
    [6, null],
  ])('buildFacets(…, threshold %i) → role’s "within" (5 under languages=Go) is %s', (threshold, within) => {
    expect(facetsOf(filters, threshold).get('role')!.within).toBe(within);
  });

  it.each<[number, number | null, number | null]>([
    // years under both filters {1,3}: answers 5 and 10, 2 answered
    [2, 5, 10],
    [3, null, null],
  ])('buildFacets(…, threshold %i) → the years range is %s–%s (withheld when fewer than the threshold answered)', (threshold, min, max) => {
    expect(facetsOf(filters, threshold).get('years')!.range).toEqual({ min, max, gte: undefined, lte: undefined });
  });

  it('buildFacets(years__gte=5 & years__lte=12, threshold 10) → the full range 0–20 of 10 answers, and the bounds set', () => {
    expect(facetsOf([f('years', 'gte', '5'), f('years', 'lte', '12')], 10).get('years')).toMatchObject({
      range: { min: 0, max: 20, gte: '5', lte: '12' },
      active: true,
      options: [],
    });
  });
});

describe('buildFacets: operators, selection and order', () => {
  it('buildFacets(role=Backend) → role "is", Backend selected and active; the others inactive', () => {
    const facets = facetsOf([f('role', 'in', 'Backend')], 0);
    expect(facets.get('role')).toMatchObject({ op: 'in', active: true, label: 'Primary role', kind: 'single' });
    expect(facets.get('role')!.options.map((option) => [option.value, option.label, option.selected])).toEqual([
      ['Backend', 'Backend engineer', true],
      ['Frontend', 'Frontend', false],
      ['Data', 'Data', false],
    ]);
    expect(facets.get('languages')!.active).toBe(false);
  });

  it('buildFacets(role__not=Data) → the facet switches to "is not" with Data selected', () => {
    const role = facetsOf([f('role', 'not', 'Data')], 0).get('role')!;
    expect([role.op, role.options.filter((option) => option.selected).map((option) => option.value)]).toEqual(['not', ['Data']]);
  });

  it('buildFacets(no filters) → a ranking facet filters "ranked first" by default; others "is"', () => {
    const facets = facetsOf([], 0);
    expect([facets.get('trends')!.op, facets.get('role')!.op, facets.get('languages')!.op]).toEqual(['first', 'in', 'in']);
  });

  it('buildFacets(trends__first=AI) → AI selected, counts of first places under no other filter: AI 4, Cloud 2, Security 2', () => {
    const trends = facetsOf([f('trends', 'first', 'AI')], 0).get('trends')!;
    expect(trends.options.map((option) => [option.value, option.count, option.selected])).toEqual([
      ['AI', 4, true],
      ['Cloud', 2, false],
      ['Security', 2, false],
    ]);
  });

  it('buildFacets(trends=AI, "ranked at all") → the facet in that mode counts any rank: AI 7, Cloud 6, Security 5', () => {
    const trends = facetsOf([f('trends', 'in', 'AI')], 0).get('trends')!;
    expect([trends.op, trends.options.map((option) => [option.value, option.count, option.selected])]).toEqual([
      'in',
      [
        ['AI', 7, true],
        ['Cloud', 6, false],
        ['Security', 5, false],
      ],
    ]);
  });

  it('buildFacets(years__answered=1) → the years facet is active although no range is set', () => {
    expect(facetsOf([f('years', 'answered', '1')], 0).get('years')!.active).toBe(true);
  });

  it('buildFacets → single choice and numbers keep an order that means something; multi-select and rankings do not', () => {
    const facets = facetsOf([], 0);
    expect(['role', 'country', 'years', 'languages', 'trends'].map((id) => facets.get(id)!.ordered)).toEqual([true, true, true, false, false]);
  });

  it('buildFacets → no facet for free text or metadata', () => {
    expect([...facetsOf([], 0).keys()]).toEqual(['role', 'languages', 'trends', 'years', 'country']);
  });
});

describe('buildFacets on a survey with a weight column, a grid and an empty question', () => {
  // sat[Pay] and sat[Team] form a grid (group "sat"); w is the weight; never is answered by nobody.
  const gridSurvey = buildSurvey(
    ['id,w,sat[Pay],sat[Team],role,never', '1,1,Agree,Disagree,Dev,', '2,2,Agree,Agree,Dev,', '3,1,Disagree,Agree,Ops,', '4,1,Agree,Agree,Dev,'].join('\n'),
    { codebook: { weight: 'w', questions: { id: { kind: 'meta' }, w: { kind: 'numeric' }, never: { kind: 'single' } } } },
  );
  const groups = buildFacets(gridSurvey, STATE, 0);

  it('buildFacets → the grid’s rows grouped under its stem, the rest on their own; no facet for the weight or an unanswered question', () => {
    expect(groups.map((group) => [group.label, group.facets.map((facet) => facet.id)])).toEqual([
      ['sat', ['sat_1', 'sat_2']],
      [null, ['role']],
    ]);
  });

  it('buildFacets → under the grid’s heading its rows are named by their own words, not “sat: Pay” again', () => {
    expect(groups[0].facets.map((facet) => facet.label)).toEqual(['Pay', 'Team']);
    expect(groups[1].facets[0].label).toBe('role');
  });

  it('buildFacets → a rating-scale grid row is ordered and counts respondents: Pay Agree 3, Disagree 1', () => {
    const pay = groups[0].facets[0];
    expect([pay.kind, pay.ordered]).toEqual(['likert', true]);
    expect(Object.fromEntries(countsOf(pay))).toEqual({ Agree: 3, Disagree: 1 });
  });
});
