'use client';

import type { TooltipContentProps } from 'recharts';
import type { GridChartData } from '@/lib/view/figures/build-grid-view';
import { formatFigure } from '@/lib/view/words/format-figure';

/** One row of a grid: every answer's share with its count and base, the one under the pointer in bold, and what a click does. */
export function GridTooltip({
  active,
  payload,
  data,
  hovered,
  clickable,
}: Partial<TooltipContentProps> & { data: GridChartData; hovered?: number; clickable: boolean }) {
  const index = (payload?.[0]?.payload as { r?: number } | undefined)?.r;
  if (!active || index === undefined) return null;
  const row = data.rows[index];
  const pointed = hovered === undefined ? undefined : { point: data.scale[hovered], cell: row.cells[hovered] };
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip__label">{row.label}</p>
      {row.withheld ? (
        <p className="chart-tooltip__value">Withheld: too few respondents answered this row.</p>
      ) : (
        <>
          <p className="muted small">n = {formatFigure(row.base ?? NaN, 'count')} who answered</p>
          {data.scale.map((point, p) => {
            const cell = row.cells[p];
            const Line = p === hovered ? 'strong' : 'span';
            return (
              <p className="chart-tooltip__value grid-tooltip__line" key={point.key}>
                <span className="chart-legend__swatch" style={{ background: point.fill }} aria-hidden="true" />
                <Line>
                  {point.label}: {cell.percent === null ? 'withheld' : formatFigure(cell.percent, 'percent')}
                </Line>
                {cell.count !== null && <span className="muted"> ({formatFigure(cell.count, 'count')})</span>}
                {cell.significance && <span> {cell.significance === 'higher' ? '▲' : '▼'}</span>}
              </p>
            );
          })}
        </>
      )}
      {clickable && pointed && (
        <p className="chart-tooltip__hint muted small">
          {pointed.cell.active ? `Click to remove the filter on “${pointed.point.label}”` : `Click to filter: ${row.label} is “${pointed.point.label}”`}
        </p>
      )}
    </div>
  );
}
