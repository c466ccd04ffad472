import { describe, expect, it } from 'vitest';
import { parseViewState } from '../../../../lib/view/state/parse-view-state';
import { findFlag } from '../../../../lib/view/state/view-keys';
import type { ViewDefaults, ViewState } from '../../../../lib/view/state/view-state';
import { makeViewHrefs, writeViewPairs } from '../../../../lib/view/state/write-view-query';

/**
 * The findings page's keys (issue 23): `_q`, the false discovery rate, default 0.05; `_min`, the
 * effect floor in percentage points, default 5. Each is one entry of the key table, read leniently
 * from a URL (a note and the default), strictly from a flag (a usage error), written only when
 * not the default, and kept by the findings page and its download alone.
 */
const DEFAULTS: ViewDefaults = { waveIds: ['2020', '2021', '2022'], weighted: true, suppressBelow: 10 };
const BASE: ViewState = { filters: [], base: 'answered', weighted: true, desc: false, page: 1, display: 'chart', rows: [], pct: 'column', matches: {} };
const parse = (query: string) => parseViewState(new URLSearchParams(query), DEFAULTS);

describe('parseViewState: _q and _min', () => {
  it.each<[string, Partial<ViewState>]>([
    ['_q=0.01', { q: 0.01 }],
    ['_q=.1', { q: 0.1 }],
    ['_q=0.2', { q: 0.2 }],
    // the default is not kept
    ['_q=0.05', {}],
    ['_q=0.050', {}],
    ['_min=10', { minPoints: 10 }],
    ['_min=2.5', { minPoints: 2.5 }],
    ['_min=0', { minPoints: 0 }],
    ['_min=100', { minPoints: 100 }],
    ['_min=5', {}],
  ])('parseViewState(%s) → %j, no note', (query, expected) => {
    const { value, notes } = parse(query);
    expect(notes).toEqual([]);
    expect({ q: value.q, minPoints: value.minPoints }).toEqual({ q: undefined, minPoints: undefined, ...expected });
  });

  it.each([
    ['_q=0', 'is not a q threshold'],
    ['_q=1', 'is not a q threshold'],
    ['_q=1.5', 'is not a q threshold'],
    ['_q=-0.1', 'is not a q threshold'],
    ['_q=1e-3', 'is not a q threshold'],
    ['_q=abc', 'is not a q threshold'],
    ['_q=', 'is not a q threshold'],
    ['_min=-5', 'is not an effect floor'],
    ['_min=101', 'is not an effect floor'],
    ['_min=five', 'is not an effect floor'],
    ['_min=Infinity', 'is not an effect floor'],
  ])('parseViewState(%s) → the default, and a note saying %j', (query, said) => {
    const { value, notes } = parse(query);
    expect([value.q, value.minPoints]).toEqual([undefined, undefined]);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain(said);
  });
});

describe('writeViewPairs: _q and _min on the pages that keep them', () => {
  const findings: ViewState = {
    ...BASE,
    filters: [{ question: 'region', op: 'in', values: ['Europe'] }],
    wave: '2021',
    by: 'role',
    base: 'all',
    weighted: false,
    suppress: 20,
    page: 2,
    q: 0.01,
    minPoints: 10,
  };
  const view: [string, string][] = [
    ['region', 'Europe'],
    ['_wave', '2021'],
    ['_by', 'role'],
    ['_base', 'all'],
    ['_weight', '0'],
    ['_suppress', '20'],
  ];

  it('writeViewPairs(findings) → filters, wave, compare-by, base, weight, threshold, q, floor and page', () => {
    expect(writeViewPairs(findings, DEFAULTS, 'findings')).toEqual([...view, ['_q', '0.01'], ['_min', '10'], ['_page', '2']]);
  });

  it('writeViewPairs(findings-export) → the same, without the page: the download holds every page', () => {
    expect(writeViewPairs(findings, DEFAULTS, 'findings-export')).toEqual([...view, ['_q', '0.01'], ['_min', '10']]);
  });

  it.each(['overview', 'question', 'export'] as const)('writeViewPairs(%s) → no _q, no _min: only findings read them', (kind) => {
    expect(writeViewPairs(findings, DEFAULTS, kind).map(([key]) => key)).not.toContain('_q');
    expect(writeViewPairs(findings, DEFAULTS, kind).map(([key]) => key)).not.toContain('_min');
  });

  it.each<[Partial<ViewState>, [string, string][]]>([
    [{ q: 0.05, minPoints: 5 }, []],
    [{ q: 0.000001 }, [['_q', '0.000001']]],
    [{ minPoints: 0 }, [['_min', '0']]],
  ])('writeViewPairs(%j, findings) → %j (defaults dropped, never an exponent)', (change, pairs) => {
    expect(writeViewPairs({ ...BASE, ...change }, DEFAULTS, 'findings')).toEqual(pairs);
  });

  it('parseViewState(writeViewPairs(findings)) → the same state (round trip)', () => {
    const query = new URLSearchParams(writeViewPairs(findings, DEFAULTS, 'findings'));
    expect(parseViewState(query, DEFAULTS)).toEqual({ value: findings, notes: [] });
  });
});

describe('makeViewHrefs: the findings page and its download', () => {
  const hrefs = makeViewHrefs('state-of-engineers', DEFAULTS);
  const state: ViewState = { ...BASE, filters: [{ question: 'region', op: 'in', values: ['Europe'] }], q: 0.1, page: 3 };

  it.each([
    ['findings', hrefs.findings(state), '/state-of-engineers/findings?region=Europe&_q=0.1&_page=3'],
    ['findingsExport csv', hrefs.findingsExport(state, 'csv'), '/state-of-engineers/findings/export?region=Europe&_q=0.1'],
    ['findingsExport json', hrefs.findingsExport(state, 'json'), '/state-of-engineers/findings/export?region=Europe&_q=0.1&_format=json'],
    ['findings (nothing set)', hrefs.findingsExport(BASE, 'csv'), '/state-of-engineers/findings/export'],
  ])('makeViewHrefs(…).%s → %s', (_, made, expected) => {
    expect(made).toBe(expected);
  });
});

describe('findFlag: --q and --min are strict', () => {
  const context = { suppressBelow: 10 };
  it.each([
    ['--q', '0.01', '0.01'],
    ['--q', '0.05', '0.05'],
    ['--min', '10', '10'],
    ['--min', '0', '0'],
  ])('findFlag(%s).toValue(%s) → %s', (name, raw, value) => {
    const found = findFlag(name)!;
    expect(found.key).toBe(name === '--q' ? '_q' : '_min');
    expect(found.flag.toValue!(raw, context)).toBe(value);
  });

  it.each([
    ['--q', '1'],
    ['--q', '0'],
    ['--q', 'lots'],
    ['--min', '-1'],
    ['--min', '200'],
  ])('findFlag(%s).toValue(%s) → an error naming the flag', (name, raw) => {
    const value = findFlag(name)!.flag.toValue!(raw, context);
    expect(value).toEqual({ error: expect.stringContaining(`${name}: “${raw}” is not`) });
  });
});
