import { describe, expect, it } from 'vitest';
import { layoutGridBars } from '../../../../lib/view/words/layout-grid-bars';

const at = (segments: { index: number; start: number; end: number }[]) => segments.map((segment) => [segment.index, segment.start, segment.end]);

describe('layoutGridBars', () => {
  it('layoutGridBars(no neutral) → each row stacked from 0 in scale order, zero shares left out, axis 0–100 in steps of 20', () => {
    const layout = layoutGridBars(
      [
        [20, 30, 50],
        [0, 60, 40],
      ],
      [false, false, false],
    );
    expect(at(layout.segments[0])).toEqual([
      [0, 0, 20],
      [1, 20, 50],
      [2, 50, 100],
    ]);
    expect(at(layout.segments[1])).toEqual([
      [1, 0, 60],
      [2, 60, 100],
    ]);
    expect([layout.min, layout.scaleEnd, layout.offStart, layout.max, layout.diverging]).toEqual([0, 100, 100, 100, false]);
    expect(layout.ticks).toEqual([0, 20, 40, 60, 80, 100]);
  });

  it('layoutGridBars(neutral 3rd of 5) → centred: the row starts at −(below + half the neutral share)', () => {
    // Below: 10 + 20 = 30, neutral 20 → starts at −40; then 10, 20, 20 (centred on 0), 30, 20.
    const layout = layoutGridBars([[10, 20, 20, 30, 20]], [false, false, false, false, false], 2);
    expect(at(layout.segments[0])).toEqual([
      [0, -40, -30],
      [1, -30, -10],
      [2, -10, 10],
      [3, 10, 40],
      [4, 40, 60],
    ]);
    // Reach 40 left, 60 right → steps of 20 (the longer side's), each side only as long as its bars need.
    expect([layout.min, layout.scaleEnd, layout.diverging]).toEqual([-40, 60, true]);
    expect(layout.ticks).toEqual([-40, -20, 0, 20, 40, 60]);
  });

  it('layoutGridBars(with an off-scale answer) → stacked apart after a gap of 8% of the scale’s width, the axis as long as the largest', () => {
    // Scale part 0–100 (rows reach 95 and 70), gap 8 → off-scale from 108; largest off share 30.
    const layout = layoutGridBars(
      [
        [45, 50, 5],
        [30, 40, 30],
      ],
      [false, false, true],
    );
    expect(at(layout.segments[0])).toEqual([
      [0, 0, 45],
      [1, 45, 95],
      [2, 108, 113],
    ]);
    expect(at(layout.segments[1])).toEqual([
      [0, 0, 30],
      [1, 30, 70],
      [2, 108, 138],
    ]);
    expect([layout.scaleEnd, layout.offStart, layout.max]).toEqual([100, 108, 138]);
  });

  it('layoutGridBars(a withheld row) → no segments for it; the others are laid out as usual', () => {
    const layout = layoutGridBars(
      [
        [null, null],
        [50, 50],
      ],
      [false, false],
    );
    expect(layout.segments[0]).toEqual([]);
    expect(at(layout.segments[1])).toEqual([
      [0, 0, 50],
      [1, 50, 100],
    ]);
  });
});
