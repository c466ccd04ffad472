import { parseCsvStream } from '../csv/parse-csv-stream';
import { PartIngest, type IngestedPart, type PartLayout } from '../survey/survey-ingest';
import { readFileBytes } from './read-csv-file';

/** What a second thread's read of a file's later part gives: the part, or why it cannot be used as it is. */
export type PartOutcome = { part: IngestedPart; lines: number; endsWithNewline: boolean } | { unusable: string };

class UnusablePart extends Error {}

/**
 * The part's bytes as UTF-8 text. Anything a whole read would report (an undecodable byte, a
 * byte-order mark, a NUL) stops the part: the whole file is then read by one thread, which
 * reports it with its line.
 */
async function* decodePart(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  for await (const chunk of bytes) {
    if (chunk.indexOf(0) !== -1) throw new UnusablePart('a NUL byte');
    const piece = decoder.decode(chunk, { stream: true });
    if (piece.includes('\ufffd') || piece.includes('\ufeff')) throw new UnusablePart('an undecodable byte or a byte-order mark');
    yield piece;
  }
  const last = decoder.decode();
  if (last.includes('\ufffd')) throw new UnusablePart('a sequence cut off at the end of the file');
  if (last.length > 0) yield last;
}

/**
 * Bytes `start` to `end` of a file, which begin at a record boundary, read into columns as the
 * first part's reader would have read them (same delimiter, width and header rows). Lines are
 * counted from the part's first line.
 */
export async function readPart(file: string, start: number, end: number, layout: PartLayout): Promise<PartOutcome> {
  const ingest = new PartIngest(layout);
  try {
    const summary = await parseCsvStream(decodePart(readFileBytes(file, file, Infinity, { start, end })), (batch) => ingest.add(batch), {
      delimiter: layout.delimiter,
    });
    const finished = ingest.finish(summary);
    return 'part' in finished ? { part: finished.part, lines: summary.lines, endsWithNewline: summary.endsWithNewline } : finished;
  } catch (error) {
    if (error instanceof UnusablePart) return { unusable: error.message };
    throw error;
  }
}

/** The buffers of a part's typed arrays, each once: handed over to the reading thread, not copied. */
export function partBuffers(outcome: PartOutcome): ArrayBuffer[] {
  if (!('part' in outcome)) return [];
  const buffers = new Set<ArrayBuffer>([outcome.part.lines.buffer as ArrayBuffer]);
  for (const column of outcome.part.columns) {
    if ('packed' in column) {
      buffers.add(column.packed.bytes.buffer as ArrayBuffer);
      buffers.add(column.packed.offsets.buffer as ArrayBuffer);
    } else buffers.add(column.codes.buffer as ArrayBuffer);
  }
  return [...buffers];
}
