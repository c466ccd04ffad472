import { describe, expect, it } from 'vitest';
import { parseFilterPairs, parseWhereExpression, searchParamPairs, writeFilterPairs, writeFilterText } from '../../../../lib/view/state/filter-grammar';
import { FILTER_OPS, type Filter } from '../../../../lib/analysis/filters';

const SO_ANSWER = 'I am not primarily a developer, but I write code sometimes as part of my work';

describe('parseFilterPairs', () => {
  it('parseFilterPairs(role=Backend&role=Frontend) → one "is one of" filter with both values', () => {
    expect(
      parseFilterPairs([
        ['role', 'Backend'],
        ['role', 'Frontend'],
      ]),
    ).toEqual({ filters: [{ question: 'role', op: 'in', values: ['Backend', 'Frontend'] }], notes: [] });
  });

  it('parseFilterPairs(role=Backend twice) → the value once', () => {
    expect(
      parseFilterPairs([
        ['role', 'Backend'],
        ['role', 'Backend'],
      ]).filters,
    ).toEqual([{ question: 'role', op: 'in', values: ['Backend'] }]);
  });

  it('parseFilterPairs reads every operator suffix and groups by (question, operator), in order of first appearance', () => {
    const { filters, notes } = parseFilterPairs([
      ['country__not', 'US'],
      ['years__gte', '5'],
      ['languages__all', 'Go'],
      ['years__lt', '10'],
      ['languages__all', 'Rust'],
      ['salary__answered', '0'],
      ['years__lte', '9'],
      ['years__gt', '1'],
      ['country__not', 'UK'],
      ['country', 'FR'],
      ['trends__first', 'AI'],
    ]);
    expect(notes).toEqual([]);
    expect(filters).toEqual([
      { question: 'country', op: 'not', values: ['US', 'UK'] },
      { question: 'years', op: 'gte', values: ['5'] },
      { question: 'languages', op: 'all', values: ['Go', 'Rust'] },
      { question: 'years', op: 'lt', values: ['10'] },
      { question: 'salary', op: 'answered', values: ['0'] },
      { question: 'years', op: 'lte', values: ['9'] },
      { question: 'years', op: 'gt', values: ['1'] },
      { question: 'country', op: 'in', values: ['FR'] }, // "is" and "is not" on one question stay two filters
      { question: 'trends', op: 'first', values: ['AI'] },
    ]);
  });

  it('parseFilterPairs ignores view settings (keys starting with _) and empty keys', () => {
    expect(
      parseFilterPairs([
        ['_by', 'region'],
        ['_base', 'answered'],
        ['_wave', '2022'],
        ['_sort', 'count.desc'],
        ['', 'x'],
        ['_role__not', 'x'],
      ]),
    ).toEqual({ filters: [], notes: [] });
  });

  it.each<[string, string, string]>([
    ['an unknown suffix stays part of the id', 'years__between', 'years__between'],
    ['a double underscore inside the id', 'a__b__not', 'a__b'],
  ])('parseFilterPairs(%s: %s) → question %s', (_, key, question) => {
    expect(parseFilterPairs([[key, 'x']]).filters[0].question).toBe(question);
  });

  it('parseFilterPairs(a__b__not=x) → op "not" on question "a__b"', () => {
    expect(parseFilterPairs([['a__b__not', 'x']]).filters).toEqual([{ question: 'a__b', op: 'not', values: ['x'] }]);
  });

  it('parseFilterPairs keeps a 500-character value and notes (and drops) a 501-character one', () => {
    const { filters, notes } = parseFilterPairs([
      ['role', 'x'.repeat(500)],
      ['role', 'y'.repeat(501)],
    ]);
    expect(filters).toEqual([{ question: 'role', op: 'in', values: ['x'.repeat(500)] }]);
    expect(notes).toEqual(['The value for “role” is longer than 500 characters and was ignored.']);
  });

  it('parseFilterPairs keeps the first 200 values and says so', () => {
    const pairs = Array.from({ length: 205 }, (_, i) => ['role', `v${i}`] as [string, string]);
    const { filters, notes } = parseFilterPairs(pairs);
    expect(filters[0].values).toHaveLength(200);
    expect(filters[0].values.at(-1)).toBe('v199');
    expect(notes).toEqual(['Only the first 200 filter values are used.']);
  });

  it('parseFilterPairs keeps hostile values as plain strings (it is selectRespondents that says "no such option")', () => {
    const values = ["'; DROP TABLE respondents; --", '../../etc/passwd', '日本', '<script>'];
    expect(parseFilterPairs(values.map((value) => ['role', value] as [string, string])).filters).toEqual([{ question: 'role', op: 'in', values }]);
  });
});

describe('searchParamPairs', () => {
  it('searchParamPairs({ role: [A, B], _by: x, years__gte: 5, gone: undefined }) → pairs in order, arrays expanded, undefined dropped', () => {
    expect(searchParamPairs({ role: ['A', 'B'], _by: 'x', years__gte: '5', gone: undefined })).toEqual([
      ['role', 'A'],
      ['role', 'B'],
      ['_by', 'x'],
      ['years__gte', '5'],
    ]);
  });
});

