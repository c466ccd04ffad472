import { cleanCell } from './missing-values';
import { forEachPackedCell, PackedCellWriter, packedCellAt, packedSize, type PackedCells } from './packed-cells';

/**
 * One CSV column, dictionary-encoded: its distinct cleaned values and, per respondent, the index
 * of their value. Survey answers repeat (a few hundred distinct values in 100,000 cells), so a
 * column costs a small array of codes, and every later step looks at each distinct value once.
 */
export interface EncodedColumn {
  /** Distinct values, cleaned (trimmed, NBSP made plain), in order of first appearance. */
  values: string[];
  /** Per respondent, the index into `values`. */
  codes: Uint16Array | Uint32Array;
  /** Respondents per value. */
  counts: number[];
}

/**
 * A column whose answers hardly repeat (free text, identifiers, time stamps): a dictionary would
 * hold an entry per respondent, so its cells are kept as they were read, packed as UTF-8, and
 * what is inferred about it is inferred from a sample of its cells.
 */
export interface PackedColumn {
  /** Every respondent's cell as read (not yet cleaned). */
  packed: PackedCells;
  /** A uniform sample of the cells (a reservoir, in file order), dictionary-encoded: a survey of `sample.codes.length` respondents. */
  sample: EncodedColumn;
}

/** What the ingest gives for one column: a dictionary, or packed cells once its answers stopped repeating. */
export type IngestedColumn = EncodedColumn | PackedColumn;

export const isPacked = (column: IngestedColumn): column is PackedColumn => 'packed' in column;

/**
 * One column of a later part of a file, read by another thread, as its encoder left it: the raw
 * (uncleaned) values in order of first appearance with a code per row, or its cells packed. Plain
 * strings and typed arrays, so it crosses to the thread that reads the first part cheaply.
 */
export type ColumnPart = { raw: string[]; codes: Uint16Array | Uint32Array } | { packed: PackedCells };

const INITIAL_CAPACITY = 1024;
/** Rows between checks of a column's distinct values against the rows seen. */
const CHECK_EVERY = 4096;
/** A column whose distinct values pass this share of its rows stops being a dictionary. */
const PACK_RATIO = 0.5;
/** Cells sampled from a packed column for inference. */
export const SAMPLE_CELLS = 4096;
/**
 * Papaparse's fields are slices of the text it was given, and a slice keeps the whole text
 * alive. A value kept in a dictionary is rebuilt as a string of its own, so no decoded text
 * outlives the parse: joining it to one character and cutting that off again makes the engine
 * copy it into a new flat string (a slice then pins only that copy). A JSON round trip did the
 * same at seven times the cost; both are plain string operations, the same in Node and browsers.
 */
function ownCopy(value: string): string {
  return value.length < 13 ? value : (' ' + value).slice(1);
}

/**
 * A reservoir (Vitter's algorithm R) of a column's cells: every cell seen so far has the same
 * chance of being in it. Seeded, so the same file always gives the same sample and schema.
 */
class CellReservoir {
  readonly cells: string[] = [];
  readonly rows: number[] = [];
  private state = 0x2545f491;

  offer(value: string, row: number): void {
    if (this.cells.length < SAMPLE_CELLS) {
      this.cells.push(ownCopy(value));
      this.rows.push(row);
      return;
    }
    const slot = this.slotFor(row);
    if (slot < SAMPLE_CELLS) {
      this.cells[slot] = ownCopy(value);
      this.rows[slot] = row;
    }
  }

  /** Where a row past the first SAMPLE_CELLS lands: a slot below SAMPLE_CELLS replaces that cell, any other keeps none. */
  private slotFor(row: number): number {
    // xorshift32: fast, and the same sequence everywhere.
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state % (row + 1);
  }

  /**
   * Rows `first` to `first + count - 1` offered in order, each cell read only if it is kept: the
   * same sample as offering every cell, without decoding the cells that are passed over.
   */
  offerRows(first: number, count: number, cellAt: (k: number) => string): void {
    for (let k = 0; k < count; k++) {
      if (this.cells.length < SAMPLE_CELLS) {
        this.offer(cellAt(k), first + k);
        continue;
      }
      const slot = this.slotFor(first + k);
      if (slot < SAMPLE_CELLS) {
        this.cells[slot] = cellAt(k);
        this.rows[slot] = first + k;
      }
    }
  }

