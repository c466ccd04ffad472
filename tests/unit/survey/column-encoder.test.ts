import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ColumnEncoder, decodeColumn, dictionaryOf, encodeValues, forEachCleanCell, isPacked, SAMPLE_CELLS } from '../../../lib/survey/column-encoder';

const root = path.resolve(__dirname, '../../..');

describe('ColumnEncoder', () => {
  it('codes each cell by its first appearance and counts respondents per value', () => {
    const column = encodeValues(['Yes', 'No', 'Yes', '', 'Yes']);
    expect(column.values).toEqual(['Yes', 'No', '']);
    expect(Array.from(column.codes)).toEqual([0, 1, 0, 2, 0]);
    expect(column.counts).toEqual([3, 1, 1]);
  });

  it('merges values that clean alike (spaces around, no-break spaces) into one, keeping the codes consistent', () => {
    const column = encodeValues([' Yes', 'Yes ', 'No', '\u00a0No']);
    expect(column.values).toEqual(['Yes', 'No']);
    expect(Array.from(column.codes)).toEqual([0, 0, 1, 1]);
    expect(column.counts).toEqual([2, 2]);
    expect(decodeColumn(column)).toEqual(['Yes', 'Yes', 'No', 'No']);
  });

  it('narrows codes to 16 bits under 65,536 values and keeps 32 bits above', () => {
    expect(encodeValues(['a', 'b']).codes).toBeInstanceOf(Uint16Array);
    const encoder = new ColumnEncoder({ pack: false });
    for (let i = 0; i < 70_000; i++) encoder.push(`answer ${i}`);
    const wide = encoder.finishDictionary();
    expect(wide.codes).toBeInstanceOf(Uint32Array);
    expect(wide.codes[69_999]).toBe(69_999);
    expect(wide.values[69_999]).toBe('answer 69999');
  });

  it('keeps no decoded text alive: 200 values cut from 1 MB texts leave the heap under 40 MB once the texts are dropped (pinned, they would hold 200 MB)', () => {
    // Measured in a child process that can force a collection: a value that pinned its text would hold 200 MB.
    const script = `
      import { ColumnEncoder } from ${JSON.stringify(path.join(root, 'lib/survey/column-encoder.ts'))};
      const encoder = new ColumnEncoder();
      for (let i = 0; i < 200; i++) {
        const text = (i + " ").padEnd(1_000_000, "answer ");
        encoder.push(text.slice(0, 60));
      }
      const column = encoder.finish();
      globalThis.gc(); const after = process.memoryUsage().heapUsed;
      console.log(JSON.stringify({ values: column.values.length, heap: after, first: column.values[0].length }));`;
    const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    const result = JSON.parse(out.trim().split('\n').pop()!);
    expect(result.values).toBe(200);
    expect(result.first).toBe(60);
    expect(result.heap).toBeLessThan(40_000_000);
  });
});

