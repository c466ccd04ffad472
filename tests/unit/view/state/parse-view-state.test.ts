import { describe, expect, it } from 'vitest';
import { parseViewState, toPairs } from '../../../../lib/view/state/parse-view-state';
import type { ViewDefaults, ViewState } from '../../../../lib/view/state/view-state';

/** A three-wave dataset with a weight column and the default threshold of 10. */
const WEIGHTED: ViewDefaults = { waveIds: ['2020', '2021', '2022'], weighted: true, suppressBelow: 10 };
/** One wave, no weight column, a stricter threshold of 20. */
const PLAIN: ViewDefaults = { waveIds: ['2022'], weighted: false, suppressBelow: 20 };
/** The weighted dataset on a public dashboard: its weights and threshold are the publisher's. */
const PUBLIC: ViewDefaults = { ...WEIGHTED, disclosure: 'public' };
const PUBLIC_PLAIN: ViewDefaults = { ...PLAIN, disclosure: 'public' };

/** The state of a URL with nothing in it, written out by hand (not taken from defaultViewState). */
const DEFAULT_WEIGHTED: ViewState = {
  filters: [],
  base: 'answered',
  weighted: true,
  desc: false,
  page: 1,
  display: 'chart',
  rows: [],
  pct: 'column',
  matches: {},
};

const parse = (query: string, defaults = WEIGHTED) => parseViewState(new URLSearchParams(query), defaults);

describe('parseViewState: defaults', () => {
  it('parseViewState("") → no filters, latest wave, answered base, the dataset’s weighting, page 1, charts; no notes', () => {
    expect(parse('')).toEqual({ value: DEFAULT_WEIGHTED, notes: [] });
  });

  it('parseViewState("", no weight column) → weighted false', () => {
    expect(parse('', PLAIN).value.weighted).toBe(false);
  });
});

describe('parseViewState: every `_` key read', () => {
  it.each<[string, Partial<ViewState>]>([
    ['_wave=2021', { wave: '2021' }],
    // the latest wave is the default, so it is not kept
    ['_wave=2022', {}],
    ['_wave=all', { wave: 'all' }],
    ['_by=region', { by: 'region' }],
    ['_by=', {}],
    ['_base=all', { base: 'all' }],
    ['_base=answered', {}],
    ['_weight=0', { weighted: false }],
    ['_weight=false', { weighted: false }],
    ['_weight=1', {}],
    ['_suppress=25', { suppress: 25 }],
    // equal to the dataset's threshold: nothing to keep
    ['_suppress=10', {}],
    ['_top=5', { top: 5 }],
    ['_top=100', { top: 100 }],
    ['_sort=role', { sort: 'role' }],
    ['_sort=role&_desc=1', { sort: 'role', desc: true }],
    ['_sort=role&_desc=true', { sort: 'role', desc: true }],
    ['_sort=role&_desc=0', { sort: 'role' }],
    // a direction without a sort column means nothing
    ['_desc=1', {}],
    ['_page=3', { page: 3 }],
    ['_view=table', { display: 'table' }],
    ['_view=chart', {}],
  ])('parseViewState(%s) → the default state with %j, no notes', (query, change) => {
    expect(parse(query)).toEqual({ value: { ...DEFAULT_WEIGHTED, ...change }, notes: [] });
  });

  it('parseViewState(filters and settings together) → filters as written, in order, settings beside them', () => {
    const parsed = parse('region=Europe&region=Asia&years__gte=5&_by=role&hot_trends__first=AI&_page=2');
    expect(parsed.notes).toEqual([]);
    expect(parsed.value).toEqual({
      ...DEFAULT_WEIGHTED,
      filters: [
        { question: 'region', op: 'in', values: ['Europe', 'Asia'] },
        { question: 'years', op: 'gte', values: ['5'] },
        { question: 'hot_trends', op: 'first', values: ['AI'] },
      ],
      by: 'role',
      page: 2,
    });
  });

  it('parseViewState(_wave=2020&_wave=2021) → the first value of a repeated `_` key', () => {
    expect(parse('_wave=2020&_wave=2021').value.wave).toBe('2020');
  });

  it('parseViewState(a Next searchParams object) → the same state as the query string', () => {
    const fromObject = parseViewState({ role: ['A', 'B'], _base: 'all', _page: '2', gone: undefined }, WEIGHTED);
    expect(fromObject).toEqual(parse('role=A&role=B&_base=all&_page=2'));
  });
});

