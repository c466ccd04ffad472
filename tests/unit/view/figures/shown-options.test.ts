import { describe, expect, it } from 'vitest';
import type { FacetOption } from '../../../../lib/view/figures/build-facets';
import { shortenOptions, SHORT_LIST, sortOptions } from '../../../../lib/view/figures/shown-options';

const option = (value: string, count: number | null, selected = false): FacetOption => ({ value, label: value, count, selected });
const values = (options: FacetOption[]) => options.map((one) => one.value);

describe('sortOptions', () => {
  const options = [option('a', 3), option('b', null), option('c', 12), option('d', 0)];

  it('sortOptions(a 3, b withheld, c 12, d 0; by count, threshold 10) → c, b (“<10” sorts as 5), a, d', () => {
    expect(values(sortOptions(options, true, 10))).toEqual(['c', 'b', 'a', 'd']);
  });

  it('sortOptions(…, in order) → the model’s order, as a new list', () => {
    const sorted = sortOptions(options, false, 10);
    expect(values(sorted)).toEqual(['a', 'b', 'c', 'd']);
    expect(sorted).not.toBe(options);
  });
});

describe('shortenOptions', () => {
  const list = (length: number, selected: number[] = []) => Array.from({ length }, (_, k) => option(`o${k}`, length - k, selected.includes(k)));

  it.each<[number, number]>([
    [SHORT_LIST + 2, SHORT_LIST + 2],
    [SHORT_LIST + 3, SHORT_LIST],
    [179, SHORT_LIST],
  ])('shortenOptions(%i options) → %i shown: hiding one or two would save nothing', (length, shown) => {
    expect(shortenOptions(list(length), false)).toHaveLength(shown);
  });

  it('shortenOptions(20 options, the 16th selected) → the first 10 and the selected one', () => {
    expect(values(shortenOptions(list(20, [15]), false))).toEqual(['o0', 'o1', 'o2', 'o3', 'o4', 'o5', 'o6', 'o7', 'o8', 'o9', 'o15']);
  });

  it('shortenOptions(20 options, show all) → all 20', () => {
    expect(shortenOptions(list(20), true)).toHaveLength(20);
  });
});
