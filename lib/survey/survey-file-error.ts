import type { IngestIssue } from '../csv/ingest-issue';

/** A file that cannot give trustworthy figures. Carries every issue found so the page can list them. */
export class SurveyFileError extends Error {
  readonly issues: IngestIssue[];
  constructor(message: string, issues: IngestIssue[] = [], options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SurveyFileError';
    this.issues = issues;
  }
}
