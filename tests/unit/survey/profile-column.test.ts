import { describe, expect, it } from 'vitest';
import { isNumberText, profileColumn } from '../../../lib/survey/profile-column';
import { createMissingTest } from '../../../lib/survey/missing-values';

const isMissing = createMissingTest();

describe('isNumberText', () => {
  it.each(['0', '42', '-3', '+7', '3.5', '.5', '5.', '1e3', '2.5E-2'])('isNumberText(%j) is true', (value) => {
    expect(isNumberText(value)).toBe(true);
  });

  it.each(['', '1,000', '1-10', '5+', 'e3', '12 years', '0x1F', '$5', ' 3'])('isNumberText(%j) is false', (value) => {
    expect(isNumberText(value)).toBe(false);
  });
});

describe('profileColumn', () => {
  it('profileColumn skips no-answer values and counts the rest in order of first appearance', () => {
    const profile = profileColumn(['Red', '', 'Blue', 'NA', 'Red', 'N/A', 'Red'], isMissing);
    expect(profile.answered).toBe(4); // Red, Blue, Red, Red
    expect([...profile.counts]).toEqual([
      ['Red', 3],
      ['Blue', 1],
    ]);
    expect(profile.truncated).toBe(false);
    expect(profile.totalLength).toBe(3 + 4 + 3 + 3);
  });

  it('profileColumn weights the stats of a repeated answer by its count', () => {
    // '7' three times, '7.5' once, 'a;b' twice: 4 numeric answers, 3 integers, 2 separated, length 3·1 + 3 + 2·3.
    const profile = profileColumn(['7', '7.5', 'a;b', '7', 'a;b', '7'], isMissing);
    expect(profile.numeric).toBe(4);
    expect(profile.integers).toBe(3);
    expect(profile.separated).toBe(2);
    expect(profile.totalLength).toBe(3 + 3 + 6);
  });

  it('profileColumn counts numbers, integers and timestamps', () => {
    const profile = profileColumn(['3', '4.5', '-2', '1e3', '2023-05-01', '01/05/2023 10:02:11 AM', '2024/01/15 9:14:02 AM GMT+1', 'ten'], isMissing);
    expect(profile.numeric).toBe(4); // 3, 4.5, -2, 1e3
    expect(profile.integers).toBe(2); // 3, -2
    expect(profile.timestamps).toBe(3);
    expect(profile.answered).toBe(8);
  });

  it('profileColumn counts cells holding the separator and the tokens of each distinct cell once', () => {
    const profile = profileColumn(['Python;SQL', 'Python', 'Python;SQL', 'Go; Rust ;', ''], isMissing);
    expect(profile.separated).toBe(3); // 'Python;SQL' twice and 'Go; Rust ;'
    // distinct cells 'Python;SQL', 'Python', 'Go; Rust ;' → tokens Python (2), SQL, Go, Rust; blanks dropped, trimmed.
    expect([...profile.tokenCounts]).toEqual([
      ['Python', 2],
      ['SQL', 1],
      ['Go', 1],
      ['Rust', 1],
    ]);
  });

  it('profileColumn(values, isMissing, ",") splits on the given separator', () => {
    const profile = profileColumn(['a, b', 'a;b'], isMissing, ',');
    expect(profile.separated).toBe(1);
    expect([...profile.tokenCounts.keys()]).toEqual(['a', 'b', 'a;b']);
  });

  it('profileColumn stops adding distinct values after 5000, marks the profile truncated and still counts the rest', () => {
    // 5000 distinct words, then 2 more numbers that no longer fit the distinct map.
    const values = [...Array.from({ length: 5000 }, (_, i) => `answer ${i}`), '1', '2'];
    const profile = profileColumn(values, isMissing);
    expect(profile.counts.size).toBe(5000);
    expect(profile.truncated).toBe(true);
    expect(profile.answered).toBe(5002);
    expect(profile.numeric).toBe(2);
  });
});
