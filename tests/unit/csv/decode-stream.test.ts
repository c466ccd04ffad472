import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CsvInputError } from '../../../lib/csv/csv-input-error';
import { decodeCsvStream } from '../../../lib/csv/decode-stream';

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...values: number[]) => Uint8Array.from(values);
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((part) => [...part]));

/** Bytes handed over in pieces of `size` (a file read, an upload), as the stream gets them. */
async function* inPieces(input: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < input.length; at += size) yield input.subarray(at, at + size);
}

/** decodeCsvStream over the bytes in pieces of 7: the whole text and the issues it reported. */
async function decode(input: Uint8Array, name = 'survey.csv', maxBytes = 1024 * 1024) {
  const decoded = decodeCsvStream(inPieces(input, 7), name, maxBytes);
  let text = '';
  for await (const piece of decoded.pieces) text += piece;
  return { text, issues: decoded.issues };
}

/** The CsvInputError the decode throws (fails the test if it does not throw one). */
async function decodeError(input: Uint8Array, name?: string, maxBytes?: number): Promise<CsvInputError> {
  const error = await decode(input, name, maxBytes).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(CsvInputError);
  return error as CsvInputError;
}

describe('decodeCsvStream: text that reads', () => {
  it('decodeCsvStream(plain UTF-8 in pieces of 7 bytes, "é" split across two) gives the text unchanged and no issue', async () => {
    expect(await decode(utf8('a,b\n1,é\n2,café\n'))).toEqual({ text: 'a,b\n1,é\n2,café\n', issues: [] });
  });

  it('decodeCsvStream strips the UTF-8 BOM so the first header is "id", not "\\uFEFFid"', async () => {
    const { text } = await decode(concat(bytes(0xef, 0xbb, 0xbf), utf8('id,name\n1,Ana\n')));
    expect(text).toBe('id,name\n1,Ana\n');
    expect(text.charCodeAt(0)).toBe(0x69); // "i"
  });

  it('decodeCsvStream(gzip bytes) decompresses them, whatever the file is called', async () => {
    expect((await decode(gzipSync(utf8('a,b\n1,2\n')), 'mislabelled.csv')).text).toBe('a,b\n1,2\n');
  });

  it('decodeCsvStream(gzip of BOM + text) decompresses and strips the BOM', async () => {
    expect((await decode(gzipSync(concat(bytes(0xef, 0xbb, 0xbf), utf8('x\n1\n'))))).text).toBe('x\n1\n');
  });

  it('decodeCsvStream keeps a text with one stray Latin-1 byte in 200 characters (under the 1% rule) and warns with its line', async () => {
    // 4 + 194 + 2 = 200 ASCII characters on lines 1–2, then 1 undecodable byte on line 3: 1
    // replacement in 201 characters is 0.5%, under the 1% that would call the file not UTF-8.
    const { text, issues } = await decode(concat(utf8('a,b\n' + 'x,'.repeat(97) + 'y\n'), bytes(0xe9)));
    expect(text.length).toBe(4 + 194 + 2 + 1);
    expect(text.endsWith('\ufffd')).toBe(true);
    expect(issues).toEqual([
      expect.objectContaining({ severity: 'warning', line: 3, message: expect.stringMatching(/^1 byte sequence is not valid UTF-8 \(line 3\)/) }),
    ]);
  });
});

describe('decodeCsvStream: input that is refused', () => {
  it.each([
    ['empty bytes', new Uint8Array(0), /^survey\.csv is empty\.$/],
    ['a gzip of nothing', gzipSync(new Uint8Array(0)), /^survey\.csv is empty\.$/],
    ['only whitespace', utf8(' \r\n\t\n'), /holds no data: only whitespace/],
    ['only a BOM and a line break', concat(bytes(0xef, 0xbb, 0xbf), utf8('\n')), /holds no data/],
  ])('decodeCsvStream(%s, "survey.csv") throws CsvInputError %s', async (_, input, message) => {
    expect((await decodeError(input, 'survey.csv')).message).toMatch(message);
  });

  it('decodeCsvStream(bytes with NUL) says the file contains binary bytes, with no format hint', async () => {
    const error = await decodeError(concat(utf8('a,b\n1,'), bytes(0), utf8('2\n')), 'x.csv');
    expect(error.message).toMatch(/^x\.csv is not a text CSV file: it contains binary \(NUL\) bytes\.$/);
  });

  it('decodeCsvStream(xlsx-like "PK\\x03\\x04" bytes) hints that it is a ZIP or Excel file', async () => {
    const error = await decodeError(concat(utf8('PK'), bytes(3, 4, 20, 0, 6, 0, 8, 0)), 'results.xlsx');
    expect(error.message).toMatch(/binary/);
    expect(error.message).toMatch(/Excel \(\.xlsx\)/);
  });

  it('decodeCsvStream(UTF-16 LE with its BOM) hints at re-saving as UTF-8', async () => {
    // "a,b\n" in UTF-16 LE: every ASCII character is followed by a NUL byte.
    expect((await decodeError(bytes(0xff, 0xfe, 0x61, 0, 0x2c, 0, 0x62, 0, 0x0a, 0))).message).toMatch(/UTF-16/);
  });

  it('decodeCsvStream(Latin-1 text) says it is not UTF-8', async () => {
    // "café;naïve\n" in Latin-1: é = 0xE9 and ï = 0xEF are invalid UTF-8 here:
    // 2 replacement characters in 11 characters is far above 1%.
    const latin1 = bytes(0x63, 0x61, 0x66, 0xe9, 0x3b, 0x6e, 0x61, 0xef, 0x76, 0x65, 0x0a);
    expect((await decodeError(latin1, 'latin1.csv')).message).toMatch(/^latin1\.csv is not UTF-8 text \(2 undecodable characters/);
  });

  it('decodeCsvStream(gzip magic followed by garbage) says it cannot be decompressed and keeps the error as cause', async () => {
    const error = await decodeError(bytes(0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02, 0x03), 'broken.csv.gz');
    expect(error.message).toMatch(/^broken\.csv\.gz looks gzip-compressed but cannot be decompressed/);
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('decodeCsvStream(truncated gzip) says it cannot be decompressed', async () => {
    const whole = gzipSync(utf8('a,b\n' + '1,2\n'.repeat(100)));
    expect((await decodeError(whole.subarray(0, whole.length - 12))).message).toMatch(/truncated or corrupt/);
  });

  it('decodeCsvStream over the cap: 404 bytes of text with a cap of 100 are refused naming the cap', async () => {
    expect((await decodeError(utf8('a,b\n' + '1,2\n'.repeat(100)), 'big.csv', 100)).message).toBe(
      'big.csv is larger than 100 bytes, the most Survey Lens reads.',
    );
  });

  it('decodeCsvStream(a gzip bomb: 1 MB of zeros, 1 KB compressed, cap 64 KB) is refused as decompressing past the cap', async () => {
    const bomb = gzipSync(utf8('0'.repeat(1024 * 1024)));
    expect(bomb.length).toBeLessThan(2048);
    expect((await decodeError(bomb, 'bomb.csv.gz', 64 * 1024)).message).toBe('bomb.csv.gz decompresses to more than 64 KB, the most Survey Lens reads.');
  });

  it('CsvInputError is an Error named "CsvInputError"', async () => {
    const error = await decodeError(new Uint8Array(0));
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('CsvInputError');
  });
});