  /** The sampled cells in file order, dictionary-encoded. */
  finish(): EncodedColumn {
    const order = this.rows.map((_, k) => k).sort((a, b) => this.rows[a] - this.rows[b]);
    const encoder = new ColumnEncoder({ pack: false });
    for (const k of order) encoder.push(this.cells[k]);
    return encoder.finishDictionary();
  }
}

/**
 * Builds one column as records arrive: a dictionary (one map lookup and one array write per
 * cell) while answers repeat. Every CHECK_EVERY rows the distinct values are counted against
 * the rows; past PACK_RATIO the column packs its cells as UTF-8 instead and keeps a reservoir
 * sample, so a free-text column costs its bytes, not a map entry and a string per respondent.
 */
export class ColumnEncoder {
  private readonly index = new Map<string, number>();
  private raw: string[] = [];
  // 32-bit while reading (one array type, so the hot loop stays monomorphic); narrowed at the end.
  private codes = new Uint32Array(INITIAL_CAPACITY);
  private size = 0;
  private packed?: { writer: PackedCellWriter; reservoir: CellReservoir };
  private readonly pack: boolean;

  constructor(options: { pack?: boolean } = {}) {
    this.pack = options.pack ?? true;
  }

  push(value: string): void {
    if (this.packed) return this.pushPacked(value);
    let code = this.index.get(value);
    if (code === undefined) code = this.learn(ownCopy(value));
    this.store(code);
  }

  private pushPacked(value: string): void {
    this.packed!.writer.push(value);
    this.packed!.reservoir.offer(value, this.size++);
  }

  /** A value not seen before gets the next code. */
  private learn(value: string): number {
    const code = this.raw.length;
    this.raw.push(value);
    this.index.set(value, code);
    return code;
  }

  private store(code: number): void {
    if (this.size === this.codes.length) {
      const grown = new Uint32Array(this.codes.length * 2);
      grown.set(this.codes);
      this.codes = grown;
    }
    this.codes[this.size++] = code;
    if (this.pack && this.size % CHECK_EVERY === 0 && this.raw.length > PACK_RATIO * this.size) this.switchToPacked();
  }

  /**
   * The same column's rows from a later part of the file (read by another thread), appended as if
   * each cell had been pushed here in turn: the same codes, the same switch to packed cells at the
   * same row, the same sample. A repeated value costs a typed-array read, not a string lookup.
   */
  append(part: ColumnPart): void {
    if ('packed' in part) return this.appendPacked(part.packed);
    const { raw, codes } = part;
    const remap = new Int32Array(raw.length).fill(-1);
    for (let i = 0; i < codes.length; i++) {
      const k = codes[i];
      if (this.packed) {
        this.pushPacked(raw[k]);
        continue;
      }
      let code = remap[k];
      if (code < 0) code = remap[k] = this.index.get(raw[k]) ?? this.learn(raw[k]);
      this.store(code);
    }
  }

  private appendPacked(cells: PackedCells): void {
    // Still a dictionary here: each cell as if pushed (this column may switch to packed cells on the way).
    if (!this.packed) return forEachPackedCell(cells, (cell) => this.push(cell));
    // Already packed here: the bytes are copied whole, and the sample reads only the cells it keeps.
    const count = packedSize(cells);
    this.packed.writer.appendPacked(cells);
    this.packed.reservoir.offerRows(this.size, count, (at) => packedCellAt(cells, at));
    this.size += count;
  }

  /**
   * What a later part's encoder hands over (see `append`): its raw dictionary and codes, or its
   * packed cells, copied to their size (16-bit codes where they fit). The copies are what cross
   * to the other thread; this thread's arrays, up to twice as long, end with it. At 1M rows the
   * uncut arrays held 390 MB more at the reading thread's peak.
   */
  part(): ColumnPart {
    if (this.packed) {
      const { bytes, offsets, ascii } = this.packed.writer.finish();
      return { packed: { bytes: bytes.slice(), offsets: offsets.slice(), ascii } };
    }
    const used = this.codes.subarray(0, this.size);
    return { raw: this.raw, codes: this.raw.length <= 0x10000 ? Uint16Array.from(used) : used.slice() };
  }