describe('parseViewState: unusable values fall back to the default and are named', () => {
  it.each<[string, ViewDefaults, string]>([
    ['_wave=1999', WEIGHTED, 'There is no wave “1999” in this dataset (waves: 2020, 2021, 2022); showing the latest wave, 2022.'],
    ['_wave=', WEIGHTED, 'There is no wave “” in this dataset (waves: 2020, 2021, 2022); showing the latest wave, 2022.'],
    ['_base=everyone', WEIGHTED, '“everyone” is not a base (answered or all); using respondents who answered.'],
    ['_weight=w2', PUBLIC, 'Weights are the dataset’s own on a public dashboard: “_weight=w2” cannot choose another column.'],
    ['_weight=', WEIGHTED, '“_weight=” names no column; figures are weighted as the dataset is.'],
    ['_weight=1', PLAIN, 'This dataset has no weight column; figures are unweighted.'],
    ['_suppress=5', PUBLIC, 'Groups under 10 respondents are always hidden on this public dashboard; “_suppress=5” cannot lower that.'],
    ['_suppress=0', PUBLIC_PLAIN, 'Groups under 20 respondents are always hidden on this public dashboard; “_suppress=0” cannot lower that.'],
    ['_suppress=-30', WEIGHTED, '“-30” is not a suppression threshold; groups under 10 respondents stay hidden.'],
    ['_suppress=lots', WEIGHTED, '“lots” is not a suppression threshold; groups under 10 respondents stay hidden.'],
    ['_top=0', WEIGHTED, '“0” is not a number of bars (1–100); showing the default.'],
    ['_top=101', WEIGHTED, '“101” is not a number of bars (1–100); showing the default.'],
    ['_top=2.5', WEIGHTED, '“2.5” is not a number of bars (1–100); showing the default.'],
    ['_sort=role&_desc=yes', WEIGHTED, '“yes” is not a sort direction (use _desc=1); sorting ascending.'],
    ['_page=0', WEIGHTED, '“0” is not a page number; showing page 1.'],
    ['_page=-3', WEIGHTED, '“-3” is not a page number; showing page 1.'],
    ['_page=abc', WEIGHTED, '“abc” is not a page number; showing page 1.'],
    ['_page=99999999999', WEIGHTED, '“99999999999” is not a page number; showing page 1.'],
    ['_view=grid', WEIGHTED, '“grid” is not a view (chart or table); showing charts.'],
  ])('parseViewState(%s) → the default value and the note %j', (query, defaults, note) => {
    const parsed = parse(query, defaults);
    expect(parsed.notes).toEqual([note]);
    const expected: ViewState = { ...DEFAULT_WEIGHTED, weighted: defaults.weighted, ...(query.startsWith('_sort') ? { sort: 'role' } : {}) };
    expect(parsed.value).toEqual(expected);
  });

  it('parseViewState(_wave=all) on a one-wave dataset → the latest wave, silently (a trend of one wave is that wave)', () => {
    expect(parse('_wave=all', PLAIN)).toEqual({ value: { ...DEFAULT_WEIGHTED, weighted: false }, notes: [] });
  });

  it('parseViewState(_wave=2022) on a dataset whose only wave is 2022 → the default', () => {
    expect(parse('_wave=2022', PLAIN).value.wave).toBeUndefined();
  });
});

describe('parseViewState: _suppress may raise a public dataset’s threshold, never lower it; an analyst may lower it', () => {
  it.each<[string, ViewDefaults, number | undefined, number]>([
    // public, threshold 10: 9 lowers (refused), 10 is the default, 11 raises
    ['9', PUBLIC, undefined, 1],
    ['0', PUBLIC, undefined, 1],
    ['10', PUBLIC, undefined, 0],
    ['11', PUBLIC, 11, 0],
    ['1000', PUBLIC, 1000, 0],
    // analyst, threshold 10: their own data, every row browsable: lowered as asked
    ['9', WEIGHTED, 9, 0],
    ['0', WEIGHTED, 0, 0],
    ['10', WEIGHTED, undefined, 0],
    ['11', WEIGHTED, 11, 0],
  ])('parseViewState(_suppress=%s, %o) → suppress %s with %i note(s)', (raw, defaults, suppress, notes) => {
    const parsed = parse(`_suppress=${raw}`, defaults);
    expect(parsed.value.suppress).toBe(suppress);
    expect(parsed.notes).toHaveLength(notes);
  });
});

