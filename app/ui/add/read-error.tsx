import type { IngestIssue } from '@/lib/csv/ingest-issue';
import { IssueList } from '../survey/issue-list';

/** Why a file could not be read or saved: announced (role="alert"), with the file's own issues when the reader found some. */
export function ReadError({ message, issues = [] }: { message: string; issues?: readonly IngestIssue[] }) {
  return (
    <div className="notice notice--error" role="alert">
      <p className="notice__title">{message}</p>
      {issues.length > 0 && <IssueList issues={issues} />}
      <p className="small">Nothing was sent to the server and nothing was saved. Pick another file, or fix this one and pick it again.</p>
    </div>
  );
}
