import type { Grid } from '@/lib/survey/types';

/** A grid's title: its stem as the heading, how many rows share which scale, and the wave. */
export function GridHeading({ grid, waveLabel }: { grid: Grid; waveLabel: string }) {
  const text = grid.text?.trim();
  return (
    <>
      <div className="question-card__meta">
        <code>{grid.id}</code>
        <span className="badge badge--kind" title="Question kind: grid">
          Grid
        </span>
        <span>Wave {waveLabel}</span>
      </div>
      <h1>{grid.label}</h1>
      {text && !text.startsWith(grid.label) && <p className="question-text lead">{text}</p>}
      <p className="small muted">
        {grid.rowIds.length} rows, each answered on {grid.ordered ? 'the same ordered scale' : 'the same answers'} ({grid.scale.length} answers
        {grid.offScale.length > 0 ? `, ${grid.offScale.length} of them off the scale` : ''}). Each row is also a question of its own: open it for its page,
        trend and crosstab.
      </p>
    </>
  );
}
