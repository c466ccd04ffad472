import { pickAxisTicks } from './pick-axis-ticks';

/** One answer's piece of a row's stacked bar, in percentage points along the axis. */
export interface GridSegment {
  /** Index of the answer in the grid's scale. */
  index: number;
  start: number;
  end: number;
}

export interface GridBarsLayout {
  /** Per row, its segments left to right (answers with no share are left out). */
  segments: GridSegment[][];
  /** The axis: from `min` to `max`; the scale's part ends at `scaleEnd`, the off-scale part starts at `offStart`. */
  min: number;
  scaleEnd: number;
  offStart: number;
  max: number;
  /** Ticks of the scale's part (negative left of a diverging centre: print them without a sign). */
  ticks: number[];
  diverging: boolean;
}

/** Room between the scale's bars and the off-scale ones, as a share of the scale's width. */
const OFF_GAP = 0.08;

/**
 * Where each answer of each row goes. Scale points are stacked in scale order; with a neutral
 * point the stack is centred on it (half the neutral share either side of 0), so agreement runs
 * right and disagreement left, as Robbins and Heiberger's diverging stacked bars do. Answers off
 * the scale (“Don't know”) are stacked apart, after a gap, on the same scale of points. Rows
 * that are withheld (`null` shares) get no segments.
 */
export function layoutGridBars(rows: readonly (readonly (number | null)[])[], offScale: readonly boolean[], neutralIndex?: number): GridBarsLayout {
  const diverging = neutralIndex !== undefined;
  const onScale = offScale.flatMap((off, index) => (off ? [] : [index]));
  const offIndexes = offScale.flatMap((off, index) => (off ? [index] : []));
  const share = (row: readonly (number | null)[], index: number) => Math.max(0, row[index] ?? 0);
  const starts = rows.map((row) => {
    if (!diverging) return 0;
    const neutral = onScale[neutralIndex!];
    const below = onScale.filter((index) => index < neutral).reduce((sum, index) => sum + share(row, index), 0);
    return -(below + share(row, neutral) / 2);
  });
  const stack = (row: readonly (number | null)[], indexes: number[], from: number): GridSegment[] => {
    let at = from;
    return indexes.flatMap((index) => {
      const width = share(row, index);
      const segment = { index, start: at, end: at + width };
      at += width;
      return width > 0 ? [segment] : [];
    });
  };
  const scaled = rows.map((row, r) => (row.every((value) => value === null) ? [] : stack(row, onScale, starts[r])));
  // Each side of a diverging axis reaches as far as its longest bar, in steps shared by both sides.
  const right = Math.max(0, ...scaled.flatMap((segments) => segments.map((segment) => segment.end)));
  const left = Math.max(0, ...scaled.flatMap((segments) => segments.map((segment) => -segment.start)));
  const positive = pickAxisTicks([Math.max(left, right)]);
  const step = positive[1] - positive[0];
  const sideEnd = (reach: number) => Math.min(100, Math.max(step, Math.ceil(reach / step - 1e-9) * step));
  const scaleEnd = diverging ? sideEnd(right) : positive.at(-1)!;
  const min = diverging ? -sideEnd(left) : 0;
  const ticks = Array.from({ length: Math.round((scaleEnd - min) / step) + 1 }, (_, k) => min + k * step);
  const offWidth = Math.max(0, ...rows.map((row) => offIndexes.reduce((sum, index) => sum + share(row, index), 0)));
  const offStart = offWidth > 0 ? scaleEnd + (scaleEnd - min) * OFF_GAP : scaleEnd;
  const segments = scaled.map((segments, r) => (segments.length === 0 ? [] : [...segments, ...stack(rows[r], offIndexes, offStart)]));
  return { segments, min, scaleEnd, offStart, max: offStart + offWidth, ticks, diverging };
}
