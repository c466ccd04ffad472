import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { CsvInputError, decodeCsvBytes, formatBytes } from './decode-csv-bytes';

/** Refuse files that would not fit comfortably in memory on a 2-core, 24 GB server. */
export const MAX_CSV_BYTES = 1024 * 1024 * 1024;

/** Collects a byte stream (a file, an upload) with a size cap, then decodes it as CSV text. */
export async function readCsvStream(stream: Readable, name: string, maxBytes = MAX_CSV_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    total += buffer.length;
    if (total > maxBytes) {
      stream.destroy();
      throw new CsvInputError(`${name} is larger than ${formatBytes(maxBytes)}, the most Survey Lens reads.`);
    }
    chunks.push(buffer);
  }
  return decodeCsvBytes(Buffer.concat(chunks), name, maxBytes);
}

function describeReadError(error: unknown, name: string): CsvInputError {
  if (error instanceof CsvInputError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new CsvInputError(`${name} does not exist.`, { cause: error });
  if (code === 'EISDIR') return new CsvInputError(`${name} is a folder, not a CSV file.`, { cause: error });
  // The system's message names the server's folders: only its code is said.
  return new CsvInputError(`${name} cannot be read (${code ?? 'read error'}).`, { cause: error });
}

/** A file's bytes as they are read (1 MiB at a time), refused past `maxBytes` and with read errors in plain words. */
export async function* readFileBytes(path: string, name: string, maxBytes = MAX_CSV_BYTES): AsyncGenerator<Uint8Array> {
  const stream = createReadStream(path, { highWaterMark: 1024 * 1024 });
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

/** Reads a `.csv` or `.csv.gz` file from disk as text (gzip detected from its bytes). */
export async function readCsvFile(path: string, maxBytes = MAX_CSV_BYTES): Promise<string> {
  const name = path.split(/[\\/]/).pop() ?? path;
  try {
    return await readCsvStream(createReadStream(path), name, maxBytes);
  } catch (error) {
    throw describeReadError(error, name);
  }
}

/** Node's zlib as the gzip step of the decode (several times quicker than DecompressionStream here). */
export function nodeGunzip(compressed: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  return Readable.from(compressed).pipe(createGunzip({ chunkSize: 256 * 1024 }));
}
