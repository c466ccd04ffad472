/**
 * One column's cells as UTF-8 bytes end to end, with where each starts: a free-text column
 * (nearly every respondent wrote something of their own) costs its text and four bytes a cell,
 * instead of a string object and a dictionary entry per respondent for the collector to trace.
 * Plain typed arrays, so the same code runs in a browser worker.
 */
export interface PackedCells {
  bytes: Uint8Array;
  /** Cell i is bytes[offsets[i]] up to bytes[offsets[i + 1]]: one more offset than cells. */
  offsets: Uint32Array;
  /** Every byte below 0x80: a cell decodes one byte to one character. */
  ascii: boolean;
}

const utf8 = new TextEncoder();
// A cell may begin with U+FEFF: kept as written, not taken for a byte-order mark.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** Appends cells as they arrive; the arrays double when full. */
export class PackedCellWriter {
  private bytes: Uint8Array;
  private offsets: Uint32Array;
  private used = 0;
  private count = 0;
  private ascii = true;

  constructor(cells = 1024, bytesPerCell = 32) {
    this.bytes = new Uint8Array(Math.max(1024, cells * bytesPerCell));
    this.offsets = new Uint32Array(Math.max(1024, cells + 1));
  }

  get size(): number {
    return this.count;
  }

  push(value: string): void {
    // A UTF-16 unit is at most three UTF-8 bytes.
    if (this.used + value.length * 3 > this.bytes.length) this.growBytes(this.used + value.length * 3);
    const bytes = this.bytes;
    let at = this.used;
    let k = 0;
    for (; k < value.length; k++) {
      const unit = value.charCodeAt(k);
      if (unit >= 0x80) break;
      bytes[at++] = unit;
    }
    if (k < value.length) {
      this.ascii = false;
      at += utf8.encodeInto(value.slice(k), bytes.subarray(at)).written;
    }
    if (at > 0xffffffff) throw new RangeError('a column holds more than 4 GiB of text');
    this.used = at;
    if (this.count + 2 > this.offsets.length) {
      const grown = new Uint32Array(this.offsets.length * 2);
      grown.set(this.offsets);
      this.offsets = grown;
    }
    this.offsets[++this.count] = at;
  }

  /** Another writer's cells after these, bytes copied whole. */
  appendPacked(cells: PackedCells): void {
    const count = packedSize(cells);
    const start = cells.offsets[0];
    const length = cells.offsets[count] - start;
    if (this.used + length > 0xffffffff) throw new RangeError('a column holds more than 4 GiB of text');
    if (this.used + length > this.bytes.length) this.growBytes(this.used + length);
    this.bytes.set(cells.bytes.subarray(start, start + length), this.used);
    if (this.count + count + 1 > this.offsets.length) {
      const grown = new Uint32Array(Math.max(this.offsets.length * 2, this.count + count + 1));
      grown.set(this.offsets);
      this.offsets = grown;
    }
    const shift = this.used - start;
    for (let i = 1; i <= count; i++) this.offsets[this.count + i] = cells.offsets[i] + shift;
    this.count += count;
    this.used += length;
    this.ascii &&= cells.ascii;
  }

  private growBytes(least: number): void {
    const grown = new Uint8Array(Math.max(least, this.bytes.length * 2));
    grown.set(this.bytes.subarray(0, this.used));
    this.bytes = grown;
  }

  /**
   * The cells written: views of the arrays, not copies. A packed column lives only until its
   * question is built, and a copy cut to size would have doubled the column at the ingest's peak.
   */
  finish(): PackedCells {
    return { bytes: this.bytes.subarray(0, this.used), offsets: this.offsets.subarray(0, this.count + 1), ascii: this.ascii };
  }
}

export const packedSize = (cells: PackedCells) => cells.offsets.length - 1;

/** Cell `index` alone, decoded. */
export const packedCellAt = (cells: PackedCells, index: number): string => decoder.decode(cells.bytes.subarray(cells.offsets[index], cells.offsets[index + 1]));

/**
 * Every cell as a string, in order, handed to `visit`. The column's text is decoded in blocks
 * of a few hundred kilobytes (one decoder call each, not one per cell) and cut at the cells'
 * character offsets. A cut kept by the caller keeps its block alive: a block holds only cells,
 * so kept cells cost their text and a small slice each, as strings of their own would.
 */
export function forEachPackedCell(cells: PackedCells, visit: (cell: string, index: number) => void): void {
  const { bytes, offsets } = cells;
  const size = offsets.length - 1;
  const BLOCK = 256 * 1024;
  let first = 0;
  while (first < size) {
    let last = first + 1;
    while (last < size && offsets[last + 1] - offsets[first] <= BLOCK) last++;
    const start = offsets[first];
    const text = decoder.decode(bytes.subarray(start, offsets[last]));
    let char = 0;
    for (let i = first; i < last; i++) {
      const length = cells.ascii ? offsets[i + 1] - offsets[i] : utf16Length(bytes, offsets[i], offsets[i + 1]);
      visit(text.slice(char, char + length), i);
      char += length;
    }
    first = last;
  }
}

/** UTF-16 units of a well-formed UTF-8 range: one per lead byte, two for a four-byte sequence. */
function utf16Length(bytes: Uint8Array, from: number, to: number): number {
  let units = 0;
  for (let k = from; k < to; k++) {
    const byte = bytes[k];
    if ((byte & 0xc0) !== 0x80) units += byte >= 0xf0 ? 2 : 1;
  }
  return units;
}
