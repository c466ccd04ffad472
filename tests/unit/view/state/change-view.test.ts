import { describe, expect, it } from 'vitest';
import type { Filter } from '../../../../lib/analysis/filters';
import { changeView, clearFilters, removeFilter, setNumericRange, switchFilterOp, toggleFilterValue } from '../../../../lib/view/state/change-view';
import type { ViewState } from '../../../../lib/view/state/view-state';
import { f } from '../../helpers/view-fixtures';

/** On page 4 of a filtered selection, compared by region. */
const STATE: ViewState = {
  filters: [f('role', 'in', 'Backend'), f('years', 'gte', '5'), f('years', 'lte', '10'), f('years', 'answered', '1')],
  by: 'region',
  base: 'answered',
  weighted: true,
  desc: false,
  page: 4,
  display: 'chart',
  rows: [],
  pct: 'column',
  matches: {},
};

describe('changeView', () => {
  it('changeView(state, { by: role }) → only by changes; the page stays 4', () => {
    expect(changeView(STATE, { by: 'role' })).toEqual({ ...STATE, by: 'role' });
  });

  it('changeView(state, { filters }) → back to page 1: page 4 of another selection is another page', () => {
    expect(changeView(STATE, { filters: [] })).toEqual({ ...STATE, filters: [], page: 1 });
  });

  it('changeView(state, { filters, page: 2 }) → the page asked for', () => {
    expect(changeView(STATE, { filters: [], page: 2 }).page).toBe(2);
  });

  it('changeView never changes the state it is given', () => {
    const before = structuredClone(STATE);
    changeView(STATE, { filters: [], by: undefined });
    toggleFilterValue(STATE, 'role', 'Data');
    setNumericRange(STATE, 'years', 1, 2);
    expect(STATE).toEqual(before);
  });
});

describe('toggleFilterValue', () => {
  it.each<[string, string, string, Filter['op'] | undefined, Filter[]]>([
    ['adds a value to the filter', 'role', 'Data', undefined, [f('role', 'in', 'Backend', 'Data'), ...STATE.filters.slice(1)]],
    ['takes out the last value, and the filter with it', 'role', 'Backend', undefined, STATE.filters.slice(1)],
    ['adds a new filter at the end', 'country', 'Germany', undefined, [...STATE.filters, f('country', 'in', 'Germany')]],
    ['keeps operators apart: "is not" is a filter of its own', 'role', 'Backend', 'not', [...STATE.filters, f('role', 'not', 'Backend')]],
    ['adds a "ranked first" filter', 'trends', 'AI', 'first', [...STATE.filters, f('trends', 'first', 'AI')]],
  ])('toggleFilterValue(%s: %s=%s, %s)', (_, question, value, op, filters) => {
    expect(toggleFilterValue(STATE, question, value, op)).toEqual({ ...STATE, filters, page: 1 });
  });

  it('toggleFilterValue twice → the filters as they were (page 1)', () => {
    expect(toggleFilterValue(toggleFilterValue(STATE, 'role', 'Data'), 'role', 'Data').filters).toEqual(STATE.filters);
  });
});

describe('removeFilter, clearFilters, switchFilterOp', () => {
  it.each<[string, Filter['op'] | undefined, Filter[]]>([
    ['years', undefined, [f('role', 'in', 'Backend')]],
    ['years', 'gte', [f('role', 'in', 'Backend'), f('years', 'lte', '10'), f('years', 'answered', '1')]],
    ['country', undefined, STATE.filters],
  ])('removeFilter(state, %s, %s) → %j, page 1', (question, op, filters) => {
    expect(removeFilter(STATE, question, op)).toEqual({ ...STATE, filters, page: 1 });
  });

  it('clearFilters(state) → no filters, page 1, everything else kept', () => {
    expect(clearFilters(STATE)).toEqual({ ...STATE, filters: [], page: 1 });
  });

  it('switchFilterOp(state, role, in → not) → "is not Backend", same place, same values', () => {
    expect(switchFilterOp(STATE, 'role', 'in', 'not').filters).toEqual([f('role', 'not', 'Backend'), ...STATE.filters.slice(1)]);
  });

  it('switchFilterOp(state, role, all → in) with no "all" filter → the filters unchanged', () => {
    expect(switchFilterOp(STATE, 'role', 'all', 'in').filters).toEqual(STATE.filters);
  });
});

describe('setNumericRange', () => {
  const others = [f('role', 'in', 'Backend'), f('years', 'answered', '1')];

  it.each<[number | undefined, number | undefined, Filter[]]>([
    [2, 8, [...others, f('years', 'gte', '2'), f('years', 'lte', '8')]],
    [2, undefined, [...others, f('years', 'gte', '2')]],
    [undefined, 8, [...others, f('years', 'lte', '8')]],
    // both open: the range is lifted; the "answered" filter is not a range and stays
    [undefined, undefined, others],
    [0, 0.5, [...others, f('years', 'gte', '0'), f('years', 'lte', '0.5')]],
  ])('setNumericRange(state, years, %s, %s) → the old bounds replaced: %j', (min, max, filters) => {
    expect(setNumericRange(STATE, 'years', min, max)).toEqual({ ...STATE, filters, page: 1 });
  });

  it('setNumericRange replaces gt and lt bounds too', () => {
    const state = { ...STATE, filters: [f('years', 'gt', '1'), f('years', 'lt', '3')] };
    expect(setNumericRange(state, 'years', 5, undefined).filters).toEqual([f('years', 'gte', '5')]);
  });
});
