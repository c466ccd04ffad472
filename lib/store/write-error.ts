/** A refused or failed write, with the HTTP status the route answers and a message for the page's alert. */
export class WriteError extends Error {
  constructor(
    readonly status: number,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'WriteError';
  }
}

/** A file system failure in words: a full disk, a folder the server may not write, else its code (never a path). */
export function describeWriteFailure(error: unknown, what: string): WriteError {
  if (error instanceof WriteError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT')
    return new WriteError(507, `The server's disk is full: ${what} was not saved, and nothing of it was kept.`, { cause: error });
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return new WriteError(500, `The server may not write its uploads folder (${code}): ${what} was not saved.`, { cause: error });
  return new WriteError(500, `${what} could not be saved (${code ?? (error as Error).message}).`, { cause: error });
}
