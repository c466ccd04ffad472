import { CsvInputError, formatBytes } from './csv-input-error';
import type { IngestIssue } from './ingest-issue';

const GZIP_MAGIC = [0x1f, 0x8b];
const SNIFF_BYTES = 64 * 1024;
/** Share of replacement characters near the start above which the file is not UTF-8 at all. */
const MAX_REPLACEMENT_SHARE = 0.01;

export interface DecodedStream {
  /** Text pieces, in order, BOM removed. */
  pieces: AsyncGenerator<string>;
  /** Filled as the stream is read: what was odd about the bytes (a few undecodable characters). */
  issues: IngestIssue[];
  /** The text encoding, once the start of the text has been read: 'utf-8', or the legacy one the file was saved in. */
  encoding?: string;
}

/** A gzip decompressor over a byte stream: the platform's (DecompressionStream), or one the caller brings (Node's zlib is quicker). */
export type Gunzip = (compressed: AsyncIterable<Uint8Array>) => AsyncIterable<Uint8Array>;

/** Bytes through the web platform's gzip decompressor (Node and browsers alike). */
async function* webGunzip(compressed: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const stream = new DecompressionStream('gzip');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const pump = (async () => {
    try {
      for await (const chunk of compressed) await writer.write(chunk as Uint8Array<ArrayBuffer>);
      await writer.close();
    } catch (error) {
      await writer.abort(error).catch(() => {});
    }
  })();
  try {
    for (let next = await reader.read(); !next.done; next = await reader.read()) yield next.value;
  } finally {
    await reader.cancel().catch(() => {});
    await pump;
  }
}

/** Decompressed bytes counted against the cap (a small file can unpack to gigabytes); a broken archive said in words. */
async function* capped(decompressed: AsyncIterable<Uint8Array>, name: string, maxBytes: number): AsyncGenerator<Uint8Array> {
  let total = 0;
  try {
    for await (const chunk of decompressed) {
      total += chunk.length;
      if (total > maxBytes) throw new CsvInputError(`${name} decompresses to more than ${formatBytes(maxBytes)}, the most Survey Lens reads.`);
      yield chunk;
    }
  } catch (error) {
    if (error instanceof CsvInputError) throw error;
    throw new CsvInputError(`${name} looks gzip-compressed but cannot be decompressed (truncated or corrupt).`, { cause: error });
  }
}

function notTextHint(bytes: Uint8Array): string {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return ' It looks like a ZIP or Excel (.xlsx) file: export it as CSV first.';
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return ' It looks like UTF-16 text: re-save it as UTF-8 CSV.';
  return '';
}

/** The first bytes of the stream (at least `want`, unless it ends), and the rest of it. */
async function readHead(source: AsyncIterator<Uint8Array>, want: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let length = 0;
  while (length < want) {
    const next = await source.next();
    if (next.done) break;
    parts.push(next.value);
    length += next.value.length;
  }
  const head = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    head.set(part, offset);
    offset += part.length;
  }
  return head;
}

/** Undecodable characters whose lines are named in the warning. */
const MAX_LINES_NAMED = 5;

/** Line breaks in `text` before `end`. */
function countLineBreaks(text: string, end: number): number {
  let breaks = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < end; at = text.indexOf('\n', at + 1)) breaks++;
  return breaks;
}

/** Undecodable sequences near the start from which the file is taken for a legacy single-byte encoding, not UTF-8 with a few bad bytes. */
const LEGACY_FROM = 10;

/** A letter, an accented capital, a letter, one side lower case: "wÊo" is Mac Roman's NBSP read as Windows-1252, "rÈs" Windows' é read as Mac Roman. */
const IMPLAUSIBLE = /[a-z][\u00c0-\u00de][A-Za-z]|[A-Za-z][\u00c0-\u00de][a-z]/g;

/**
 * The legacy encoding a file that is not UTF-8 was saved in, when its start says so (ten bad
 * sequences or more): Excel for Mac writes "CSV" in Mac Roman (NBSP 0xCA, en dash 0xD0, curly
 * quotes 0xD2–0xD5), Excel for Windows in Windows-1252. The one whose reading puts fewer accented
 * capitals inside words wins. Undefined for UTF-8, or a few stray bytes (read as "�", and said).
 */
function legacyEncoding(head: Uint8Array): 'macintosh' | 'windows-1252' | undefined {
  const utf8 = new TextDecoder('utf-8').decode(head);
  let bad = 0;
  for (let at = utf8.indexOf('\ufffd'); at !== -1 && bad < LEGACY_FROM; at = utf8.indexOf('\ufffd', at + 1)) bad++;
  if (bad < LEGACY_FROM) return undefined;
  const implausible = (encoding: string) => (new TextDecoder(encoding).decode(head).match(IMPLAUSIBLE) ?? []).length;
  return implausible('macintosh') < implausible('windows-1252') ? 'macintosh' : 'windows-1252';
}

const ENCODING_NAMES = { macintosh: 'Mac Roman (as Excel for Mac saves CSV)', 'windows-1252': 'Windows-1252 (as Excel for Windows saves CSV)' } as const;

