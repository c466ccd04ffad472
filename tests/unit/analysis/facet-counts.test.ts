import { describe, expect, it } from 'vitest';
import { countFacets, FACET_KINDS, type FacetCount } from '../../../lib/analysis/facet-counts';
import type { Filter } from '../../../lib/analysis/filters';
import { selectSurvey } from '../helpers/fixture-survey';
import { f } from '../helpers/view-fixtures';

/** analysis-select.csv; the table and the sets are in tests/unit/helpers/fixture-survey.ts. */
const survey = selectSurvey();
const ALL_FACETS = ['role', 'languages', 'trends', 'years', 'country', 'comment', 'id'];

function byId(filters: Filter[]): Map<string, FacetCount> {
  return new Map(countFacets(survey, filters, ALL_FACETS).map((count) => [count.questionId, count]));
}
const optionCounts = (count: FacetCount | undefined) => (count?.kind === 'options' ? count.options.map((option) => [option.value, option.count]) : undefined);

describe('countFacets with no filters', () => {
  const counts = byId([]);

  it('countFacets → one facet per single, multi, ranking and numeric question; free text and metadata have none', () => {
    expect([...counts.keys()]).toEqual(['role', 'languages', 'trends', 'years', 'country']);
    expect([...FACET_KINDS].sort()).toEqual(['likert', 'multi', 'numeric', 'ranking', 'single']);
  });

  it.each<[string, [string, number][]]>([
    // Backend {1,3,6,9,12}, Frontend {2,7,10}, Data {4,8,11}; 5 did not answer
    [
      'role',
      [
        ['Backend', 5],
        ['Frontend', 3],
        ['Data', 3],
      ],
    ],
    // respondents, not ticks: Go {1,3,4,7,10}, Rust {1,5,7,9}, TypeScript {2,7}, Python {4,6,9,11}
    [
      'languages',
      [
        ['Go', 5],
        ['Rust', 4],
        ['TypeScript', 2],
        ['Python', 4],
      ],
    ],
    // ranking facets count first places: AI {1,4,7,11}, Cloud {2,5}, Security {6,9}
    [
      'trends',
      [
        ['AI', 4],
        ['Cloud', 2],
        ['Security', 2],
      ],
    ],
    [
      'country',
      [
        ['Côte d’Ivoire', 2],
        ['日本', 4],
        ['Germany', 5],
      ],
    ],
  ])('countFacets → %s counts %j of 12', (id, expected) => {
    expect(optionCounts(counts.get(id))).toEqual(expected);
    expect(counts.get(id)!.within).toBe(12);
  });

  it('countFacets → years as a range: 10 answered (4 and 10 blank), from 0 to 20', () => {
    expect(counts.get('years')).toEqual({ questionId: 'years', kind: 'range', answered: 10, min: 0, max: 20, within: 12 });
  });
});

describe('countFacets: each facet counts under every filter except its own', () => {
  // role=Backend {1,3,6,9,12} and languages=Go {1,3,4,7,10}; together {1,3}
  const counts = byId([f('role', 'in', 'Backend'), f('languages', 'in', 'Go')]);

  it('countFacets → role, under languages=Go only {1,3,4,7,10}: Backend {1,3} 2, Frontend {7,10} 2, Data {4} 1', () => {
    expect(optionCounts(counts.get('role'))).toEqual([
      ['Backend', 2],
      ['Frontend', 2],
      ['Data', 1],
    ]);
    expect(counts.get('role')!.within).toBe(5);
  });

  it('countFacets → languages, under role=Backend only {1,3,6,9,12}: Go {1,3} 2, Rust {1,9} 2, TypeScript 0, Python {6,9} 2', () => {
    expect(optionCounts(counts.get('languages'))).toEqual([
      ['Go', 2],
      ['Rust', 2],
      ['TypeScript', 0],
      ['Python', 2],
    ]);
    expect(counts.get('languages')!.within).toBe(5);
  });

  it('countFacets → the unfiltered facets, under both filters {1,3}: trends AI first by 1 (r1); years 5 and 10; country 1, 1, 0', () => {
    expect(optionCounts(counts.get('trends'))).toEqual([
      ['AI', 1],
      ['Cloud', 0],
      ['Security', 0],
    ]);
    expect(counts.get('years')).toEqual({ questionId: 'years', kind: 'range', answered: 2, min: 5, max: 10, within: 2 });
    expect(optionCounts(counts.get('country'))).toEqual([
      ['Côte d’Ivoire', 1],
      ['日本', 1],
      ['Germany', 0],
    ]);
  });

  it('countFacets → a facet’s counts never exceed those of the same facet with no filters', () => {
    const unfiltered = byId([]);
    for (const [id, count] of counts) {
      expect(count.within).toBeLessThanOrEqual(unfiltered.get(id)!.within);
      if (count.kind === 'options')
        count.options.forEach((option, i) => expect(option.count).toBeLessThanOrEqual(optionCounts(unfiltered.get(id))![i][1] as number));
    }
  });
});