  /** The rows read so far go into the packed cells and the reservoir, and the dictionary is dropped. */
  private switchToPacked(): void {
    const writer = new PackedCellWriter(this.size * 2, Math.ceil(this.raw.reduce((sum, value) => sum + value.length, 0) / this.raw.length) + 1);
    const reservoir = new CellReservoir();
    for (let i = 0; i < this.size; i++) {
      const value = this.raw[this.codes[i]];
      writer.push(value);
      reservoir.offer(value, i);
    }
    this.packed = { writer, reservoir };
    this.index.clear();
    this.raw = [];
    this.codes = new Uint32Array(0);
  }

  /** The finished column: its packed cells and their sample, or its dictionary (raw values cleaned once each, values that clean alike merged, codes cut to size and narrowed). */
  finish(): IngestedColumn {
    return this.packed ? { packed: this.packed.writer.finish(), sample: this.packed.reservoir.finish() } : this.finishDictionary();
  }

  /** The dictionary of an encoder made with `pack: false` (a packed one has none). */
  finishDictionary(): EncodedColumn {
    if (this.packed) throw new Error('a packed column has no dictionary');
    const values: string[] = [];
    const merged = new Map<string, number>();
    const remap = new Uint32Array(this.raw.length);
    this.raw.forEach((raw, code) => {
      const clean = cleanCell(raw);
      let target = merged.get(clean);
      if (target === undefined) {
        target = values.length;
        values.push(clean);
        merged.set(clean, target);
      }
      remap[code] = target;
    });
    const identity = values.length === this.raw.length;
    const codes = values.length > 0xffff ? new Uint32Array(this.size) : new Uint16Array(this.size);
    const counts = new Uint32Array(values.length);
    for (let i = 0; i < this.size; i++) {
      const code = identity ? this.codes[i] : remap[this.codes[i]];
      codes[i] = code;
      counts[code]++;
    }
    this.index.clear();
    this.codes = new Uint32Array(0);
    return { values, codes, counts: Array.from(counts) };
  }
}

/** Every respondent's cell of a packed column, cleaned, handed to `visit` in order. */
export function forEachCleanCell(column: PackedColumn, visit: (cell: string, index: number) => void): void {
  forEachPackedCell(column.packed, (cell, index) => visit(cleanCell(cell), index));
}

/** A column as a dictionary: a packed one is encoded after all (what needs every distinct answer: choices, lists, groups). */
export function dictionaryOf(column: IngestedColumn): EncodedColumn {
  if (!isPacked(column)) return column;
  const encoder = new ColumnEncoder({ pack: false });
  forEachPackedCell(column.packed, (cell) => encoder.push(cell));
  return encoder.finishDictionary();
}

/** What inference reads of a column: the column, or the sample of a packed one. */
export const sampleOf = (column: IngestedColumn): EncodedColumn => (isPacked(column) ? column.sample : column);

/** Per respondent, 1 when the cell holds an answer. */
export function answeredFlags(column: IngestedColumn, isMissing: (value: string) => boolean): Uint8Array {
  if (isPacked(column)) {
    const flags = new Uint8Array(column.packed.offsets.length - 1);
    forEachCleanCell(column, (cell, i) => (flags[i] = isMissing(cell) ? 0 : 1));
    return flags;
  }
  const filled = column.values.map((value) => (isMissing(value) ? 0 : 1));
  return Uint8Array.from(column.codes, (code) => filled[code]);
}

/** A column's cells as strings again (references into its dictionary: no new strings). */
export function decodeColumn(column: EncodedColumn): string[] {
  const out = new Array<string>(column.codes.length);
  for (let i = 0; i < out.length; i++) out[i] = column.values[column.codes[i]];
  return out;
}

/** Strings already in memory (tests, small inputs) as an encoded column. */
export function encodeValues(values: readonly string[]): EncodedColumn {
  const encoder = new ColumnEncoder({ pack: false });
  for (const value of values) encoder.push(value);
  return encoder.finishDictionary();
}

/** Respondents per answered value of a column (no answer left out). */
export function answeredCells(column: EncodedColumn, isMissing: (value: string) => boolean): Map<string, number> {
  const cells = new Map<string, number>();
  column.values.forEach((value, code) => {
    if (column.counts[code] > 0 && !isMissing(value)) cells.set(value, (cells.get(value) ?? 0) + column.counts[code]);
  });
  return cells;
}
