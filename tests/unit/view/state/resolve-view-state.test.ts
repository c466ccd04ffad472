import { describe, expect, it } from 'vitest';
import type { Filter } from '../../../../lib/analysis/filters';
import { selectRespondents } from '../../../../lib/analysis/select-respondents';
import { resolveFilters, resolveViewState, SEGMENT_KINDS } from '../../../../lib/view/state/resolve-view-state';
import type { ViewState } from '../../../../lib/view/state/view-state';
import { idsOf, selectSurvey } from '../../helpers/fixture-survey';
import { f, viewState } from '../../helpers/view-fixtures';

/** analysis-select.csv: role (single: Backend, Frontend, Data), languages (multi), trends (ranking), years (numeric), country (single), comment (text), id (meta). */
const survey = selectSurvey();
const STATE = viewState();
const resolve = (...filters: Filter[]) => resolveFilters(filters, survey);

describe('resolveFilters: options matched leniently (case, spacing, NBSP)', () => {
  it.each<[string, string]>([
    ['backend', 'Backend'],
    ['BACKEND', 'Backend'],
    ['  Backend ', 'Backend'],
    ['\u00a0frontend\u00a0', 'Frontend'],
  ])('resolveFilters(role=%j) → role=%j, no note', (typed, canonical) => {
    expect(resolve(f('role', 'in', typed))).toEqual({ value: [f('role', 'in', canonical)], notes: [] });
  });

  it('resolveFilters(country=côte  d’ivoire, with a double space and an NBSP) → the option “Côte d’Ivoire”', () => {
    expect(resolve(f('country', 'in', 'côte \u00a0d’ivoire')).value).toEqual([f('country', 'in', 'Côte d’Ivoire')]);
  });

  it('resolveFilters(ROLE=Data) → the question id matched leniently too', () => {
    expect(resolve(f('ROLE', 'in', 'Data'))).toEqual({ value: [f('role', 'in', 'Data')], notes: [] });
  });

  it('resolveFilters(languages__all=go&languages__all=RUST) → canonical values, operator kept', () => {
    expect(resolve(f('languages', 'all', 'go', 'RUST')).value).toEqual([f('languages', 'all', 'Go', 'Rust')]);
  });
});

describe('resolveFilters: unknown options are dropped and named', () => {
  it('resolveFilters(role=Backnd) → dropped, with “did you mean “Backend”?”', () => {
    expect(resolve(f('role', 'in', 'Backnd'))).toEqual({
      value: [],
      notes: ['“Primary role” has no option “Backnd”; did you mean “Backend”? That value was not applied.'],
    });
  });

  it('resolveFilters(role=Manager) → dropped, naming the options that exist', () => {
    expect(resolve(f('role', 'in', 'Manager')).notes).toEqual([
      '“Primary role” has no option “Manager”; its options are “Backend”, “Frontend”, “Data”. That value was not applied.',
    ]);
  });

  it('resolveFilters(role in Backend, Manager) → Backend kept, Manager dropped and named', () => {
    const resolved = resolve(f('role', 'in', 'Backend', 'Manager'));
    expect(resolved.value).toEqual([f('role', 'in', 'Backend')]);
    expect(resolved.notes).toHaveLength(1);
  });

  it('resolveFilters(role = a 1,000-character value) → the note quotes its first 80 characters', () => {
    const long = 'x'.repeat(1000);
    expect(resolve(f('role', 'in', long)).notes[0]).toContain(`no option “${'x'.repeat(80)}”;`);
  });
});

describe('resolveFilters: unknown questions are dropped and named', () => {
  it.each<[string, string]>([
    ['rol', 'There is no question “rol” to filter by; did you mean “role”? The filter was not applied.'],
    // close to a question's label rather than its id
    ['Primary rol', 'There is no question “Primary rol” to filter by; did you mean “role”? The filter was not applied.'],
    ['salary', 'There is no question “salary” to filter by. The filter was not applied.'],
  ])('resolveFilters(%s=x) → dropped: %j', (id, note) => {
    expect(resolve(f(id, 'in', 'x'))).toEqual({ value: [], notes: [note] });
  });
});

