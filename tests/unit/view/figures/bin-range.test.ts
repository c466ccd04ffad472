import { describe, expect, it } from 'vitest';
import type { Filter } from '../../../../lib/analysis/filters';
import { binRangeOf, isBinFiltered, toggleBinFilter, type BinRange } from '../../../../lib/view/figures/bin-range';
import type { ViewState } from '../../../../lib/view/state/view-state';
import { f, viewState } from '../../helpers/view-fixtures';

const STATE = viewState({ page: 3 });
const withFilters = (...filters: Filter[]): ViewState => ({ ...STATE, filters });
/** Bins keyed by lower edge: < 10, 10–20, 20–30, ≥ 30 (the outer bins are open). */
const KEYS = ['0', '10', '20', '30'];

describe('binRangeOf', () => {
  it.each<[number, BinRange]>([
    [0, { below: 10 }],
    [1, { from: 10, below: 20 }],
    [2, { from: 20, below: 30 }],
    [3, { from: 30 }],
  ])('binRangeOf([0, 10, 20, 30], %i) → %j', (index, range) => {
    expect(binRangeOf(KEYS, index)).toEqual(range);
  });

  it('binRangeOf([5], 0) → {}: a single bin is open at both ends', () => {
    expect(binRangeOf(['5'], 0)).toEqual({});
  });

  it('binRangeOf([0.5, 1.25], 1) → from 1.25 (edges are numbers, not strings)', () => {
    expect(binRangeOf(['0.5', '1.25'], 1)).toEqual({ from: 1.25 });
  });
});

describe('isBinFiltered', () => {
  it.each<[string, Filter[], BinRange, boolean]>([
    ['gte 10 and lt 20 on the 10–20 bin', [f('years', 'gte', '10'), f('years', 'lt', '20')], { from: 10, below: 20 }, true],
    ['the same bounds written 10.0 and 2e1', [f('years', 'gte', '10.0'), f('years', 'lt', '2e1')], { from: 10, below: 20 }, true],
    ['lt 10 on the first bin', [f('years', 'lt', '10')], { below: 10 }, true],
    ['gte 30 on the last bin', [f('years', 'gte', '30')], { from: 30 }, true],
    ['gte 10 only, on the 10–20 bin', [f('years', 'gte', '10')], { from: 10, below: 20 }, false],
    ['lte 20 instead of lt 20', [f('years', 'gte', '10'), f('years', 'lte', '20')], { from: 10, below: 20 }, false],
    ['an extra bound', [f('years', 'gte', '10'), f('years', 'lt', '20'), f('years', 'gt', '11')], { from: 10, below: 20 }, false],
    ['bounds on another question', [f('salary', 'gte', '10'), f('salary', 'lt', '20')], { from: 10, below: 20 }, false],
    ['no filter, the open range {}', [], {}, false],
  ])('isBinFiltered(%s) → %s', (_, filters, range, expected) => {
    expect(isBinFiltered(withFilters(...filters), 'years', range)).toBe(expected);
  });
});

describe('toggleBinFilter', () => {
  it('toggleBinFilter(no range, 10–20) → gte 10 and lt 20 after the other filters, page 1', () => {
    const state = withFilters(f('role', 'in', 'Backend'), f('years', 'answered', '1'));
    expect(toggleBinFilter(state, 'years', { from: 10, below: 20 })).toEqual({
      ...state,
      filters: [f('role', 'in', 'Backend'), f('years', 'answered', '1'), f('years', 'gte', '10'), f('years', 'lt', '20')],
      page: 1,
    });
  });

  it('toggleBinFilter(another bin filtered, ≥ 30) → the old bounds replaced by gte 30', () => {
    expect(toggleBinFilter(withFilters(f('years', 'gte', '10'), f('years', 'lt', '20')), 'years', { from: 30 }).filters).toEqual([f('years', 'gte', '30')]);
  });

  it('toggleBinFilter(the same bin) → the range lifted, other filters kept', () => {
    const state = withFilters(f('role', 'in', 'Backend'), f('years', 'gte', '10'), f('years', 'lt', '20'));
    expect(toggleBinFilter(state, 'years', { from: 10, below: 20 }).filters).toEqual([f('role', 'in', 'Backend')]);
  });

  it('toggleBinFilter twice → no range: on, then off', () => {
    const on = toggleBinFilter(STATE, 'years', { below: 10 });
    expect(isBinFiltered(on, 'years', { below: 10 })).toBe(true);
    expect(toggleBinFilter(on, 'years', { below: 10 }).filters).toEqual([]);
  });
});
