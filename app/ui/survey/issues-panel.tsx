import type { IngestIssue } from '@/lib/csv/ingest-issue';
import { Notice } from '../layout/notice';
import { describeIssueCounts, IssueList } from './issue-list';

/** Past this many issues the list is folded away behind its counts. */
const OPEN_LIMIT = 5;

/** Problems found while reading a wave that loaded: rows skipped (errors) and data kept with a caveat (warnings). */
export function IssuesPanel({ issues }: { issues: readonly IngestIssue[] }) {
  if (issues.length === 0) return null;
  const hasErrors = issues.some((issue) => issue.severity === 'error');
  const title = `Reading this file found ${describeIssueCounts(issues)}`;
  return (
    <section className="issues" aria-label="Import issues">
      <Notice tone={hasErrors ? 'error' : 'warning'} title={title}>
        <p className="small">
          {hasErrors ? 'Records with errors were skipped; the figures below leave them out.' : 'The data was kept; these notes explain what was adjusted.'}
        </p>
        {issues.length <= OPEN_LIMIT ? (
          <IssueList issues={issues} />
        ) : (
          <details className="disclosure">
            <summary>Show all {issues.length} issues</summary>
            <IssueList issues={issues} />
          </details>
        )}
      </Notice>
    </section>
  );
}
