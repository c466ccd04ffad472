'use client';

import type { TooltipContentProps } from 'recharts';
import type { ChartBar, ChartMeasure } from '@/lib/view/build-chart-data';
import { formatFigure } from '@/lib/view/format-figure';
import { CHART_SERIES } from './chart-config';

const OF_WHOM: Record<ChartMeasure, string> = {
  share: 'respondents who answered',
  firstRank: 'respondents who ranked any item',
  histogram: 'respondents who answered',
};

/** The full label (axis labels may be cut short) with the count and its base. */
export function ChartTooltip({ active, payload, measure }: Partial<TooltipContentProps> & { measure: ChartMeasure }) {
  const bar = payload?.[0]?.payload as ChartBar | undefined;
  if (!active || !bar) return null;
  const series = CHART_SERIES[measure];
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip__label">{bar.label}</p>
      <p className="chart-tooltip__value">
        <strong>{formatFigure(bar.value, series.format)}</strong> {measure === 'firstRank' ? 'ranked it first' : ''}
      </p>
      <p className="chart-tooltip__value muted">
        {formatFigure(bar.count, 'count')} of {formatFigure(bar.base, 'count')} {OF_WHOM[measure]}
      </p>
    </div>
  );
}