async function* concat(first: Uint8Array, rest: AsyncIterator<Uint8Array>): AsyncGenerator<Uint8Array> {
  if (first.length > 0) yield first;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

/**
 * Bytes of a `.csv` or `.csv.gz` file, as they arrive → UTF-8 text pieces, with no whole-file
 * string: gzip recognised by its magic number (not the name), decompressed with the platform's
 * DecompressionStream (Node and browsers alike) under a size cap; binary files (a NUL byte
 * anywhere), UTF-16 and Excel files refused with a hint; text that is mostly not UTF-8 refused,
 * and a few undecodable characters reported. The BOM is dropped.
 */
export function decodeCsvStream(bytes: AsyncIterable<Uint8Array>, name: string, maxBytes: number, options: { gunzip?: Gunzip } = {}): DecodedStream {
  const issues: IngestIssue[] = [];
  const decoded: DecodedStream = { pieces: pieces(), issues };
  async function* pieces(): AsyncGenerator<string> {
    const source = bytes[Symbol.asyncIterator]();
    let head = await readHead(source, 2);
    let body: AsyncGenerator<Uint8Array> = concat(head, source);
    if (head.length >= 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1]) body = capped((options.gunzip ?? webGunzip)(body), name, maxBytes);
    const text = body[Symbol.asyncIterator]();
    head = await readHead(text, SNIFF_BYTES);
    if (head.length === 0) throw new CsvInputError(`${name} is empty.`);
    const legacy = head.indexOf(0) === -1 ? legacyEncoding(head) : undefined;
    if (legacy)
      issues.push({
        severity: 'warning',
        line: 1,
        message: `the file is not UTF-8 text: it was read as ${ENCODING_NAMES[legacy]}; re-save it as UTF-8 if any character looks wrong`,
      });
    decoded.encoding = legacy ?? 'utf-8';
    const decoder = new TextDecoder(decoded.encoding);
    let total = 0;
    let replaced = 0;
    /** The line each piece starts on, and the lines of the first undecodable characters. */
    let line = 1;
    const badLines: number[] = [];
    let marks = 0;
    const markLines: number[] = [];
    let sniffed = false;
    let anyText = false;
    const countReplaced = (piece: string) => {
      for (let at = piece.indexOf('\ufffd'); at !== -1; at = piece.indexOf('\ufffd', at + 1)) {
        replaced++;
        if (badLines.length < MAX_LINES_NAMED) badLines.push(line + countLineBreaks(piece, at));
      }
      line += countLineBreaks(piece, piece.length);
    };
    for await (const chunk of concat(head, text)) {
      total += chunk.length;
      if (total > maxBytes) throw new CsvInputError(`${name} is larger than ${formatBytes(maxBytes)}, the most Survey Lens reads.`);
      if (chunk.indexOf(0) !== -1) throw new CsvInputError(`${name} is not a text CSV file: it contains binary (NUL) bytes.${notTextHint(head)}`);
      let piece = decoder.decode(chunk, { stream: true });
      if (!sniffed) {
        sniffed = true;
        if (piece.charCodeAt(0) === 0xfeff) piece = piece.slice(1);
        let bad = 0;
        for (let i = 0; i < piece.length; i++) if (piece.charCodeAt(i) === 0xfffd) bad++;
        if (bad > piece.length * MAX_REPLACEMENT_SHARE)
          throw new CsvInputError(`${name} is not UTF-8 text (${bad} undecodable characters near the start). Re-save it as UTF-8 CSV.`);
      }
      // A byte-order mark past the start: files joined end to end, or a cell pasted from one. It is
      // named, then taken out, so a second file's header still reads as a repeated header.
      for (let at = piece.indexOf('\ufeff'); at !== -1; at = piece.indexOf('\ufeff', at + 1)) {
        marks++;
        if (markLines.length < MAX_LINES_NAMED) markLines.push(line + countLineBreaks(piece, at));
      }
      if (marks > 0 && piece.includes('\ufeff')) piece = piece.replaceAll('\ufeff', '');
      countReplaced(piece);
      if (!anyText && piece.trim() !== '') anyText = true;
      if (piece.length > 0) yield piece;
    }
    // A sequence cut off by the end of the file comes out of the decoder's final flush.
    const last = decoder.decode();
    countReplaced(last);
    if (last.length > 0) yield last;
    if (!anyText && last.trim() === '') throw new CsvInputError(`${name} holds no data: only whitespace.`);
    if (marks > 0) {
      const lines = [...new Set(markLines)];
      issues.push({
        severity: 'warning',
        line: lines[0],
        message: `${marks} byte-order mark${marks === 1 ? ' (U+FEFF) is' : 's (U+FEFF) are'} inside the file, not at its start (line${lines.length === 1 ? '' : 's'} ${lines.join(', ')}${marks > markLines.length ? ', …' : ''}): files joined end to end? Each mark was taken out`,
      });
    }
    if (replaced > 0) {
      const lines = [...new Set(badLines)];
      const where = `line${lines.length === 1 ? '' : 's'} ${lines.join(', ')}${replaced > badLines.length ? ', …' : ''}`;
      issues.push({
        severity: 'warning',
        line: lines[0],
        message: `${replaced} byte sequence${replaced === 1 ? ' is' : 's are'} not valid UTF-8 (${where}) and read as “�”: the file is not entirely UTF-8; re-save it as UTF-8 if those answers matter`,
      });
    }
  }
  return decoded;
}
