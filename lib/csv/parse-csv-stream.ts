import Papa from 'papaparse';
import type { IngestIssue } from './ingest-issue';

/** Records as papaparse hands them over, with the line each starts on and which are broken. */
export interface RecordBatch {
  records: string[][];
  /** 1-based line each record starts on. */
  lines: number[];
  /** Indexes (in this batch) of records papaparse could not read (bad quotes): they are dropped. */
  broken: ReadonlySet<number>;
}

export interface CsvStreamSummary {
  delimiter: string;
  /** Whether the text ends with a line break: a missing one plus a short last record means a cut-off file. */
  endsWithNewline: boolean;
  /** Records papaparse could not read because of their quotes (unclosed, or text after a closing quote). */
  quoteErrors: number;
  /** Whether quotes were read as quoting (false: every quote character is plain text). */
  quoting: boolean;
  /** Lines read (the last record's line and the line breaks inside it). */
  lines: number;
  issues: IngestIssue[];
}

const DELIMITERS_TO_GUESS = [',', ';', '\t'];
/** Text read before the delimiter is guessed: enough records for papaparse's guess, little memory. */
const GUESS_FROM = 64 * 1024;

/**
 * papaparse guesses the delimiter from the first records, but counts blank lines as one-field
 * records when they are kept, which sinks two-column files below its threshold. So the guess is
 * made on a preview without blank lines, and the real parse keeps them (they carry line numbers).
 */
function guessDelimiter(text: string): string {
  const preview = Papa.parse<string[]>(text, { preview: 10, skipEmptyLines: true, delimitersToGuess: DELIMITERS_TO_GUESS });
  return preview.meta.delimiter || ',';
}

/** A papaparse error in words a survey owner can act on. */
function describePapaError(error: Papa.ParseError): string {
  switch (error.code) {
    case 'MissingQuotes':
      return 'unclosed quote: the quoted field never ends, so the rest of the file was read into it';
    case 'InvalidQuotes':
      return 'malformed quotes: a quoted field is followed by text before the next delimiter';
    default:
      return error.message;
  }
}

/** Line breaks inside a record's quoted fields: how many lines it spans after its first. */
function countLineBreaks(record: readonly string[]): number {
  let breaks = 0;
  for (const field of record) for (let i = field.indexOf('\n'); i !== -1; i = field.indexOf('\n', i + 1)) breaks++;
  return breaks;
}

/**
 * The smallest source papaparse's stream reader accepts (it wants `readable`, `read`, `on`,
 * `removeListener`, `pause`, `resume`): text is pushed in by hand, so the same parse runs on a
 * file in Node and an upload in a browser worker, without Node streams.
 */
class TextFeed {
  readonly readable = true;
  private readonly listeners = new Map<string, ((value?: unknown) => void)[]>();
  read(): null {
    return null;
  }
  on(event: string, listener: (value?: unknown) => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  removeListener(event: string, listener: (value?: unknown) => void): this {
    this.listeners.set(
      event,
      (this.listeners.get(event) ?? []).filter((candidate) => candidate !== listener),
    );
    return this;
  }
  pause(): void {}
  resume(): void {}
  emit(event: string, value?: unknown): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) listener(value);
  }
}

/**
 * A quote character that cannot occur in the text (a NUL refuses the file before it is parsed):
 * given as papaparse's quoteChar, every `"` is read as plain text. For tab-separated files written
 * without quoting (Google Sheets), where a cell may begin with a literal quote.
 */
const NO_QUOTING = '\u0000';

export interface ParseOptions {
  /** Force a delimiter instead of guessing one of comma, semicolon and tab. */
  delimiter?: string;
  /** `false`: read every quote as text (NO_QUOTING). Default: RFC 4180 quoting with `"`. */
  quoting?: boolean;
  /** Told the delimiter once it is chosen, before the first batch. */
  onDelimiter?: (delimiter: string) => void;
}

/** A running parse: text pieces go in (as they arrive), batches of records come out through the callback. */
export interface CsvParser {
  push(piece: string): void;
  /** After the last piece: the parse is flushed and summed up. */
  end(): CsvStreamSummary;
}

/**
 * CSV text → batches of records, with papaparse and strings only (no dynamicTyping: "007" and
 * "1e3" are answers, not numbers, until the survey layer decides). Synchronous: a pushed piece
 * is parsed before `push` returns, so memory holds one piece and one batch, never the file.
 * Quoting problems are reported with the line the record starts on, and the record is dropped.
 */
