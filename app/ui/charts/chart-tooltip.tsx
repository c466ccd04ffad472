'use client';

import type { TooltipContentProps } from 'recharts';
import type { MainMeasure } from '@/lib/analysis/measures';
import type { ChartCategory, ChartSeries } from '@/lib/view/figures/build-chart-data';
import { roundPercent } from '@/lib/analysis/round-shares';
import { formatFigure } from '@/lib/view/words/format-figure';

const OF_WHOM: Record<MainMeasure, string> = {
  share: 'who answered',
  ranked_first: 'who ranked any item',
  bin: 'who answered',
};

const MARK_WORDS = { higher: 'significantly higher than the rest', lower: 'significantly lower than the rest' } as const;

/** The full label (axis labels may be cut short) with, per series, the share, its count and base, and its interval. */
export function ChartTooltip({
  active,
  payload,
  measure,
  series,
  clickable,
  intervalName,
}: Partial<TooltipContentProps> & { measure: MainMeasure; series: readonly ChartSeries[]; clickable: boolean; intervalName: string }) {
  const category = (payload?.[0]?.payload as { category?: ChartCategory } | undefined)?.category;
  if (!active || !category) return null;
  const interval = (low: number | null, high: number | null) =>
    low === null || high === null
      ? ''
      : ` (${intervalName} ${formatFigure(roundPercent(low / 100), 'percent')}–${formatFigure(roundPercent(high / 100), 'percent')})`;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip__label">{category.label}</p>
      {category.cells.map((cell, s) => (
        <p className="chart-tooltip__value" key={series[s]?.key ?? s}>
          {series.length > 1 && <span className="muted">{series[s]?.label}: </span>}
          {cell.percent === null ? (
            'withheld (small base)'
          ) : (
            <>
              <strong>{formatFigure(cell.percent, 'percent')}</strong>
              {measure === 'ranked_first' ? ' ranked it first' : ''} · {formatFigure(cell.count ?? NaN, 'count')} of {formatFigure(cell.base ?? NaN, 'count')}{' '}
              {OF_WHOM[measure]}
              <span className="muted">{interval(cell.low, cell.high)}</span>
              {cell.significance && <span> · {MARK_WORDS[cell.significance]}</span>}
            </>
          )}
        </p>
      ))}
      {clickable && <p className="chart-tooltip__hint muted small">{category.active ? 'Click to remove this filter' : 'Click to filter by this'}</p>}
    </div>
  );
}
