import { describe, expect, it } from 'vitest';
import { buildSurvey } from '../../../lib/survey/build-survey';
import { prepareView } from '../../../lib/analysis/prepare-view';
import { selectionCount } from '../../../lib/analysis/selection';

/**
 * id, region, w:  1 EU 2 · 2 EU 1 · 3 US 1 · 4 US (blank weight) · 5 EU 0.5
 * Filter region=EU → {1, 2, 5} = 3 respondents.
 */
const CSV = 'id,region,w\n1,EU,2\n2,EU,1\n3,US,1\n4,US,\n5,EU,0.5\n';
const survey = buildSurvey(CSV, { codebook: { weight: 'w', questions: { id: { kind: 'meta' }, region: { kind: 'single' }, w: { kind: 'numeric' } } } });

describe('prepareView', () => {
  it('prepareView(region=EU, unweighted) → 3 selected, answered base rule, survey size 5 for domain variances, no weights', () => {
    const view = prepareView(survey, { filters: [{ question: 'region', op: 'in', values: ['EU'] }], baseRule: 'answered' });
    expect(selectionCount(view.selection)).toBe(3);
    expect(view.settings).toMatchObject({ baseRule: 'answered', suppressBelow: 10, unreliableBelow: 30, surveySize: 5 });
    expect(view.settings.weights).toBeUndefined();
    expect([view.problems, view.notes, view.weightColumn]).toEqual([[], [], undefined]);
  });

  it('prepareView(weight: true) → the codebook weight w; respondent 4 has none and weighs 0, which is said', () => {
    const view = prepareView(survey, { filters: [], baseRule: 'all', weight: true, suppressBelow: 0 });
    expect(Array.from(view.settings.weights!)).toEqual([2, 1, 1, 0, 0.5]);
    expect(view.weightColumn).toBe('w');
    expect(view.notes).toEqual(['1 respondents have no usable weight in “w” and weigh 0']);
    expect(view.settings.suppressBelow).toBe(0);
  });

  it('prepareView reports an unknown filter question and an unusable weight column as problems', () => {
    const view = prepareView(survey, { filters: [{ question: 'nope', op: 'in', values: ['x'] }], baseRule: 'answered', weight: 'region' });
    expect(view.problems).toHaveLength(2);
    expect(view.problems[0]).toMatch(/there is no question "nope"; questions are "id", "region", "w"/);
    expect(view.problems[1]).toBe('"region" is single, not numeric: it cannot be a weight');
    expect(view.settings.weights).toBeUndefined();
  });
});
