import { describe, expect, it } from 'vitest';
import { parseViewState } from '../../../../lib/view/state/parse-view-state';
import { makeViewHrefs, writeViewPairs, writeViewQuery, type PageKind } from '../../../../lib/view/state/write-view-query';
import type { ViewDefaults, ViewState } from '../../../../lib/view/state/view-state';

const DEFAULTS: ViewDefaults = { waveIds: ['2020', '2021', '2022'], weighted: true, suppressBelow: 10 };
const BASE_STATE: ViewState = { filters: [], base: 'answered', weighted: true, desc: false, page: 1, display: 'chart', rows: [], pct: 'column', matches: {} };
const state = (change: Partial<ViewState>): ViewState => ({ ...BASE_STATE, ...change });

/** Every setting away from its default, and two filters. */
const EVERYTHING = state({
  filters: [
    { question: 'region', op: 'in', values: ['Europe', 'Asia'] },
    { question: 'years', op: 'gte', values: ['5'] },
  ],
  wave: '2021',
  by: 'role',
  base: 'all',
  weighted: false,
  suppress: 20,
  top: 5,
  sort: 'salary',
  desc: true,
  page: 3,
  display: 'table',
});

describe('writeViewPairs: defaults are dropped', () => {
  it.each<[string, ViewState]>([
    ['the default state', BASE_STATE],
    ['the latest wave named', state({ wave: '2022' })],
    ['base answered', state({ base: 'answered' })],
    ['weighted, as the dataset is', state({ weighted: true })],
    ['a threshold equal to the dataset’s', state({ suppress: 10 })],
    ['page 1', state({ page: 1 })],
    ['charts', state({ display: 'chart' })],
  ])('writeViewPairs(%s, question page) → no pairs', (_, view) => {
    expect(writeViewPairs(view, DEFAULTS, 'question')).toEqual([]);
  });

  it('writeViewPairs(a threshold below a public dataset’s) → no pairs: a public threshold is only raised', () => {
    expect(writeViewPairs(state({ suppress: 5 }), { ...DEFAULTS, disclosure: 'public' }, 'question')).toEqual([]);
  });

  it('writeViewPairs(a threshold below an analyst dataset’s) → _suppress=5: an analyst may lower it', () => {
    expect(writeViewPairs(state({ suppress: 5 }), DEFAULTS, 'question')).toEqual([['_suppress', '5']]);
  });

  it('writeViewPairs(weighted by an analyst’s column) → _weight=<column>; on a public dataset → the dataset’s weights, nothing written', () => {
    expect(writeViewPairs(state({ weighted: 'salary' }), DEFAULTS, 'question')).toEqual([['_weight', 'salary']]);
    expect(writeViewPairs(state({ weighted: 'salary' }), { ...DEFAULTS, disclosure: 'public' }, 'question')).toEqual([]);
  });

  it('writeViewPairs(desc without a sort column, responses) → no pairs: a direction alone means nothing', () => {
    expect(writeViewPairs(state({ desc: true }), DEFAULTS, 'responses')).toEqual([]);
  });

  it('writeViewPairs(unweighted, on a dataset without weights) → no _weight', () => {
    expect(writeViewPairs(state({ weighted: false }), { ...DEFAULTS, weighted: false }, 'question')).toEqual([]);
  });
});

describe('writeViewPairs: what each page keeps', () => {
  const filters: [string, string][] = [
    ['region', 'Europe'],
    ['region', 'Asia'],
    ['years__gte', '5'],
  ];
  const view: [string, string][] = [
    ['_wave', '2021'],
    ['_by', 'role'],
    ['_base', 'all'],
    ['_weight', '0'],
    ['_suppress', '20'],
  ];

  it.each<[PageKind, [string, string][]]>([
    ['overview', [...filters, ...view, ['_top', '5'], ['_view', 'table'], ['_page', '3']]],
    ['question', [...filters, ...view, ['_top', '5'], ['_view', 'table']]],
    ['responses', [...filters, ...view, ['_sort', 'salary'], ['_desc', '1'], ['_page', '3']]],
    // an export is the figures: no paging, sorting, bar limit or chart/table
    ['export', [...filters, ...view]],
  ])('writeViewPairs(every setting changed, %s) → filters first, then the settings that page uses', (kind, pairs) => {
    expect(writeViewPairs(EVERYTHING, DEFAULTS, kind)).toEqual(pairs);
  });

  it.each<[string, Partial<ViewState>, [string, string][]]>([
    ['_wave=all', { wave: 'all' }, [['_wave', 'all']]],
    ['_weight=1 on a dataset that is unweighted by default', { weighted: true }, [['_weight', '1']]],
    ['_suppress=11 just above the threshold', { suppress: 11 }, [['_suppress', '11']]],
    ['_page=2', { page: 2 }, [['_page', '2']]],
    ['_top=1', { top: 1 }, [['_top', '1']]],
  ])('writeViewPairs(%s, overview) → that one pair', (_, change, pairs) => {
    expect(writeViewPairs(state(change), { ...DEFAULTS, weighted: change.weighted ? false : DEFAULTS.weighted }, 'overview')).toEqual(pairs);
  });
});