describe('resolveFilters: operators a kind of question cannot take are dropped', () => {
  it.each<[string, Filter, string]>([
    [
      'a range on a single-choice question',
      f('role', 'gte', '5'),
      '“Primary role” (single) cannot be filtered with __gte (it takes =, __not, __answered); the filter was not applied.',
    ],
    [
      '__all on a single-choice question',
      f('role', 'all', 'Backend'),
      '“Primary role” (single) cannot be filtered with __all (it takes =, __not, __answered); the filter was not applied.',
    ],
    [
      '__first on a multi-select question',
      f('languages', 'first', 'Go'),
      '“Languages used” (multi) cannot be filtered with __first (it takes =, __not, __all, __answered); the filter was not applied.',
    ],
    [
      '__all on a numeric question',
      f('years', 'all', '5'),
      '“Years of experience” (numeric) cannot be filtered with __all (it takes =, __not, __gte, __lte, __gt, __lt, __answered); the filter was not applied.',
    ],
    [
      'an option value on free text',
      f('comment', 'in', 'Bye'),
      '“Comment” (text) cannot be filtered with an option value (it takes __answered); the filter was not applied.',
    ],
    [
      'an option value on metadata',
      f('id', 'in', '3'),
      '“id” (meta) cannot be filtered with an option value (it takes __answered); the filter was not applied.',
    ],
  ])('resolveFilters(%s) → dropped: %j', (_, filter, note) => {
    expect(resolve(filter)).toEqual({ value: [], notes: [note] });
  });

  it.each<[Filter, Filter]>([
    [f('trends', 'first', 'ai'), f('trends', 'first', 'AI')],
    [f('trends', 'all', 'AI', 'Cloud'), f('trends', 'all', 'AI', 'Cloud')],
    [f('languages', 'not', 'python'), f('languages', 'not', 'Python')],
    [f('comment', 'answered', '1'), f('comment', 'answered', '1')],
    [f('id', 'answered', '0'), f('id', 'answered', '0')],
  ])('resolveFilters(%j) → kept as %j', (filter, expected) => {
    expect(resolve(filter)).toEqual({ value: [expected], notes: [] });
  });
});

describe('resolveFilters: numbers and “answered”', () => {
  it.each<[Filter, Filter[], number]>([
    [f('years', 'gte', '5'), [f('years', 'gte', '5')], 0],
    // written canonically: 05 → 5, 7.50 → 7.5
    [f('years', 'in', '05', '7.50'), [f('years', 'in', '5', '7.5')], 0],
    // a range takes one bound: the last one written wins
    [f('years', 'gte', '5', '7'), [f('years', 'gte', '7')], 0],
    [f('years', 'lt', 'ten'), [], 1],
    [f('years', 'in', '5', 'five', ''), [f('years', 'in', '5')], 1],
    [f('years', 'answered', '0'), [f('years', 'answered', '0')], 0],
    [f('years', 'answered', 'yes'), [], 1],
    [f('years', 'answered', '1', '0'), [], 1],
  ])('resolveFilters(%j) → %j with %i note(s)', (filter, expected, notes) => {
    const resolved = resolve(filter);
    expect(resolved.value).toEqual(expected);
    expect(resolved.notes).toHaveLength(notes);
  });

  it('resolveFilters(years=five) names the value that is not a number', () => {
    expect(resolve(f('years', 'in', 'five')).notes).toEqual(['“Years of experience” is answered with numbers: “five” is not a number and was not applied.']);
  });
});

