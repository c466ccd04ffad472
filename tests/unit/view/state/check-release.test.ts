import { describe, expect, it } from 'vitest';
import { checkRelease } from '../../../../lib/view/state/check-release';
import type { ViewState } from '../../../../lib/view/state/view-state';
import { selectSurvey } from '../../helpers/fixture-survey';
import { f, viewState } from '../../helpers/view-fixtures';

/** analysis-select.csv: role (single), country (single), languages (multi), years (numeric), trends (ranking). */
const survey = selectSurvey();
const ONE = { breakdowns: ['country', 'role'], fields: 1 };
const check = (change: Partial<ViewState>, policy = ONE, kind: 'question' | 'crosstab' = 'question') =>
  checkRelease({ ...viewState(), ...change }, survey, policy, kind);

describe('checkRelease', () => {
  it.each<[string, Partial<ViewState>]>([
    ['nothing filtered', {}],
    ['one breakdown filtered', { filters: [f('country', 'in', 'France')] }],
    ['one breakdown with “is not”', { filters: [f('country', 'not', 'France')] }],
    ['compared by a breakdown', { by: 'role' }],
    ['filtered and compared by the same breakdown', { filters: [f('country', 'in', 'France')], by: 'country' }],
  ])('checkRelease(%s, one field) → published', (_, change) => {
    expect(check(change)).toBeUndefined();
  });

  it('checkRelease(a filter on languages, not a breakdown) → says what can be asked and what cannot', () => {
    expect(check({ filters: [f('languages', 'in', 'Go')] })).toMatch(
      /publishes each question on its own and by “.+”, “.+”; filter or compare by one of them at a time\. “.+” cannot be used here\./,
    );
  });

  it('checkRelease(two breakdowns with one field) → refused naming how many it combines; allowed with two fields', () => {
    const change = { filters: [f('country', 'in', 'France')], by: 'role' };
    expect(check(change)).toMatch(/This view combines 2\.$/);
    expect(check(change, { ...ONE, fields: 2 })).toBeUndefined();
  });

  it('checkRelease(a range on a breakdown) → only “is” or “is not”', () => {
    expect(check({ filters: [f('role', 'answered', '1')] })).toMatch(/can be filtered with “is” or “is not” only/);
  });

  it('checkRelease(no breakdowns at all) → each question on its own, nothing to filter by', () => {
    expect(check({ by: 'country' }, { breakdowns: [], fields: 1 })).toMatch(
      /^This public dashboard publishes each question on its own: it cannot be filtered or compared\./,
    );
  });

  it('checkRelease(a crosstab’s columns) → the column question counts as the comparison', () => {
    expect(check({ cols: 'country', rows: ['languages'] }, ONE, 'crosstab')).toBeUndefined();
    expect(check({ cols: 'languages', rows: ['role'] }, ONE, 'crosstab')).toMatch(/cannot be used here/);
  });
});