describe('writeViewQuery', () => {
  it.each<[ViewState, PageKind, string]>([
    [BASE_STATE, 'question', ''],
    [state({ wave: '2021' }), 'question', '?_wave=2021'],
    [state({ sort: 'role' }), 'responses', '?_sort=role'],
    [state({ sort: 'a b&c' }), 'responses', '?_sort=a+b%26c'],
    [state({ filters: [{ question: 'company_size', op: 'in', values: ['5,001+'] }] }), 'question', '?company_size=5%2C001%2B'],
    [
      state({ filters: [{ question: 'hot_trends', op: 'first', values: ['AI, Machine Learning, Big Data'] }] }),
      'question',
      '?hot_trends__first=AI%2C+Machine+Learning%2C+Big+Data',
    ],
  ])('writeViewQuery(%j, %s) → %j', (view, kind, expected) => {
    expect(writeViewQuery(view, DEFAULTS, kind)).toBe(expected);
  });

  it('parseViewState(writeViewQuery(state)) → the same state (round trip, every page setting)', () => {
    const query = writeViewQuery(EVERYTHING, DEFAULTS, 'overview');
    const { value, notes } = parseViewState(new URLSearchParams(query.slice(1)), DEFAULTS);
    expect(notes).toEqual([]);
    // the overview keeps neither sort nor direction
    expect(value).toEqual({ ...EVERYTHING, sort: undefined, desc: false });
  });
});

describe('makeViewHrefs', () => {
  const hrefs = makeViewHrefs('state-of-engineers', DEFAULTS);

  it('makeViewHrefs(…).paths → the three page paths, ids percent-encoded', () => {
    expect([hrefs.paths.overview, hrefs.paths.question('years of/experience'), hrefs.paths.responses]).toEqual([
      '/state-of-engineers',
      '/state-of-engineers/questions/years%20of%2Fexperience',
      '/state-of-engineers/responses',
    ]);
  });

  it.each<[string, string]>([
    ['overview', '/state-of-engineers?region=Europe&region=Asia&years__gte=5&_wave=2021&_by=role&_base=all&_weight=0&_suppress=20&_top=5&_view=table&_page=3'],
    [
      'question',
      '/state-of-engineers/questions/role?region=Europe&region=Asia&years__gte=5&_wave=2021&_by=role&_base=all&_weight=0&_suppress=20&_top=5&_view=table',
    ],
    [
      'responses',
      '/state-of-engineers/responses?region=Europe&region=Asia&years__gte=5&_wave=2021&_by=role&_base=all&_weight=0&_suppress=20&_sort=salary&_desc=1&_page=3',
    ],
  ])('makeViewHrefs(…).%s(every setting changed) → that page with what it keeps', (kind, href) => {
    const made = kind === 'overview' ? hrefs.overview(EVERYTHING) : kind === 'question' ? hrefs.question('role', EVERYTHING) : hrefs.responses(EVERYTHING);
    expect(made).toBe(href);
  });

  it.each<[ViewState, 'csv' | 'json', string]>([
    [BASE_STATE, 'csv', '/state-of-engineers/export?_question=role'],
    [BASE_STATE, 'json', '/state-of-engineers/export?_question=role&_format=json'],
    [state({ wave: '2021' }), 'csv', '/state-of-engineers/export?_wave=2021&_question=role'],
    // filters, wave, compare-by, base, weight and threshold travel; paging, sorting, bars and display do not
    [
      EVERYTHING,
      'csv',
      '/state-of-engineers/export?region=Europe&region=Asia&years__gte=5&_wave=2021&_by=role&_base=all&_weight=0&_suppress=20&_question=role',
    ],
  ])('makeViewHrefs(…).export(role, %j, %s) → %s', (view, format, href) => {
    expect(hrefs.export('role', view, format)).toBe(href);
  });

  it('makeViewHrefs(a dataset id with a space and a slash) → one encoded path segment', () => {
    expect(makeViewHrefs('my data/2', DEFAULTS).overview(BASE_STATE)).toBe('/my%20data%2F2');
  });
});

describe('writeViewPairs: _as', () => {
  const asIn2021 = state({ wave: 'all', asIn: '2021' });

  it.each<[PageKind, [string, string][]]>([
    [
      'question',
      [
        ['_wave', 'all'],
        ['_as', '2021'],
      ],
    ],
    [
      'export',
      [
        ['_wave', 'all'],
        ['_as', '2021'],
      ],
    ],
    // the overview and the responses table show no one question’s trend
    ['overview', [['_wave', 'all']]],
    ['responses', [['_wave', 'all']]],
  ])('writeViewPairs(a trend as asked in 2021, %s) → %j', (kind, pairs) => {
    expect(writeViewPairs(asIn2021, DEFAULTS, kind)).toEqual(pairs);
  });

  it.each<[string, ViewState]>([
    ['one wave shown', state({ wave: '2021', asIn: '2021' })],
    ['the latest wave shown', state({ asIn: '2021' })],
  ])('writeViewPairs(_as with %s) → no _as: it only means something in a trend', (_, view) => {
    expect(writeViewPairs(view, DEFAULTS, 'question').map(([key]) => key)).not.toContain('_as');
  });

  it('parseViewState(writeViewQuery(a trend as asked in 2021)) → the same state', () => {
    const query = writeViewQuery(asIn2021, DEFAULTS, 'question');
    expect(query).toBe('?_wave=all&_as=2021');
    expect(parseViewState(new URLSearchParams(query.slice(1)), DEFAULTS)).toEqual({ value: asIn2021, notes: [] });
  });
});
