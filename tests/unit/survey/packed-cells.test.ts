import { describe, expect, it } from 'vitest';
import { forEachPackedCell, PackedCellWriter, packedSize } from '../../../lib/survey/packed-cells';

function roundTrip(cells: string[]): string[] {
  const writer = new PackedCellWriter(2, 1);
  for (const cell of cells) writer.push(cell);
  const packed = writer.finish();
  expect(packedSize(packed)).toBe(cells.length);
  const out: string[] = [];
  forEachPackedCell(packed, (cell, index) => (out[index] = cell));
  return out;
}

describe('PackedCellWriter and forEachPackedCell', () => {
  it.each([
    ['plain ASCII, blanks among them', ['Yes', '', 'a longer answer, with a comma', '']],
    ['accents, CJK and an emoji (two UTF-16 units)', ['café', '日本語の回答', 'ok 👍 fine', 'naïve']],
    ['a cell starting with U+FEFF (kept, not taken for a byte-order mark)', ['\ufeffstarts with a BOM', 'next']],
    ['a line break inside a cell', ['first line\nsecond line', 'x']],
  ])('push then read back %s → the same strings in the same order', (_, cells) => {
    expect(roundTrip(cells)).toEqual(cells);
  });

  it('reads back 20,000 cells across decoding blocks, non-ASCII ones included, each at its own index', () => {
    const cells = Array.from({ length: 20_000 }, (_, i) => (i % 7 === 0 ? `réponse ${i} ✓` : `answer number ${i} `.repeat(1 + (i % 3))));
    expect(roundTrip(cells)).toEqual(cells);
  });

  it('marks a column ASCII only while every byte is below 0x80', () => {
    const writer = new PackedCellWriter();
    writer.push('plain');
    expect(writer.finish().ascii).toBe(true);
    writer.push('é');
    expect(writer.finish().ascii).toBe(false);
  });
});