describe('parseViewState: _weight takes 0 or 1 (or false / true), or an analyst’s column (checked against the survey later)', () => {
  it.each<[string, ViewDefaults, boolean | string, number]>([
    ['0', WEIGHTED, false, 0],
    ['1', WEIGHTED, true, 0],
    ['true', WEIGHTED, true, 0],
    ['false', WEIGHTED, false, 0],
    ['salary', WEIGHTED, 'salary', 0],
    ['salary', PLAIN, 'salary', 0],
    ['', WEIGHTED, true, 1],
    // public: the publisher's weights or none
    ['salary', PUBLIC, true, 1],
    ['0', PUBLIC, false, 0],
    ['salary', PUBLIC_PLAIN, false, 1],
    // no weight column: 0 is the default already; 1 cannot be honoured
    ['0', PLAIN, false, 0],
    ['1', PLAIN, false, 1],
  ])('parseViewState(_weight=%j) → weighted %s with %i note(s)', (raw, defaults, weighted, notes) => {
    const parsed = parse(`_weight=${raw}`, defaults);
    expect(parsed.value.weighted).toBe(weighted);
    expect(parsed.notes).toHaveLength(notes);
  });
});

describe('parseViewState: unknown `_` keys are named, known ones are not', () => {
  it('parseViewState(_colour=red&_size=2&_colour=blue) → one note naming both unknown keys once', () => {
    expect(parse('_colour=red&_size=2&_colour=blue').notes).toEqual(['Ignored “_colour”, “_size”: not a setting this page knows.']);
  });

  it.each(['_question=role', '_format=json', '_rows=role', '_cols=region'])(
    'parseViewState(%s) → no note: the export and crosstab read it themselves',
    (query) => {
      expect(parse(query).notes).toEqual([]);
    },
  );

  it('parseViewState(an unknown key of 1,000 characters) → the note quotes its first 40', () => {
    const key = `_${'k'.repeat(999)}`;
    expect(parse(`${key}=1`).notes).toEqual([`Ignored “${key.slice(0, 40)}”: not a setting this page knows.`]);
  });

  it('parseViewState(a filter longer than 500 characters, a bad page) → both notes, the filter notes first', () => {
    expect(parse(`role=${'x'.repeat(501)}&_page=x`).notes).toEqual([
      'The value for “role” is longer than 500 characters and was ignored.',
      '“x” is not a page number; showing page 1.',
    ]);
  });
});

describe('toPairs', () => {
  it.each<[string, Parameters<typeof toPairs>[0]]>([
    ['URLSearchParams', new URLSearchParams('a=1&b=2&a=3')],
    [
      'an array of pairs',
      [
        ['a', '1'],
        ['b', '2'],
        ['a', '3'],
      ],
    ],
  ])('toPairs(%s) → the pairs in order, repeats kept', (_, params) => {
    expect(toPairs(params)).toEqual([
      ['a', '1'],
      ['b', '2'],
      ['a', '3'],
    ]);
  });

  it('toPairs({ a: [1, 3], b: 2, c: undefined }) → arrays expanded, undefined dropped', () => {
    expect(toPairs({ a: ['1', '3'], b: '2', c: undefined })).toEqual([
      ['a', '1'],
      ['a', '3'],
      ['b', '2'],
    ]);
  });
});

describe('parseViewState: _as (which wave’s question a trend’s id names) is kept only in a trend, and must name a wave', () => {
  it.each<[string, Partial<ViewState>]>([
    ['_wave=all&_as=2021', { wave: 'all', asIn: '2021' }],
    ['_as=2020&_wave=all', { wave: 'all', asIn: '2020' }],
    ['_wave=all&_as=2022', { wave: 'all', asIn: '2022' }],
    // one wave shown: its own question is shown, _as means nothing
    ['_as=2021', {}],
    ['_wave=2021&_as=2020', { wave: '2021' }],
  ])('parseViewState(%s) → the default state with %j, no notes', (query, change) => {
    expect(parse(query)).toEqual({ value: { ...DEFAULT_WEIGHTED, ...change }, notes: [] });
  });

  it('parseViewState(_wave=all&_as=1999) → a trend read as the latest wave that asks it, and a note', () => {
    expect(parse('_wave=all&_as=1999')).toEqual({
      value: { ...DEFAULT_WEIGHTED, wave: 'all' },
      notes: ['There is no wave “1999” to read the question in; using the latest wave that asks it.'],
    });
  });

  it('parseViewState(_wave=all&_as=2022) on a one-wave dataset → no trend, so no _as', () => {
    expect(parse('_wave=all&_as=2022', PLAIN).value.asIn).toBeUndefined();
  });
});