describe('writeFilterPairs and writeFilterText', () => {
  const filters: Filter[] = [
    { question: 'role', op: 'in', values: ['Backend Engineer', 'Data / ML'] },
    { question: 'years_experience', op: 'gte', values: ['5'] },
    { question: 'country', op: 'not', values: ['US'] },
    { question: 'company_size', op: 'in', values: ['5,001+'] },
  ];

  it('writeFilterPairs → "in" as the bare id, other operators as id__op, one pair per value', () => {
    expect(writeFilterPairs(filters)).toEqual([
      ['role', 'Backend Engineer'],
      ['role', 'Data / ML'],
      ['years_experience__gte', '5'],
      ['country__not', 'US'],
      ['company_size', '5,001+'],
    ]);
  });

  it('parseFilterPairs(writeFilterPairs(filters)) → the same filters (round trip)', () => {
    const tricky: Filter[] = [
      ...filters,
      { question: 'MainBranch', op: 'in', values: [SO_ANSWER] },
      { question: 'langs', op: 'all', values: ['C#', 'F#'] },
      { question: 'salary', op: 'answered', values: ['1'] },
      { question: 'trends', op: 'first', values: ['AI', 'Cloud'] },
    ];
    expect(parseFilterPairs(writeFilterPairs(tricky))).toEqual({ filters: tricky, notes: [] });
  });

  it.each(FILTER_OPS.map((op) => [op]))(
    'parseFilterPairs(writeFilterPairs(a "%s" filter)) → the same filter: every one of the nine operators has a URL form',
    (op) => {
      const filter: Filter = { question: 'q', op, values: ['1'] };
      expect(parseFilterPairs(writeFilterPairs([filter])).filters).toEqual([filter]);
    },
  );

  it('writeFilterText → a form-encoded query string: spaces as +, "/" "," "+" percent-encoded', () => {
    expect(writeFilterText(filters)).toBe('role=Backend+Engineer&role=Data+%2F+ML&years_experience__gte=5&country__not=US&company_size=5%2C001%2B');
  });

  it('writeFilterText read back with URLSearchParams and parseFilterPairs → the same filters', () => {
    expect(parseFilterPairs(new URLSearchParams(writeFilterText(filters))).filters).toEqual(filters);
  });

  it('writeFilterText([]) → ""', () => {
    expect(writeFilterText([])).toBe('');
  });
});

describe('parseWhereExpression', () => {
  it.each<[string, [string, string]]>([
    ['a=b', ['a', 'b']],
    ['a!=b', ['a__not', 'b']],
    ['a>=5', ['a__gte', '5']],
    ['a<=5', ['a__lte', '5']],
    ['a>5', ['a__gt', '5']],
    ['a<5', ['a__lt', '5']],
    // values are everything after the first operator, as typed
    ['url=http://x?y=z', ['url', 'http://x?y=z']],
    ['role=a!=b', ['role', 'a!=b']],
    ['years>=5=5', ['years__gte', '5=5']],
    [`MainBranch=${SO_ANSWER}`, ['MainBranch', SO_ANSWER]],
    ['MainBranch!=I am a developer by profession', ['MainBranch__not', 'I am a developer by profession']],
    ['company_size=5,001+', ['company_size', '5,001+']],
    ['languages=C;C++', ['languages', 'C;C++']],
    ['role=Data / ML', ['role', 'Data / ML']],
    ['path=../../etc/passwd', ['path', '../../etc/passwd']],
    [`quote=He said "it's fine"`, ['quote', `He said "it's fine"`]],
    ['país=España', ['país', 'España']],
    ['note=line 1\nline 2', ['note', 'line 1\nline 2']],
    // spaces before the operator belong to nobody: the id is trimmed
    ['role =Backend', ['role', 'Backend']],
    ['years>=', ['years__gte', '']],
  ])('parseWhereExpression(%j) → %j', (expression, pair) => {
    expect(parseWhereExpression(expression)).toEqual(pair);
  });

  it.each(['role', '=Backend', '', '!=x', '>=5'])('parseWhereExpression(%j) → a message naming the expected form', (expression) => {
    expect(parseWhereExpression(expression)).toBe(`--where "${expression}" is not of the form <question>=<value> (or !=, >=, <=, >, <)`);
  });

  it('parseWhereExpression → parseFilterPairs: repeated --where on one question is "one of"', () => {
    const pairs = ['company_size=1-10', 'company_size=5,001+', 'years>=5'].map((expression) => parseWhereExpression(expression) as [string, string]);
    expect(parseFilterPairs(pairs).filters).toEqual([
      { question: 'company_size', op: 'in', values: ['1-10', '5,001+'] },
      { question: 'years', op: 'gte', values: ['5'] },
    ]);
  });
});
