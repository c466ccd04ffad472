'use client';

import { formatBytes } from '@/lib/csv/csv-input-error';
import { formatCounted } from '@/lib/view/words/format-figure';
import type { ReadProgress as Progress } from '@/lib/view/figures/review-session';

/** A real progress bar: bytes read of the files' size, the rows so far, and Cancel. */
export function ReadProgress({ progress, label, onCancel }: { progress: Progress; label: string; onCancel?: () => void }) {
  const share = progress.totalBytes > 0 ? Math.min(1, progress.bytes / progress.totalBytes) : 0;
  return (
    <section className="read-progress" aria-label={label}>
      <p className="read-progress__title">
        {label}
        {progress.files > 1 ? ` (file ${progress.file + 1} of ${progress.files})` : ''}
      </p>
      {progress.pass > 1 && <p className="small">Its quotes broke its records: reading it again as plain tab-separated text.</p>}
      <progress className="read-progress__bar" max={progress.totalBytes || 1} value={progress.bytes} aria-valuetext={`${Math.round(share * 100)}%`} />
      <p className="read-progress__figures small" aria-live="polite">
        <span data-testid="progress-bytes">
          {formatBytes(progress.bytes)} of {formatBytes(progress.totalBytes)}
        </span>
        {progress.rows > 0 && <span data-testid="progress-rows"> · {formatCounted(progress.rows, 'row')}</span>}
        {progress.stage === 'questions' && <span data-testid="progress-stage"> · all read, working out the questions…</span>}
      </p>
      {onCancel && (
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      )}
    </section>
  );
}
