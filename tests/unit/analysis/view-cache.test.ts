import { describe, expect, it } from 'vitest';
import { aggregateView, aggregateViewUncached } from '../../../lib/analysis/aggregate-view';
import type { AggregateQuery, DatasetWaves } from '../../../lib/analysis/aggregate-query';
import { configureCellKeys } from '../../../lib/analysis/cell-key';
import { createViewCache, deepFreeze, surveyIdentity } from '../../../lib/analysis/view-cache';
import type { Codebook } from '../../../lib/survey/codebook-schema';
import { fixtureSurvey } from '../helpers/fixture-survey';

describe('createViewCache', () => {
  it('getOrCompute(same key twice) → computes once and returns the same object', () => {
    const cache = createViewCache<{ rows: number[] }>(100, (value) => value.rows.length);
    let calls = 0;
    const first = cache.getOrCompute('k', () => ({ rows: [++calls] }));
    const second = cache.getOrCompute('k', () => ({ rows: [++calls] }));
    expect(second).toBe(first);
    expect(calls).toBe(1);
  });

  it('getOrCompute → the value is frozen through and through: changing a row in place throws', () => {
    const cache = createViewCache<{ rows: { count: number }[] }>(100, (value) => value.rows.length);
    const value = cache.getOrCompute('k', () => ({ rows: [{ count: 1 }, { count: 2 }] }));
    expect(() => value.rows.sort((a, b) => b.count - a.count)).toThrow(TypeError);
    expect(() => {
      value.rows[0].count = 99;
    }).toThrow(TypeError);
    expect(() => value.rows.push({ count: 3 })).toThrow(TypeError);
    expect(value.rows.map((row) => row.count)).toEqual([1, 2]);
  });

  it('getOrCompute past the weight bound → the least recently used entries leave first', () => {
    const cache = createViewCache<number[]>(5, (value) => value.length);
    cache.getOrCompute('a', () => [1, 2]);
    cache.getOrCompute('b', () => [1, 2]);
    cache.getOrCompute('a', () => [9]); // a is used again: b is now the oldest
    cache.getOrCompute('c', () => [1, 2]); // 6 > 5: b leaves
    expect(cache.stats()).toEqual({ entries: 2, weight: 4 });
    let recomputed = 0;
    cache.getOrCompute('a', () => [++recomputed]);
    expect(recomputed).toBe(0);
    cache.getOrCompute('b', () => [++recomputed, 0]);
    expect(recomputed).toBe(1);
  });

  it('getOrCompute(a value heavier than the whole cache) → served, not kept', () => {
    const cache = createViewCache<number[]>(3, (value) => value.length);
    expect(cache.getOrCompute('big', () => [1, 2, 3, 4])).toEqual([1, 2, 3, 4]);
    expect(cache.stats()).toEqual({ entries: 0, weight: 0 });
  });

  it('deepFreeze(an object holding a typed array) → the object frozen, the typed array left writable', () => {
    const value = deepFreeze({ list: [1], codes: new Uint16Array(2) });
    expect(Object.isFrozen(value) && Object.isFrozen(value.list)).toBe(true);
    value.codes[0] = 7;
    expect(value.codes[0]).toBe(7);
  });

  it('surveyIdentity → one number per object, never shared by two objects', () => {
    const a = {};
    const b = {};
    expect(surveyIdentity(a)).toBe(surveyIdentity(a));
    expect(surveyIdentity(a)).not.toBe(surveyIdentity(b));
  });
});

/**
 * tests/fixtures/disclosure-tiny.csv: 56 respondents, a weight column w, a salary; region
 * Oceania has 9 of them (counted in the file). Every setting that changes figures must give its
 * own cached view; a repeated view must be the very same object.
 */
describe('aggregateView’s cache on disclosure-tiny.csv', () => {
  const codebook: Codebook = { weight: 'w', questions: { id: { kind: 'meta' }, comment: { kind: 'text' } } };
  const survey = fixtureSurvey('disclosure-tiny.csv', codebook);
  const dataset: DatasetWaves = { id: 'tiny', waves: [{ id: '2024', survey }] };
  const base: AggregateQuery = { questionId: 'role', filters: [], baseRule: 'answered', suppressBelow: 3 };
  configureCellKeys('view-cache-test-secret-0001');

  it('aggregateView(the same view twice) → the same frozen result, equal to a fresh computation', () => {
    const first = aggregateView(dataset, base, '');
    expect(aggregateView(dataset, { ...base }, '')).toBe(first);
    expect(Object.isFrozen(first.rows[0])).toBe(true);
    expect(first).toEqual(aggregateViewUncached(dataset, base, ''));
  });

  const variants: [string, Partial<AggregateQuery>, string][] = [
    ['a filter', { filters: [{ question: 'region', op: 'in', values: ['Oceania'] }] }, ''],
    ['another filter text', {}, 'region=Oceania'],
    ['a segment', { by: 'region' }, ''],
    ['base rule all', { baseRule: 'all' }, ''],
    ['a higher suppression threshold (the base of 56 hidden)', { suppressBelow: 60 }, ''],
    ['the codebook weight', { weight: true }, ''],
    ['public mode', { disclosure: 'public' }, ''],
    ['another question', { questionId: 'region' }, ''],
  ];
  it.each(variants)('aggregateView(with %s) → its own result, as computed afresh, not the cached plain view', (_name, change, filterText) => {
    const plain = aggregateView(dataset, base, '');
    const changed = aggregateView(dataset, { ...base, ...change }, filterText);
    expect(changed).not.toBe(plain);
    expect(changed).toEqual(aggregateViewUncached(dataset, { ...base, ...change }, filterText));
    expect(changed).not.toEqual(plain);
  });

  it('aggregateView(public mode) after the cell-key secret changes → recomputed with the new noise', () => {
    const query: AggregateQuery = { ...base, questionId: 'region', disclosure: 'public', suppressBelow: 1 };
    const before = aggregateView(dataset, query, '');
    configureCellKeys('view-cache-test-secret-0002');
    const after = aggregateView(dataset, query, '');
    expect(after).not.toBe(before);
    expect(after).toEqual(aggregateViewUncached(dataset, query, ''));
    expect(after.rows.map((row) => row.count)).not.toEqual(before.rows.map((row) => row.count));
    configureCellKeys('view-cache-test-secret-0001');
    expect(aggregateView(dataset, query, '')).toEqual(before);
  });

  it('aggregateView(the same ids, a wave parsed anew from an edited file) → recomputed from the new wave', () => {
    const before = aggregateView(dataset, { ...base, questionId: 'region' }, '');
    const edited = fixtureSurvey('disclosure-tiny.csv', { ...codebook, questions: { ...codebook.questions, region: { label: 'Where' } } });
    const after = aggregateView({ id: 'tiny', waves: [{ id: '2024', survey: edited }] }, { ...base, questionId: 'region' }, '');
    expect(after).not.toBe(before);
    expect(after.rows[0].question_label).toBe('Where');
    expect(before.rows[0].question_label).not.toBe('Where');
  });
});
