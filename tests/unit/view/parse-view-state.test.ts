import { describe, expect, it } from 'vitest';
import { parsePageParam, parseSortParams, parseWaveParam } from '../../../lib/view/parse-view-state';

const WAVES = ['2020', '2021', '2022'];
const QUESTIONS = ['role', 'salary_usd'];

describe('parseWaveParam', () => {
  it.each([
    [{}, '2022', 0],
    [{ _wave: '2021' }, '2021', 0],
    [{ _wave: ['2020', '2021'] }, '2020', 0],
    [{ _wave: '1999' }, '2022', 1],
    [{ _wave: '' }, '2022', 1],
  ])('parseWaveParam(%j, 2020–2022) picks %s with %i note(s)', (params, wave, notes) => {
    const parsed = parseWaveParam(params, WAVES);
    expect(parsed.value).toBe(wave);
    expect(parsed.notes).toHaveLength(notes);
  });

  it('parseWaveParam({ _wave: "1999" }) says which wave it shows instead', () => {
    expect(parseWaveParam({ _wave: '1999' }, WAVES).notes[0]).toContain('showing the latest wave, 2022');
  });
});

describe('parsePageParam', () => {
  it.each([
    [{}, 1, 0],
    [{ _page: '2' }, 2, 0],
    [{ _page: '0' }, 1, 1],
    [{ _page: '-3' }, 1, 1],
    [{ _page: '2.5' }, 1, 1],
    [{ _page: 'abc' }, 1, 1],
    [{ _page: '99999999999' }, 1, 1],
  ])('parsePageParam(%j) is page %i with %i note(s)', (params, page, notes) => {
    const parsed = parsePageParam(params);
    expect(parsed.value).toBe(page);
    expect(parsed.notes).toHaveLength(notes);
  });
});

describe('parseSortParams', () => {
  it.each([
    [{}, undefined, false, 0],
    [{ _sort: 'role' }, 'role', false, 0],
    [{ _sort: 'role', _desc: '1' }, 'role', true, 0],
    [{ _sort: 'role', _desc: 'true' }, 'role', true, 0],
    [{ _sort: 'role', _desc: '0' }, 'role', false, 0],
    [{ _sort: 'role', _desc: 'yes' }, 'role', false, 1],
    [{ _sort: 'nope', _desc: '1' }, undefined, false, 1],
    [{ _desc: '1' }, undefined, false, 0],
  ])('parseSortParams(%j) sorts by %s, desc %s, with %i note(s)', (params, sort, desc, notes) => {
    const parsed = parseSortParams(params, QUESTIONS);
    expect(parsed.value).toEqual({ sort, desc });
    expect(parsed.notes).toHaveLength(notes);
  });
});
