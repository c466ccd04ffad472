import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CsvInputError } from '../../../lib/csv/csv-input-error';
import { nodeGunzip, readFileBytes } from '../../../lib/store/read-csv-file';

const TEXT = 'id,answer\n1,yes\n2,no\n'; // 21 bytes
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'read-csv-file-'));
  writeFileSync(path.join(dir, 'plain.csv'), TEXT);
  writeFileSync(path.join(dir, 'packed.csv.gz'), gzipSync(Buffer.from(TEXT)));
  mkdirSync(path.join(dir, 'folder.csv'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function collect(bytes: AsyncIterable<Uint8Array>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of bytes) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

async function readError(promise: Promise<unknown>): Promise<CsvInputError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(CsvInputError);
  return error as CsvInputError;
}

describe('readFileBytes', () => {
  it('readFileBytes(plain.csv) gives its bytes', async () => {
    expect(await collect(readFileBytes(path.join(dir, 'plain.csv'), 'plain.csv'))).toBe(TEXT);
  });

  it('readFileBytes(missing.csv) throws "missing.csv does not exist." naming the file, not the path', async () => {
    const error = await readError(collect(readFileBytes(path.join(dir, 'missing.csv'), 'missing.csv')));
    expect(error.message).toBe('missing.csv does not exist.');
    expect((error.cause as NodeJS.ErrnoException).code).toBe('ENOENT');
  });

  it('readFileBytes(a directory) throws "folder.csv is a folder, not a CSV file."', async () => {
    const error = await readError(collect(readFileBytes(path.join(dir, 'folder.csv'), 'folder.csv')));
    expect(error.message).toBe('folder.csv is a folder, not a CSV file.');
  });

  it('readFileBytes(plain.csv, maxBytes 10) refuses the 21-byte file as too large', async () => {
    const error = await readError(collect(readFileBytes(path.join(dir, 'plain.csv'), 'plain.csv', 10)));
    expect(error.message).toBe('plain.csv is larger than 10 bytes, the most Survey Lens reads.');
  });

  it('readFileBytes(plain.csv, maxBytes 21) reads a file exactly at the cap', async () => {
    expect(await collect(readFileBytes(path.join(dir, 'plain.csv'), 'plain.csv', 21))).toBe(TEXT);
  });
});

describe('nodeGunzip', () => {
  it('nodeGunzip(readFileBytes(packed.csv.gz)) gives the text that was packed', async () => {
    expect(await collect(nodeGunzip(readFileBytes(path.join(dir, 'packed.csv.gz'), 'packed.csv.gz')))).toBe(TEXT);
  });
});
