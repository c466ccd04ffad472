import { describe, expect, it } from 'vitest';
import { cleanCell, createMissingTest, DEFAULT_MISSING } from '../../../lib/survey/missing-values';

describe('createMissingTest', () => {
  const isMissing = createMissingTest();

  it.each(['', 'NA', 'N/A', 'n/a', '#N/A', 'NaN'])('createMissingTest()(%j) is true: no answer', (value) => {
    expect(isMissing(value)).toBe(true);
  });

  it.each(['0', 'No', 'None', 'na ', 'NAN', 'Namibia', '-'])('createMissingTest()(%j) is false: an answer', (value) => {
    expect(isMissing(value)).toBe(false);
  });

  it('createMissingTest(["-99", "Skipped"]) adds those values and keeps the defaults', () => {
    const withExtra = createMissingTest(['-99', 'Skipped']);
    expect(['-99', 'Skipped', '', 'NA'].map(withExtra)).toEqual([true, true, true, true]);
    expect(withExtra('-98')).toBe(false);
  });

  it('DEFAULT_MISSING lists exactly the six default no-answer strings', () => {
    expect([...DEFAULT_MISSING].sort()).toEqual(['', '#N/A', 'N/A', 'NA', 'NaN', 'n/a']);
  });
});

describe('cleanCell', () => {
  it.each([
    ['  Python  ', 'Python'],
    ['\tR\r', 'R'],
    ['\u00a0Very\u00a0satisfied\u00a0', 'Very satisfied'],
    ['\u00a0', ''],
    ['\u00a0NA ', 'NA'],
    ['a  b', 'a  b'],
    ['', ''],
  ])('cleanCell(%j) is %j', (raw, clean) => {
    expect(cleanCell(raw)).toBe(clean);
  });

  it('a cell of spaces and NBSP cleans to "" and so counts as no answer', () => {
    expect(createMissingTest()(cleanCell(' \u00a0 '))).toBe(true);
  });
});
