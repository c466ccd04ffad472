import type { IngestIssue } from '@/lib/csv/ingest-issue';

/** Ingest issues as found, errors first; each with its line in the file when it has one. */
export function IssueList({ issues }: { issues: readonly IngestIssue[] }) {
  const sorted = [...issues].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return (
    <ul className="issue-list">
      {sorted.map((issue, index) => (
        <li key={index}>
          <span className={`badge ${issue.severity === 'error' ? 'badge--error' : ''}`}>{issue.severity === 'error' ? 'Error' : 'Warning'}</span>
          <span className="issue-list__line">{issue.line !== undefined ? `line ${issue.line}` : 'file'}</span>
          <span className="issue-list__message">{issue.message}</span>
        </li>
      ))}
    </ul>
  );
}

export function describeIssueCounts(issues: readonly IngestIssue[]): string {
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  const warnings = issues.length - errors;
  const parts = [
    errors > 0 ? `${errors} ${errors === 1 ? 'error' : 'errors'}` : '',
    warnings > 0 ? `${warnings} ${warnings === 1 ? 'warning' : 'warnings'}` : '',
  ];
  return parts.filter(Boolean).join(', ');
}
