import { describe, expect, it } from 'vitest';
import type { BarSize } from '../../../../lib/view/words/choose-bars';
import type { Question } from '../../../../lib/survey/types';
import { orderBars, pickLargestBars } from '../../../../lib/view/words/choose-bars';

const buckets = (counts: number[]): BarSize[] => counts.map((count, i) => ({ value: `o${i}`, label: `o${i}`, count, base: 100, share: count / 100 }));
const question = (kind: Question['kind'], layout?: string) => ({ kind, layout }) as unknown as Question;

describe('orderBars', () => {
  it.each([
    ['single', undefined, [0, 1, 2, 3]],
    ['likert', undefined, [0, 1, 2, 3]],
    ['multi', 'joined', [0, 1, 2, 3]],
    ['multi', 'columns', [2, 0, 3, 1]],
    ['ranking', 'columns', [2, 0, 3, 1]],
  ] as const)('orderBars(%s/%s, counts 30,5,40,10) is %j', (kind, layout, expected) => {
    expect(orderBars(question(kind, layout), buckets([30, 5, 40, 10]))).toEqual(expected);
  });
});

describe('pickLargestBars', () => {
  const ranges = buckets([1, 9, 8, 2, 7, 6, 5, 4, 3, 0, 10, 1]);
  const order = ranges.map((_, i) => i);

  it('pickLargestBars(12 ordered ranges, limit 8) keeps the 8 largest in their own order', () => {
    expect(pickLargestBars(order, ranges, 8)).toEqual([1, 2, 4, 5, 6, 7, 8, 10]);
  });

  it.each([
    [8, 8],
    [9, 9],
    [10, 10],
    [11, 8],
  ])('pickLargestBars(%i options, limit 8) shows %i (never hides just one or two)', (options, shown) => {
    const some = buckets(Array.from({ length: options }, (_, i) => 100 - i));
    expect(
      pickLargestBars(
        some.map((_, i) => i),
        some,
        8,
      ),
    ).toHaveLength(shown);
  });
});
