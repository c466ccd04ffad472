/** A problem found while reading a file. Rows with errors are skipped; warnings keep the data. */
export interface IngestIssue {
  severity: 'error' | 'warning';
  /** 1-based line in the file where the record starts, when the issue is about a record. */
  line?: number;
  message: string;
}
