import { describe, expect, it } from 'vitest';
import type { AggregateQuery } from '../../../../lib/analysis/aggregate-query';
import { toAggregateQuery } from '../../../../lib/view/figures/to-aggregate-query';
import type { ViewDefaults, ViewState } from '../../../../lib/view/state/view-state';
import { viewState } from '../../helpers/view-fixtures';

const STATE = viewState({ weighted: true });
const WEIGHTED: ViewDefaults = { waveIds: ['2020', '2021', '2022'], weighted: true, suppressBelow: 10 };
const PLAIN: ViewDefaults = { waveIds: ['2022'], weighted: false, suppressBelow: 10 };
const DEFAULT_QUERY: AggregateQuery = { questionId: 'role', filters: [], baseRule: 'answered', weight: true, waves: ['2022'], suppressBelow: 10 };

describe('toAggregateQuery', () => {
  it('toAggregateQuery(the default state, role) → the latest wave, weighted as the dataset is, its threshold, no comparison', () => {
    expect(toAggregateQuery(STATE, 'role', WEIGHTED)).toEqual(DEFAULT_QUERY);
  });

  it.each<[string, Partial<ViewState>, ViewDefaults, Partial<AggregateQuery>]>([
    ['an earlier wave', { wave: '2020' }, WEIGHTED, { waves: ['2020'] }],
    ['every wave, oldest first', { wave: 'all' }, WEIGHTED, { waves: ['2020', '2021', '2022'] }],
    ['base all', { base: 'all' }, WEIGHTED, { baseRule: 'all' }],
    ['weighting turned off', { weighted: false }, WEIGHTED, { weight: false }],
    // a state cannot switch on weights a dataset does not have
    ['weighted on a dataset without weights', { weighted: true }, PLAIN, { weight: false }],
    ['a raised threshold', { suppress: 25 }, WEIGHTED, { suppressBelow: 25 }],
    // an analyst may lower it; a public dataset's never goes below its own, whatever the state says
    ['a lower threshold', { suppress: 3 }, WEIGHTED, { suppressBelow: 3 }],
    [
      'a lower threshold, public',
      { suppress: 3 },
      { ...WEIGHTED, disclosure: 'public' },
      { suppressBelow: 10, disclosure: 'public', release: { breakdowns: [], fields: 1 } },
    ],
    ['an analyst’s weight column', { weighted: 'salary' }, WEIGHTED, { weight: 'salary' }],
    ['an analyst’s weight column on a dataset without weights', { weighted: 'salary' }, PLAIN, { weight: 'salary' }],
    [
      'an analyst’s weight column, public: the dataset’s own',
      { weighted: 'salary' },
      { ...WEIGHTED, disclosure: 'public' },
      { weight: true, disclosure: 'public', release: { breakdowns: [], fields: 1 } },
    ],
    ['the dataset’s own, named', {}, { ...WEIGHTED, weightColumn: 'w' }, { weight: 'w' }],
    [
      'filters',
      { filters: [{ question: 'region', op: 'in', values: ['Europe'] }] },
      WEIGHTED,
      { filters: [{ question: 'region', op: 'in', values: ['Europe'] }] },
    ],
    ['a comparison', { by: 'region' }, WEIGHTED, { by: 'region' }],
  ])('toAggregateQuery(%s) → the default query with %j', (_, change, defaults, expected) => {
    expect(toAggregateQuery({ ...STATE, ...change }, 'role', defaults)).toEqual({ ...DEFAULT_QUERY, ...expected });
  });

  it('toAggregateQuery(compared by region, withSegment false) → no `by` (the overview cards do not compare)', () => {
    expect(toAggregateQuery({ ...STATE, by: 'region' }, 'role', WEIGHTED, { withSegment: false })).toEqual(DEFAULT_QUERY);
  });

  it('toAggregateQuery ignores what only presents the figures: page, sort, bars, display', () => {
    expect(toAggregateQuery({ ...STATE, page: 3, sort: 'role', desc: true, top: 5, display: 'table' }, 'role', WEIGHTED)).toEqual(DEFAULT_QUERY);
  });
});