describe('resolveFilters: filters that resolve to the same question and operator are merged', () => {
  it('resolveFilters(ROLE=Data, role=frontend, role=Data) → one role filter, Data then Frontend, each once', () => {
    expect(resolve(f('ROLE', 'in', 'Data'), f('role', 'in', 'frontend', 'Data'))).toEqual({ value: [f('role', 'in', 'Data', 'Frontend')], notes: [] });
  });

  it('resolveFilters(role=backend, role=Backend) → Backend once', () => {
    expect(resolve(f('role', 'in', 'backend', 'Backend')).value).toEqual([f('role', 'in', 'Backend')]);
  });

  it('resolveFilters(role=Backend, role__not=Data) → two filters: "is" and "is not" stay apart', () => {
    expect(resolve(f('role', 'in', 'Backend'), f('role', 'not', 'Data')).value).toEqual([f('role', 'in', 'Backend'), f('role', 'not', 'Data')]);
  });

  it('resolveFilters(YEARS__gte=3, years__gte=5) → one bound, the later one, which selectRespondents applies without a problem', () => {
    const resolved = resolve(f('YEARS', 'gte', '3'), f('years', 'gte', '5')).value;
    expect(resolved).toEqual([f('years', 'gte', '5')]);
    // years ≥ 5: 1 (5), 3 (10), 6 (7.5), 8 (12), 9 (5), 12 (20)
    const { selection, problems } = selectRespondents(survey, resolved);
    expect([problems, idsOf(selection)]).toEqual([[], [1, 3, 6, 8, 9, 12]]);
  });
});

describe('resolveViewState: compare-by and sort', () => {
  it.each<[string, string | undefined, number]>([
    ['role', 'role', 0],
    ['ROLE', 'role', 0],
    ['languages', 'languages', 0],
    ['years', undefined, 1],
    ['trends', undefined, 1],
    ['comment', undefined, 1],
    ['nope', undefined, 1],
  ])('resolveViewState(_by=%s) → by %s with %i note(s)', (by, expected, notes) => {
    const resolved = resolveViewState({ ...STATE, by }, survey);
    expect(resolved.value.by).toBe(expected);
    expect(resolved.notes).toHaveLength(notes);
  });

  it('SEGMENT_KINDS → single, likert and multi only', () => {
    expect([...SEGMENT_KINDS].sort()).toEqual(['likert', 'multi', 'single']);
  });

  it.each<[string, string]>([
    ['years', '“Years of experience” is numeric: compare by a single-choice, rating-scale or multiple-choice question. Showing no comparison.'],
    ['rol', 'There is no question “rol” to compare by; did you mean “role”? Showing no comparison.'],
  ])('resolveViewState(_by=%s) says why: %j', (by, note) => {
    expect(resolveViewState({ ...STATE, by }, survey).notes).toEqual([note]);
  });

  it('resolveViewState(_sort=YEARS, desc) → sort years, still descending', () => {
    expect(resolveViewState({ ...STATE, sort: 'YEARS', desc: true }, survey)).toEqual({ value: { ...STATE, sort: 'years', desc: true }, notes: [] });
  });

  it('resolveViewState(_sort=nope, desc) → no sort, ascending, and a note', () => {
    expect(resolveViewState({ ...STATE, sort: 'nope', desc: true }, survey)).toEqual({
      value: { ...STATE, sort: undefined, desc: false },
      notes: ['There is no question “nope” to sort by. Showing responses in file order.'],
    });
  });

  it('resolveViewState(filters, by and sort all bad) → every note, filters first; the rest of the state untouched', () => {
    const resolved = resolveViewState({ ...STATE, filters: [f('role', 'in', 'Manager')], by: 'years', sort: 'nope', page: 3, base: 'all' }, survey);
    expect(resolved.notes).toHaveLength(3);
    expect(resolved.notes[0]).toContain('no option “Manager”');
    expect(resolved.value).toEqual({ ...STATE, filters: [], by: undefined, sort: undefined, page: 3, base: 'all' });
  });

  it('resolveViewState(a valid state) → the same state, no notes', () => {
    const state: ViewState = { ...STATE, filters: [f('role', 'in', 'Backend'), f('years', 'gte', '5')], by: 'languages', sort: 'years' };
    expect(resolveViewState(state, survey)).toEqual({ value: state, notes: [] });
  });
});
