import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CsvInputError } from '../../../lib/csv/decode-csv-bytes';
import { readCsvFile, readCsvStream } from '../../../lib/csv/read-csv-file';

const TEXT = 'id,answer\n1,yes\n2,no\n'; // 21 bytes
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'read-csv-file-'));
  writeFileSync(path.join(dir, 'plain.csv'), TEXT);
  writeFileSync(path.join(dir, 'packed.csv.gz'), gzipSync(Buffer.from(TEXT)));
  mkdirSync(path.join(dir, 'folder.csv'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function readError(promise: Promise<unknown>): Promise<CsvInputError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(CsvInputError);
  return error as CsvInputError;
}

describe('readCsvFile', () => {
  it('readCsvFile(plain.csv) returns its text', async () => {
    expect(await readCsvFile(path.join(dir, 'plain.csv'))).toBe(TEXT);
  });

  it('readCsvFile(packed.csv.gz) returns the decompressed text', async () => {
    expect(await readCsvFile(path.join(dir, 'packed.csv.gz'))).toBe(TEXT);
  });

  it('readCsvFile(missing.csv) throws "missing.csv does not exist." naming the file, not the path', async () => {
    const error = await readError(readCsvFile(path.join(dir, 'missing.csv')));
    expect(error.message).toBe('missing.csv does not exist.');
    expect((error.cause as NodeJS.ErrnoException).code).toBe('ENOENT');
  });

  it('readCsvFile(a directory) throws "folder.csv is a folder, not a CSV file."', async () => {
    const error = await readError(readCsvFile(path.join(dir, 'folder.csv')));
    expect(error.message).toBe('folder.csv is a folder, not a CSV file.');
  });

  it('readCsvFile(plain.csv, maxBytes 10) refuses the 21-byte file as too large', async () => {
    const error = await readError(readCsvFile(path.join(dir, 'plain.csv'), 10));
    expect(error.message).toBe('plain.csv is larger than 10 bytes, the most Survey Lens reads.');
  });

  it('readCsvFile(plain.csv, maxBytes 21) reads a file exactly at the cap', async () => {
    expect(await readCsvFile(path.join(dir, 'plain.csv'), 21)).toBe(TEXT);
  });
});

describe('readCsvStream', () => {
  it('readCsvStream joins chunks, string or Buffer, before decoding', async () => {
    const stream = Readable.from([Buffer.from('a,b\n1,'), '2\n']);
    expect(await readCsvStream(stream, 'upload.csv')).toBe('a,b\n1,2\n');
  });

  it('readCsvStream stops at the cap counted over all chunks (6 + 6 bytes > 10)', async () => {
    const stream = Readable.from([Buffer.from('a,b\n1,'), Buffer.from('2\n3,4\n')]);
    const error = await readError(readCsvStream(stream, 'upload.csv', 10));
    expect(error.message).toMatch(/^upload\.csv is larger than/);
  });

  it('readCsvStream(2 MiB, cap 1 MiB) states the cap in MB', async () => {
    const stream = Readable.from([Buffer.alloc(2 * 1024 * 1024, 0x61)]);
    const error = await readError(readCsvStream(stream, 'big.csv', 1024 * 1024));
    expect(error.message).toBe('big.csv is larger than 1 MB, the most Survey Lens reads.');
  });
});
