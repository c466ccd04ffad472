import { describe, expect, it } from 'vitest';
import { parseCsvPieces, parseCsvStream, type RecordBatch } from '../../../lib/csv/parse-csv-stream';

function collect(text: string, options: Parameters<typeof parseCsvPieces>[2] = {}) {
  const records: string[][] = [];
  const lines: number[] = [];
  const summary = parseCsvPieces(
    text,
    (batch: RecordBatch) => {
      batch.records.forEach((record, k) => {
        if (!batch.broken.has(k)) records.push(record);
        lines.push(batch.lines[k]);
      });
    },
    options,
  );
  return { records, lines, summary };
}

async function* pieces(parts: string[]): AsyncGenerator<string> {
  for (const part of parts) yield part;
}

describe('parseCsvPieces line breaks', () => {
  it('parseCsvPieces on a file that starts with CRLF and goes on with LF reads one record per line, lines 1–5', () => {
    const { records, lines, summary } = collect('a,b\r\n1,2\r\n3,4\n5,6\n7,8\n');
    expect(records.filter((record) => record.length === 2)).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
      ['7', '8'],
    ]);
    expect(lines.slice(0, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(summary.issues).toEqual([]);
  });

  it('parseCsvPieces on LF first and CRLF later leaves no carriage return in any field', () => {
    const { records } = collect('a,b\n1,2\n3,4\r\n5,6\r\n');
    expect(records.flat().some((field) => field.includes('\r'))).toBe(false);
    expect(records.filter((record) => record.length === 2)).toHaveLength(4);
  });

  it('parseCsvStream joins a CRLF split across two pieces (CR at the end of one, LF at the start of the next)', async () => {
    const records: string[][] = [];
    await parseCsvStream(pieces(['a,b\r\n1,2\r', '\n3,4\r\n']), (batch) => records.push(...batch.records));
    expect(records.filter((record) => record.length === 2)).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });
});

describe('parseCsvPieces quoting', () => {
  it('parseCsvPieces on a tab file whose cell begins with a quote reports a quote error when quoting is on', () => {
    const { summary } = collect('id\tanswer\n1\t"Native" interactive graphics\n2\tggplot2\n');
    expect(summary.quoteErrors).toBeGreaterThan(0);
    expect(summary.quoting).toBe(true);
  });

  it('parseCsvPieces(…, { quoting: false }) keeps quote characters as text and reads every line as one record', () => {
    const { records, summary } = collect('id\tanswer\n1\t"Native" interactive graphics\n2\t"x" y\n', { quoting: false });
    expect(records.filter((record) => record.length === 2)).toEqual([
      ['id', 'answer'],
      ['1', '"Native" interactive graphics'],
      ['2', '"x" y'],
    ]);
    expect(summary.quoteErrors).toBe(0);
    expect(summary.quoting).toBe(false);
  });
});
