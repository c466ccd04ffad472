import type { IngestIssue } from '@/lib/survey/types';
import { Notice } from '../layout/notice';
import { IssueList } from './issue-list';

/** A wave whose file cannot give trustworthy figures: say why, list what was found, chart nothing. */
export function WaveError({ waveLabel, message, issues }: { waveLabel: string; message: string; issues: readonly IngestIssue[] }) {
  return (
    <Notice tone="error" title={`Wave ${waveLabel} could not be loaded`}>
      <p>{message}</p>
      {issues.length > 0 && <IssueList issues={issues} />}
      <p className="small">No figures are shown for this wave. The other waves of this dataset are not affected.</p>
    </Notice>
  );
}
