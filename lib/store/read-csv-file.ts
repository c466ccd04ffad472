import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { CsvInputError, formatBytes } from '../csv/csv-input-error';

/** Refuse files that would not fit comfortably in memory on a 2-core, 24 GB server. */
export const MAX_CSV_BYTES = 1024 * 1024 * 1024;

function describeReadError(error: unknown, name: string): CsvInputError {
  if (error instanceof CsvInputError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new CsvInputError(`${name} does not exist.`, { cause: error });
  if (code === 'EISDIR') return new CsvInputError(`${name} is a folder, not a CSV file.`, { cause: error });
  // The system's message names the server's folders: only its code is said.
  return new CsvInputError(`${name} cannot be read (${code ?? 'read error'}).`, { cause: error });
}

/** A file's bytes as they are read (1 MiB at a time), refused past `maxBytes` and with read errors in plain words; `range` reads bytes `start` up to (not including) `end` only. */
export async function* readFileBytes(
  path: string,
  name: string,
  maxBytes = MAX_CSV_BYTES,
  range: { start?: number; end?: number } = {},
): AsyncGenerator<Uint8Array> {
  const stream = createReadStream(path, { highWaterMark: 1024 * 1024, start: range.start, end: range.end === undefined ? undefined : range.end - 1 });
  let total = 0;
  try {
    for await (const chunk of stream) {
      total += (chunk as Buffer).length;
      if (total > maxBytes) throw new CsvInputError(`${name} is larger than ${formatBytes(maxBytes)}, the most Survey Lens reads.`);
      yield chunk as Buffer;
    }
  } catch (error) {
    throw describeReadError(error, name);
  } finally {
    stream.destroy();
  }
}

/** Node's zlib as the gzip step of the decode (several times quicker than DecompressionStream here). */
export function nodeGunzip(compressed: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  return Readable.from(compressed).pipe(createGunzip({ chunkSize: 256 * 1024 }));
}