describe('ColumnEncoder on answers that hardly repeat', () => {
  const unique = (n: number) => Array.from({ length: n }, (_, i) => (i % 10 === 9 ? '' : ` answer ${i} in my own words `));

  it('packs a column once its distinct values pass half the rows, and keeps every cell as read', () => {
    const encoder = new ColumnEncoder();
    const cells = unique(10_000);
    for (const cell of cells) encoder.push(cell);
    const column = encoder.finish();
    expect(isPacked(column)).toBe(true);
    if (!isPacked(column)) return;
    const back: string[] = [];
    forEachCleanCell(column, (cell, i) => (back[i] = cell));
    expect(back).toEqual(cells.map((cell) => cell.trim()));
  });

  it('samples 4,096 cells of a packed column, uniformly: a tenth blank in the column is about a tenth in the sample', () => {
    const encoder = new ColumnEncoder();
    for (const cell of unique(50_000)) encoder.push(cell);
    const column = encoder.finish();
    if (!isPacked(column)) throw new Error('expected a packed column');
    expect(column.sample.codes.length).toBe(SAMPLE_CELLS);
    const blanks = column.sample.counts[column.sample.values.indexOf('')];
    // Binomial(4096, 0.1): mean 410, sd 19; ±5 sd.
    expect(blanks).toBeGreaterThan(410 - 95);
    expect(blanks).toBeLessThan(410 + 95);
    // Sampled from the whole file, not its first rows.
    expect(column.sample.values.some((value) => Number(value.split(' ')[1]) > 40_000)).toBe(true);
  });

  it('gives the same sample for the same cells (seeded), so a file always gets the same schema', () => {
    const sampleOfRun = () => {
      const encoder = new ColumnEncoder();
      for (const cell of unique(20_000)) encoder.push(cell);
      const column = encoder.finish();
      return isPacked(column) ? column.sample.values : [];
    };
    expect(sampleOfRun()).toEqual(sampleOfRun());
  });

  it('keeps a repeating column a dictionary however many rows it has', () => {
    const encoder = new ColumnEncoder();
    for (let i = 0; i < 50_000; i++) encoder.push(['Yes', 'No', 'Maybe'][i % 3]);
    const column = encoder.finish();
    expect(isPacked(column)).toBe(false);
  });

  it('dictionaryOf(packed column) → the dictionary the encoder would have built without packing', () => {
    const cells = Array.from({ length: 12_000 }, (_, i) => (i % 2 === 0 ? `value ${i}` : `value ${i - 1}`));
    const packing = new ColumnEncoder();
    const plain = new ColumnEncoder({ pack: false });
    for (const cell of [...cells, ...Array.from({ length: 8192 }, (_, i) => `late ${i}`)]) {
      packing.push(cell);
      plain.push(cell);
    }
    const packed = packing.finish();
    expect(isPacked(packed)).toBe(true);
    const expected = plain.finishDictionary();
    const rebuilt = dictionaryOf(packed);
    expect(rebuilt.values).toEqual(expected.values);
    expect(Array.from(rebuilt.codes)).toEqual(Array.from(expected.codes));
    expect(rebuilt.counts).toEqual(expected.counts);
  });
});

describe('ColumnEncoder.append (a later part of the file, read by another thread)', () => {
  /** Deterministic cells: `distinct(i)` picks row i's answer, so a column's cardinality is chosen. */
  const cells = (rows: number, distinct: (i: number) => string) => Array.from({ length: rows }, (_, i) => distinct(i));
  const encodeWhole = (values: string[]) => {
    const encoder = new ColumnEncoder();
    for (const value of values) encoder.push(value);
    return encoder.finish();
  };
  const encodeInTwo = (values: string[], at: number) => {
    const first = new ColumnEncoder();
    const second = new ColumnEncoder();
    values.forEach((value, i) => (i < at ? first : second).push(value));
    // The part crosses threads by structured clone: its typed arrays are copied here as they would be transferred.
    first.append(structuredClone(second.part()));
    return first.finish();
  };
  const answers = ['Yes', ' Yes', 'No', '', 'Maybe\u00a0', 'Ça va', 'N/A'];
  const columns: [string, (i: number) => string][] = [
    ['a few answers, some that clean alike', (i) => answers[(i * 7) % answers.length]],
    ['free text from the start (packed in both parts)', (i) => `comment ${i} — ${'é'.repeat(i % 3)}`],
    ['answers repeating in the first part, free text in the second', (i) => (i < 9_000 ? answers[i % 3] : `note ${i}`)],
    ['free text in the first part only', (i) => (i < 9_000 ? `note ${i}` : answers[i % 3])],
    ['a column that turns free text only after the cut', (i) => (i < 13_000 ? answers[i % 4] : `late ${i}`)],
  ];
  for (const [what, distinct] of columns) {
    for (const at of [1, 4_096, 6_001, 12_000, 19_999]) {
      it(`${what}, cut at row ${at}: the same column as one read (dictionary or packed cells, the same sample)`, () => {
        const values = cells(20_000, distinct);
        expect(encodeInTwo(values, at)).toEqual(encodeWhole(values));
      });
    }
  }
  it('a packed column appended to a packed column keeps every cell, in order', () => {
    const values = cells(10_000, (i) => `row ${i} «${i % 13}»`);
    const column = encodeInTwo(values, 5_000);
    expect(isPacked(column)).toBe(true);
    const read: string[] = [];
    forEachCleanCell(column as never, (cell) => read.push(cell));
    expect(read).toEqual(values);
  });
});
