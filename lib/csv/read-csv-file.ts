import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
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

/** Reads a `.csv` or `.csv.gz` file from disk as text (gzip detected from its bytes). */
export async function readCsvFile(path: string, maxBytes = MAX_CSV_BYTES): Promise<string> {
  const name = path.split(/[\\/]/).pop() ?? path;
  try {
    return await readCsvStream(createReadStream(path), name, maxBytes);
  } catch (error) {
    if (error instanceof CsvInputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CsvInputError(`${name} does not exist.`, { cause: error });
    if (code === 'EISDIR') throw new CsvInputError(`${name} is a folder, not a CSV file.`, { cause: error });
    throw new CsvInputError(`${name} cannot be read: ${(error as Error).message}`, { cause: error });
  }
}
