import { describe, expect, it } from 'vitest';
import { pickScaleColors } from '../../../../lib/view/words/pick-scale-colors';

const points = (count: number, offScale = 0) => [
  ...Array.from({ length: count }, () => ({ offScale: false })),
  ...Array.from({ length: offScale }, () => ({ offScale: true })),
];
const fills = (colors: { fill: string }[]) => colors.map((color) => color.fill.replace(/^var\(--(.*)\)$/, '$1'));

describe('pickScaleColors', () => {
  it.each<[string, number, number | undefined, string[]]>([
    ['5 points, neutral 3rd (agree scale)', 5, 2, ['div-neg-4', 'div-neg-2', 'div-mid', 'div-pos-2', 'div-pos-4']],
    ['7 points, neutral 4th', 7, 3, ['div-neg-5', 'div-neg-3', 'div-neg-1', 'div-mid', 'div-pos-1', 'div-pos-3', 'div-pos-5']],
    ['3 points, neutral 2nd', 3, 1, ['div-neg-3', 'div-mid', 'div-pos-3']],
    [
      '11 points (0–10), neutral 6th',
      11,
      5,
      ['div-neg-5', 'div-neg-4', 'div-neg-3', 'div-neg-2', 'div-neg-1', 'div-mid', 'div-pos-1', 'div-pos-2', 'div-pos-3', 'div-pos-4', 'div-pos-5'],
    ],
  ])('pickScaleColors(%s) → a grey centre, shades deepening with distance on each side', (_, count, neutral, expected) => {
    expect(fills(pickScaleColors(points(count), true, neutral))).toEqual(expected);
  });

  it.each<[number, string[]]>([
    // 1 + 10·k/4, rounded half up: 1, 3.5 → 4, 6, 8.5 → 9, 11.
    [5, ['seq-1', 'seq-4', 'seq-6', 'seq-9', 'seq-11']],
    [3, ['seq-1', 'seq-6', 'seq-11']],
    [11, ['seq-1', 'seq-2', 'seq-3', 'seq-4', 'seq-5', 'seq-6', 'seq-7', 'seq-8', 'seq-9', 'seq-10', 'seq-11']],
  ])('pickScaleColors(%i ordered points, no neutral) → one ramp, ends at both extremes', (count, expected) => {
    expect(fills(pickScaleColors(points(count), true))).toEqual(expected);
  });

  it('pickScaleColors(unordered) → the series palette in order; off-scale answers → greys, alternating', () => {
    expect(fills(pickScaleColors(points(3, 3), false))).toEqual(['series-1', 'series-2', 'series-3', 'scale-off-1', 'scale-off-2', 'scale-off-1']);
  });

  it('pickScaleColors(ordered with an off-scale answer last) → the neutral index counts scale points only', () => {
    expect(fills(pickScaleColors(points(5, 1), true, 2))).toEqual(['div-neg-4', 'div-neg-2', 'div-mid', 'div-pos-2', 'div-pos-4', 'scale-off-1']);
  });

  it('pickScaleColors → every colour has the ink token beside it', () => {
    for (const color of pickScaleColors(points(5, 1), true, 2)) expect(color.ink).toBe(color.fill.replace(/\)$/, '-ink)'));
  });
});
