import { cleanCell } from './missing-values';

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

const INITIAL_CAPACITY = 1024;

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

/** Builds one column's dictionary as records arrive: one map lookup and one array write per cell. */
export class ColumnEncoder {
  private readonly index = new Map<string, number>();
  private readonly raw: string[] = [];
  // 32-bit while reading (one array type, so the hot loop stays monomorphic); narrowed at the end.
  private codes = new Uint32Array(INITIAL_CAPACITY);
  private size = 0;

  push(value: string): void {
    let code = this.index.get(value);
    if (code === undefined) {
      code = this.raw.length;
      const copy = ownCopy(value);
      this.raw.push(copy);
      this.index.set(copy, code);
    }
    if (this.size === this.codes.length) {
      const grown = new Uint32Array(this.codes.length * 2);
      grown.set(this.codes);
      this.codes = grown;
    }
    this.codes[this.size++] = code;
  }

  /** The finished column: raw values cleaned once each, values that clean alike merged, codes cut to size and narrowed. */
  finish(): EncodedColumn {
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

/** A column's cells as strings again (references into its dictionary: no new strings). */
export function decodeColumn(column: EncodedColumn): string[] {
  const out = new Array<string>(column.codes.length);
  for (let i = 0; i < out.length; i++) out[i] = column.values[column.codes[i]];
  return out;
}

/** Strings already in memory (tests, small inputs) as an encoded column. */
export function encodeValues(values: readonly string[]): EncodedColumn {
  const encoder = new ColumnEncoder();
  for (const value of values) encoder.push(value);
  return encoder.finish();
}

/** Respondents per answered value of a column (no answer left out). */
export function answeredCells(column: EncodedColumn, isMissing: (value: string) => boolean): Map<string, number> {
  const cells = new Map<string, number>();
  column.values.forEach((value, code) => {
    if (column.counts[code] > 0 && !isMissing(value)) cells.set(value, (cells.get(value) ?? 0) + column.counts[code]);
  });
  return cells;
}
