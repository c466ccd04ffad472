'use client';

import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartCategory, ChartData } from '@/lib/view/figures/build-chart-data';
import { CHART_SERIES, percentAxisProps, type ChartVariant } from './chart-config';
import { pickAxisTicks } from '@/lib/view/words/pick-axis-ticks';
import { ChartTooltip } from './chart-tooltip';
import { useCategoryClick } from './use-category-click';
import { ChartBox } from './chart-box';
import { useChartDrawing } from './use-chart-drawing';

interface HistogramChartProps {
  data: ChartData;
  variant: ChartVariant;
  onSelect?: (category: ChartCategory) => void;
}

const HEIGHT: Record<ChartVariant, number> = { compact: 180, full: 300 };
/** Bin labels such as "200k–400k" need about this many px each before they start to collide. */
const LABEL_SPACING = 64;

/** Columns for a numeric question's bins, lowest values on the left; open-ended end bins are labelled "< x" / "≥ x". */
export function HistogramChart({ data, variant, onSelect }: HistogramChartProps) {
  const { ref, width, drawing, state } = useChartDrawing(data);
  return (
    <ChartBox boxRef={ref} label={data.summary} state={state} height={HEIGHT[variant]} clickable={onSelect !== undefined}>
      {drawing && <HistogramDrawing data={drawing} variant={variant} width={width} onSelect={onSelect} />}
    </ChartBox>
  );
}

/** The recharts drawing, redrawn only when its figures, width or variant change (memo). */
const HistogramDrawing = memo(function HistogramDrawing({ data, variant, width, onSelect }: HistogramChartProps & { width: number }) {
  const { onBarClick, onChartClick } = useCategoryClick(data, onSelect);
  const series = CHART_SERIES[data.measure];
  const height = HEIGHT[variant];
  const plotWidth = Math.max(1, width - 60);
  // Show every nth bin label so labels never overlap at any width.
  const every = Math.max(1, Math.ceil((LABEL_SPACING * data.categories.length) / plotWidth));
  const rows = data.categories.map((category) => ({ label: category.label, value: category.cells[0]?.percent ?? 0, category }));
  const ticks = pickAxisTicks(rows.map((row) => row.value));
  return (
    <BarChart
      width={width}
      height={height}
      data={rows}
      margin={{ top: 8, right: 8, bottom: 4, left: 0 }}
      barCategoryGap="8%"
      accessibilityLayer={false}
      onClick={onChartClick}
    >
      <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
      <XAxis
        dataKey="label"
        interval={every - 1}
        tick={{ fontSize: 11, fill: 'var(--chart-label)' }}
        tickLine={false}
        axisLine={{ stroke: 'var(--border-strong)' }}
        height={24}
      />
      <YAxis {...percentAxisProps(ticks)} />
      <Tooltip
        content={(props) => (
          <ChartTooltip {...props} measure={data.measure} series={data.series} intervalName={data.intervalName} clickable={onSelect !== undefined} />
        )}
        cursor={{ fill: 'var(--chart-cursor)' }}
      />
      <Bar dataKey="value" name={series.label} fill={series.color} radius={[3, 3, 0, 0]} isAnimationActive={false} onClick={onBarClick}>
        {data.categories.map((category) => (
          <Cell key={category.key} stroke={category.active ? 'var(--text)' : undefined} strokeWidth={category.active ? 2 : 0} />
        ))}
      </Bar>
    </BarChart>
  );
});
