import Link from 'next/link';
import type { Question } from '@/lib/survey/types';
import { KindBadge } from './kind-badge';

/**
 * The question text is shown when the export carried one that says more than the label: not
 * a column name, and not the label again with a tool's suffix ("… - Selected Choice").
 */
function pickExtraText(question: Question): string | undefined {
  const text = question.text?.trim();
  if (!text || text.startsWith(question.label) || question.source.columns.includes(text)) return undefined;
  return text;
}

/** `grid`: the grid this question is a row of, and its page under the view. */
export function QuestionHeading({
  question,
  waveLabel,
  grid,
}: {
  question: Question;
  waveLabel: string;
  grid?: { label: string; rows: number; href: string };
}) {
  const text = pickExtraText(question);
  const columns = question.source.columns;
  return (
    <>
      <div className="question-card__meta">
        <code>{question.id}</code>
        <KindBadge kind={question.kind} />
        <span>{waveLabel === 'all waves' ? 'All waves' : `Wave ${waveLabel}`}</span>
      </div>
      <h1>{question.label}</h1>
      {text && <p className="question-text lead">{text}</p>}
      {grid && (
        <p className="small">
          One row of a grid of {grid.rows}:{' '}
          <Link href={grid.href} prefetch={false}>
            all rows of “{grid.label}” together →
          </Link>
        </p>
      )}
      {columns.length > 1 ? (
        <details className="disclosure small muted">
          <summary>Built from {columns.length} columns</summary>
          <p className="mono">{columns.join(' · ')}</p>
        </details>
      ) : (
        columns[0] !== question.id && (
          <p className="small muted">
            Column: <code>{columns[0]}</code>
          </p>
        )
      )}
    </>
  );
}
