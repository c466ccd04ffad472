import type { IngestIssue } from '@/lib/csv/ingest-issue';
import { Notice } from '../layout/notice';
import { IssueList } from './issue-list';

/**
 * A wave whose file cannot give trustworthy figures: say why, list what was found, chart nothing.
 * In a trend the other waves are still shown, so it says the trend leaves this one out.
 */
export function WaveError({
  waveLabel,
  message,
  issues,
  inTrend = false,
}: {
  waveLabel: string;
  message: string;
  issues: readonly IngestIssue[];
  inTrend?: boolean;
}) {
  return (
    <Notice tone="error" title={`Wave ${waveLabel} could not be loaded`}>
      <p>{message}</p>
      {issues.length > 0 && <IssueList issues={issues} />}
      <p className="small">
        {inTrend
          ? `The trend below leaves wave ${waveLabel} out: it shows only the waves that could be read.`
          : 'No figures are shown for this wave. The other waves of this dataset are not affected.'}
      </p>
    </Notice>
  );
}
