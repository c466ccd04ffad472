import { describe, expect, it } from 'vitest';
import { isSelected, selectAll, selectionCount } from '../../../lib/analysis/selection';
import { createBitset, setBit } from '../../../lib/survey/bitset';

describe('selectAll', () => {
  it.each([
    [0, 0],
    [5, 1],
    [32, 1],
    [40, 2],
  ])('selectAll(%i) selects every respondent in %i words', (size, words) => {
    const selection = selectAll(size);
    expect(selection.size).toBe(size);
    expect(selection.bits.length).toBe(words);
    expect(selectionCount(selection)).toBe(size);
  });

  it('selectAll(40) selects respondents 0..39 and nothing past them', () => {
    const selection = selectAll(40);
    expect([0, 31, 32, 39].every((i) => isSelected(selection, i))).toBe(true);
    expect(isSelected(selection, 40)).toBe(false);
    expect(isSelected(selection, 63)).toBe(false);
  });
});

describe('selectionCount and isSelected', () => {
  it('count and membership of a hand-made selection {2, 31, 33}', () => {
    const bits = createBitset(40);
    for (const i of [2, 31, 33]) setBit(bits, i);
    const selection = { size: 40, bits };
    expect(selectionCount(selection)).toBe(3);
    expect([1, 2, 31, 32, 33].map((i) => isSelected(selection, i))).toEqual([false, true, true, false, true]);
  });
});
