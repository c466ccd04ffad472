import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CsvInputError, decodeCsvBytes } from '../../../lib/csv/decode-csv-bytes';

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...values: number[]) => Uint8Array.from(values);
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((part) => [...part]));

/** Runs decodeCsvBytes and returns the CsvInputError it throws (fails the test if it does not). */
function decodeError(input: Uint8Array, name?: string): CsvInputError {
  try {
    decodeCsvBytes(input, name);
  } catch (error) {
    expect(error).toBeInstanceOf(CsvInputError);
    return error as CsvInputError;
  }
  throw new Error('decodeCsvBytes did not throw');
}

describe('decodeCsvBytes: text that reads', () => {
  it('decodeCsvBytes(plain UTF-8) returns the text unchanged', () => {
    expect(decodeCsvBytes(utf8('a,b\n1,é\n'))).toBe('a,b\n1,é\n');
  });

  it('decodeCsvBytes strips the UTF-8 BOM so the first header is "id", not "\\uFEFFid"', () => {
    const text = decodeCsvBytes(concat(bytes(0xef, 0xbb, 0xbf), utf8('id,name\n1,Ana\n')));
    expect(text).toBe('id,name\n1,Ana\n');
    expect(text.charCodeAt(0)).toBe(0x69); // "i"
  });

  it('decodeCsvBytes(gzip bytes) decompresses them, whatever the file is called', () => {
    expect(decodeCsvBytes(gzipSync(utf8('a,b\n1,2\n')), 'mislabelled.csv')).toBe('a,b\n1,2\n');
  });

  it('decodeCsvBytes(gzip of BOM + text) decompresses and strips the BOM', () => {
    expect(decodeCsvBytes(gzipSync(concat(bytes(0xef, 0xbb, 0xbf), utf8('x\n1\n'))))).toBe('x\n1\n');
  });

  it('decodeCsvBytes keeps a text with one stray Latin-1 byte in 200 characters (under the 1% rule)', () => {
    // 4 + 194 + 2 = 200 ASCII characters, then 1 undecodable byte: 1 replacement in 201
    // characters is 0.5%, under the 1% that would call the file not UTF-8.
    const input = concat(utf8('a,b\n' + 'x,'.repeat(97) + 'y\n'), bytes(0xe9));
    const text = decodeCsvBytes(input);
    expect(text.length).toBe(4 + 194 + 2 + 1);
    expect(text.endsWith('\ufffd')).toBe(true);
  });
});

describe('decodeCsvBytes: input that is refused', () => {
  it.each([
    ['empty bytes', new Uint8Array(0), /^survey\.csv is empty\.$/],
    ['a gzip of nothing', gzipSync(new Uint8Array(0)), /^survey\.csv is empty\.$/],
    ['only whitespace', utf8(' \r\n\t\n'), /holds no data: only whitespace/],
    ['only a BOM and a line break', concat(bytes(0xef, 0xbb, 0xbf), utf8('\n')), /holds no data/],
  ])('decodeCsvBytes(%s, "survey.csv") throws CsvInputError %s', (_, input, message) => {
    expect(decodeError(input, 'survey.csv').message).toMatch(message);
  });

  it('decodeCsvBytes without a name calls the input "The file"', () => {
    expect(decodeError(new Uint8Array(0)).message).toBe('The file is empty.');
  });

  it('decodeCsvBytes(bytes with NUL) says the file contains binary bytes, with no format hint', () => {
    const error = decodeError(concat(utf8('a,b\n1,'), bytes(0), utf8('2\n')), 'x.csv');
    expect(error.message).toMatch(/binary/);
    expect(error.message).toMatch(/^x\.csv is not a text CSV file/);
    expect(error.message).not.toMatch(/Excel|UTF-16/);
  });

  it('decodeCsvBytes(xlsx-like "PK\\x03\\x04" bytes) hints that it is a ZIP or Excel file', () => {
    const error = decodeError(concat(utf8('PK'), bytes(3, 4, 20, 0, 6, 0, 8, 0)), 'results.xlsx');
    expect(error.message).toMatch(/binary/);
    expect(error.message).toMatch(/Excel \(\.xlsx\)/);
  });

  it('decodeCsvBytes(UTF-16 LE with its BOM) hints at re-saving as UTF-8', () => {
    // "a,b\n" in UTF-16 LE: every ASCII character is followed by a NUL byte.
    const error = decodeError(bytes(0xff, 0xfe, 0x61, 0, 0x2c, 0, 0x62, 0, 0x0a, 0));
    expect(error.message).toMatch(/UTF-16/);
  });

  it('decodeCsvBytes(Latin-1 text) says it is not UTF-8', () => {
    // "café;naïve\n" in Latin-1: é = 0xE9 and ï = 0xEF are invalid UTF-8 here:
    // 2 replacement characters in 11 characters is far above 1%.
    const latin1 = bytes(0x63, 0x61, 0x66, 0xe9, 0x3b, 0x6e, 0x61, 0xef, 0x76, 0x65, 0x0a);
    const error = decodeError(latin1, 'latin1.csv');
    expect(error.message).toMatch(/^latin1\.csv is not UTF-8 text \(2 undecodable characters/);
  });

  it('decodeCsvBytes(gzip magic followed by garbage) says it cannot be decompressed and keeps the zlib error as cause', () => {
    const error = decodeError(bytes(0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02, 0x03), 'broken.csv.gz');
    expect(error.message).toMatch(/^broken\.csv\.gz looks gzip-compressed but cannot be decompressed/);
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('decodeCsvBytes(truncated gzip) says it cannot be decompressed', () => {
    const whole = gzipSync(utf8('a,b\n' + '1,2\n'.repeat(100)));
    expect(decodeError(whole.subarray(0, whole.length - 12)).message).toMatch(/truncated or corrupt/);
  });

  it('CsvInputError is an Error named "CsvInputError"', () => {
    const error = decodeError(new Uint8Array(0));
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('CsvInputError');
  });
});
