import { gunzipSync } from 'node:zlib';

export class CsvInputError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CsvInputError';
  }
}

const GZIP_MAGIC = [0x1f, 0x8b];
const SNIFF_BYTES = 64 * 1024;

function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1];
}

/**
 * Text files never contain NUL; UTF-16 exports and binaries (xlsx, images) do. We check
 * the start of the file rather than all of it so a 100 MB file costs nothing extra.
 */
function assertLooksLikeText(bytes: Uint8Array, name: string): void {
  const end = Math.min(bytes.length, SNIFF_BYTES);
  let nul = 0;
  for (let i = 0; i < end; i++) if (bytes[i] === 0) nul++;
  if (nul > 0) {
    const hint =
      bytes[0] === 0x50 && bytes[1] === 0x4b
        ? ' It looks like a ZIP or Excel (.xlsx) file: export it as CSV first.'
        : (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)
          ? ' It looks like UTF-16 text: re-save it as UTF-8 CSV.'
          : '';
    throw new CsvInputError(`${name} is not a text CSV file: it contains binary (NUL) bytes.${hint}`);
  }
}

/** Share of replacement characters above which we call the file not UTF-8 rather than a few bad bytes. */
const MAX_REPLACEMENT_SHARE = 0.01;

/**
 * Bytes of a `.csv` or `.csv.gz` file → text. Gzip is recognised by its magic number, not
 * the file name, so a mislabelled file still reads. The BOM is dropped here so that the
 * first header name is never `\uFEFFid`.
 */
/** Human-readable size for messages. */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${+(bytes / 1024 / 1024).toFixed(1)} MB` : bytes >= 1024 ? `${+(bytes / 1024).toFixed(1)} KB` : `${bytes} bytes`;
}

export function decodeCsvBytes(input: Uint8Array, name = 'The file', maxBytes = 1024 * 1024 * 1024): string {
  let bytes = input;
  if (isGzip(bytes)) {
    try {
      // Capped, so a small "gzip bomb" cannot expand past what we would read uncompressed.
      bytes = gunzipSync(bytes, { maxOutputLength: maxBytes });
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || cause instanceof RangeError) {
        throw new CsvInputError(`${name} decompresses to more than ${formatBytes(maxBytes)}, the most Survey Lens reads.`, { cause });
      }
      throw new CsvInputError(`${name} looks gzip-compressed but cannot be decompressed (truncated or corrupt).`, {
        cause,
      });
    }
  }
  if (bytes.length === 0) throw new CsvInputError(`${name} is empty.`);
  assertLooksLikeText(bytes, name);
  const text = new TextDecoder('utf-8').decode(bytes);
  let replaced = 0;
  for (let i = 0; i < Math.min(text.length, SNIFF_BYTES); i++) if (text.charCodeAt(i) === 0xfffd) replaced++;
  if (replaced > Math.min(text.length, SNIFF_BYTES) * MAX_REPLACEMENT_SHARE) {
    throw new CsvInputError(`${name} is not UTF-8 text (${replaced} undecodable characters near the start). Re-save it as UTF-8 CSV.`);
  }
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (withoutBom.trim() === '') throw new CsvInputError(`${name} holds no data: only whitespace.`);
  return withoutBom;
}
