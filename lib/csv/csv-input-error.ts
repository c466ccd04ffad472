/** Bytes that cannot be read as a survey CSV (empty, binary, not UTF-8, too large, a broken gzip): said in words to the reader. */
export class CsvInputError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CsvInputError';
  }
}

/** Human-readable size for messages. */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${+(bytes / 1024 / 1024).toFixed(1)} MB` : bytes >= 1024 ? `${+(bytes / 1024).toFixed(1)} KB` : `${bytes} bytes`;
}