function openCsvParser(delimiter: string, onBatch: (batch: RecordBatch) => void, options: { quoting?: boolean } = {}): CsvParser {
  const issues: IngestIssue[] = [];
  const quoting = options.quoting !== false;
  let nextLine = 1;
  let lastChar = '';
  let quoteErrors = 0;
  let heldReturn = false;
  let failure: unknown;
  const feed = new TextFeed();
  Papa.parse<string[]>(feed as unknown as NodeJS.ReadableStream, {
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    delimiter,
    ...(quoting ? {} : { quoteChar: NO_QUOTING, escapeChar: NO_QUOTING }),
    chunk: (results) => {
      if (failure !== undefined) return;
      const broken = new Set<number>();
      const lines = results.data.map((record) => {
        const line = nextLine;
        nextLine += 1 + countLineBreaks(record);
        return line;
      });
      for (const error of results.errors) {
        if (error.code === 'UndetectableDelimiter') continue;
        const row = error.row ?? results.data.length - 1;
        // A record cut at the end of a piece is held back and parsed again with the next one,
        // which reports its error again, on its own line: not reported twice (once without a line).
        if (row >= results.data.length) continue;
        if (broken.has(row)) continue; // one message per record is enough
        broken.add(row);
        if (error.type === 'Quotes') quoteErrors++;
        issues.push({ severity: 'error', line: lines[row], message: `${describePapaError(error)}; record skipped` });
      }
      try {
        onBatch({ records: results.data, lines, broken });
      } catch (error) {
        failure = error;
      }
    },
    error: (error: Error) => {
      failure ??= error;
    },
    complete: () => {},
  });
  const rethrow = () => {
    if (failure !== undefined) throw failure;
  };
  return {
    push(raw) {
      rethrow();
      if (raw.length === 0) return;
      lastChar = raw[raw.length - 1];
      // CRLF → LF before papaparse, which picks one line break for the whole file from its
      // first piece: a file that starts with CRLF and goes on with LF (two exports joined, an
      // editor's save) is then read record by record instead of as one enormous record. A CR
      // at the end of a piece waits for the next one, which may start with its LF.
      let piece = heldReturn ? `\r${raw}` : raw;
      heldReturn = piece.endsWith('\r');
      if (heldReturn) piece = piece.slice(0, -1);
      if (piece.includes('\r\n')) piece = piece.replace(/\r\n/g, '\n');
      if (piece.length > 0) feed.emit('data', piece);
      rethrow();
    },
    end() {
      rethrow();
      if (heldReturn) feed.emit('data', '\r');
      feed.emit('end');
      rethrow();
      return { delimiter, endsWithNewline: lastChar === '\n' || lastChar === '\r', quoteErrors, quoting, lines: nextLine - 1, issues };
    },
  };
}

/** Text arriving in pieces (a stream): the delimiter guessed from the first 64 KB, then every piece parsed as it comes. */
export async function parseCsvStream(
  text: AsyncIterable<string>,
  onBatch: (batch: RecordBatch) => void,
  options: ParseOptions = {},
): Promise<CsvStreamSummary> {
  const iterator = text[Symbol.asyncIterator]();
  let head = '';
  let done = false;
  while (head.length < GUESS_FROM) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    head += next.value;
  }
  const delimiter = options.delimiter ?? guessDelimiter(head);
  options.onDelimiter?.(delimiter);
  const parser = openCsvParser(delimiter, onBatch, { quoting: options.quoting });
  try {
    parser.push(head);
    head = '';
    while (!done) {
      const next = await iterator.next();
      if (next.done) break;
      parser.push(next.value);
    }
  } catch (error) {
    await iterator.return?.(undefined);
    throw error;
  }
  return parser.end();
}

/** The same parse over text already in memory (tests, small files), synchronously. */
export function parseCsvPieces(text: string, onBatch: (batch: RecordBatch) => void, options: ParseOptions = {}): CsvStreamSummary {
  const delimiter = options.delimiter ?? guessDelimiter(text.slice(0, GUESS_FROM));
  options.onDelimiter?.(delimiter);
  const parser = openCsvParser(delimiter, onBatch, { quoting: options.quoting });
  parser.push(text);
  return parser.end();
}
