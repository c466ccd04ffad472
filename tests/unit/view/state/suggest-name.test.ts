import { describe, expect, it } from 'vitest';
import { listNames, matchLeniently, normaliseName, suggestName } from '../../../../lib/view/state/suggest-name';

describe('normaliseName', () => {
  it.each<[string, string]>([
    ['Backend', 'backend'],
    ['  Full\u00a0 stack\tEngineer ', 'full stack engineer'],
    // NFKC folds full-width letters typed on a Japanese keyboard
    ['ＡＩ', 'ai'],
    ['', ''],
  ])('normaliseName(%j) → %j', (input, expected) => {
    expect(normaliseName(input)).toBe(expected);
  });
});

describe('matchLeniently', () => {
  const options = ['Backend', 'Frontend', 'Data / ML'];

  it.each<[string, string | undefined]>([
    ['backend', 'Backend'],
    [' FRONTEND ', 'Frontend'],
    // runs of spaces fold to one: "data  /  ml" → "data / ml"
    ['data  /  ml', 'Data / ML'],
    ['Backnd', undefined],
    ['', undefined],
  ])('matchLeniently(%j, [Backend, Frontend, Data / ML]) → %j', (input, expected) => {
    expect(matchLeniently(input, options)).toBe(expected);
  });

  it('matchLeniently(a, [A, "a "]) → undefined: two candidates fold to the same name, so neither is picked', () => {
    expect(matchLeniently('a', ['A', 'a '])).toBeUndefined();
  });
});

describe('suggestName', () => {
  const options = ['Backend', 'Frontend', 'Data', 'Rust', 'Ruby'];

  it.each<[string, string | undefined]>([
    // one edit away (limit ⌊6/3⌋ = 2)
    ['Backnd', 'Backend'],
    ['frontedn', 'Frontend'],
    // "rusty" is 1 edit from Rust, 2 from Ruby; the limit ⌊5/3⌋ = 1 keeps only Rust
    ['rusty', 'Rust'],
    // a prefix of three letters or more is a suggestion
    ['Fron', 'Frontend'],
    // two letters: too short for a prefix, and 6 edits from Frontend
    ['Fr', undefined],
    ['Kubernetes', undefined],
    ['', undefined],
    ['   ', undefined],
  ])('suggestName(%j, options) → %j', (input, expected) => {
    expect(suggestName(input, options)).toBe(expected);
  });

  it('suggestName(x, []) → undefined', () => {
    expect(suggestName('x', [])).toBeUndefined();
  });
});

describe('listNames', () => {
  it.each<[string[], number | undefined, string]>([
    [[], undefined, ''],
    [['a'], undefined, '“a”'],
    [['a', 'b', 'c'], undefined, '“a”, “b”, “c”'],
    [['a', 'b', 'c'], 2, '“a”, “b” and 1 more'],
    [Array.from({ length: 10 }, (_, i) => `o${i}`), undefined, '“o0”, “o1”, “o2”, “o3”, “o4”, “o5”, “o6”, “o7” and 2 more'],
  ])('listNames(%j, %s) → %j', (names, max, expected) => {
    expect(listNames(names, max)).toBe(expected);
  });
});