describe('countFacets with range and ranking filters', () => {
  it('countFacets(years__gte=5) → years keeps its full range; role under years ≥ 5 {1,3,6,8,9,12}: Backend 5, Frontend 0, Data 1', () => {
    const counts = byId([f('years', 'gte', '5')]);
    expect(counts.get('years')).toEqual({ questionId: 'years', kind: 'range', answered: 10, min: 0, max: 20, within: 12 });
    expect(optionCounts(counts.get('role'))).toEqual([
      ['Backend', 5],
      ['Frontend', 0],
      ['Data', 1],
    ]);
  });

  it('countFacets(trends__first=AI) → trends keeps every first place; role under AI first {1,4,7,11}: Backend 1, Frontend 1, Data 2', () => {
    const counts = byId([f('trends', 'first', 'AI')]);
    expect(optionCounts(counts.get('trends'))).toEqual([
      ['AI', 4],
      ['Cloud', 2],
      ['Security', 2],
    ]);
    expect(optionCounts(counts.get('role'))).toEqual([
      ['Backend', 1],
      ['Frontend', 1],
      ['Data', 2],
    ]);
  });

  it.each<[string, Filter, [string, number][]]>([
    // "ranked at all": AI {1,2,4,6,7,9,11} 7, Cloud {1,2,5,6,7,11} 6, Security {4,6,7,9,11} 5
    [
      'trends=Cloud (ranked at all)',
      f('trends', 'in', 'Cloud'),
      [
        ['AI', 7],
        ['Cloud', 6],
        ['Security', 5],
      ],
    ],
    // "did not rank": the counts are those of ranking it, as "is not" shows those of "is"
    [
      'trends__not=Cloud',
      f('trends', 'not', 'Cloud'),
      [
        ['AI', 7],
        ['Cloud', 6],
        ['Security', 5],
      ],
    ],
    [
      'trends__first=Cloud',
      f('trends', 'first', 'Cloud'),
      [
        ['AI', 4],
        ['Cloud', 2],
        ['Security', 2],
      ],
    ],
  ])('countFacets(%s) → the trends facet counts what its own operator would select: %j', (_, filter, expected) => {
    expect(optionCounts(byId([filter]).get('trends'))).toEqual(expected);
  });

  it('countFacets(a filter on free text, comment__answered=1 {2,6,12}) → applies to every facet', () => {
    // 2 Frontend, 6 Backend, 12 Backend
    expect(optionCounts(byId([f('comment', 'answered', '1')]).get('role'))).toEqual([
      ['Backend', 2],
      ['Frontend', 1],
      ['Data', 0],
    ]);
  });

  it('countFacets(role=Data and country=Côte d’Ivoire: nobody) → years’ range is empty, 0 answered', () => {
    const counts = byId([f('role', 'in', 'Data'), f('country', 'in', 'Côte d’Ivoire')]);
    expect(counts.get('years')).toEqual({ questionId: 'years', kind: 'range', answered: 0, min: Infinity, max: -Infinity, within: 0 });
  });
});

describe('countFacets on ids it cannot count', () => {
  it.each(['nope', 'comment', 'id'])('countFacets([%s]) → no facet', (id) => {
    expect(countFacets(survey, [], [id])).toEqual([]);
  });
});

describe('countFacets’ cache', () => {
  it('countFacets(the same survey and filters twice) → the same frozen counts; other filters → their own counts', () => {
    const first = countFacets(survey, [f('role', 'in', 'Backend')], ALL_FACETS);
    expect(countFacets(survey, [f('role', 'in', 'Backend')], ALL_FACETS)).toBe(first);
    expect(Object.isFrozen(first[0])).toBe(true);
    const other = countFacets(survey, [f('role', 'in', 'Data')], ALL_FACETS);
    expect(other).not.toBe(first);
    expect(other).not.toEqual(first);
  });
});
