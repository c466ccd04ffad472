import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ColumnEncoder, decodeColumn, encodeValues } from '../../../lib/survey/column-encoder';

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
    const encoder = new ColumnEncoder();
    for (let i = 0; i < 70_000; i++) encoder.push(`answer ${i}`);
    const wide = encoder.finish();
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
