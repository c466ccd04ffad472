'use client';

import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartData } from '@/lib/view/build-chart-data';
import { formatFigure } from '@/lib/view/format-figure';
import { AXIS_ROOM, CHART_SERIES, CHART_SIZES, VALUE_LABEL_ROOM, type ChartVariant } from './chart-config';
import { pickAxisTicks } from '@/lib/view/pick-axis-ticks';
import { ChartTooltip } from './chart-tooltip';
import { WrappedTick } from './wrapped-tick';
import { useElementWidth } from './use-element-width';

interface BarChartProps {
  data: ChartData;
  variant: ChartVariant;
}

/** Average glyph width as a share of the font size for the system sans fonts (a little generous); used to wrap labels. */
const GLYPH_WIDTH = 0.6;
/** The gap between a label and the axis, plus slack for wide glyphs. */
const LABEL_PADDING = 20;

/**
 * Horizontal bars, one per option, labels on the left wrapped to the space they get. The box
 * is sized from the number of bars alone, so the page does not jump when the chart mounts.
 */
export function HorizontalBarChart({ data, variant }: BarChartProps) {
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const sizes = CHART_SIZES[variant];
  const series = CHART_SERIES[data.measure];
  const height = data.bars.length * sizes.rowHeight + AXIS_ROOM[variant];
  // As wide as the longest label needs, within the share of the width labels may take.
  const glyph = sizes.fontSize * GLYPH_WIDTH;
  const longest = Math.max(1, ...data.bars.map((bar) => bar.label.length));
  const roomForLabels = Math.max(sizes.minLabelWidth, Math.min(sizes.maxLabelWidth, width * sizes.labelShare));
  const labelWidth = Math.max(LABEL_PADDING + 2 * glyph, Math.min(roomForLabels, longest * glyph + LABEL_PADDING));
  // Rounded, not floored: the glyph estimate is generous, and a label measured to fit must not wrap.
  const maxChars = Math.round((labelWidth - LABEL_PADDING) / glyph);
  const ticks = pickAxisTicks(data.bars.map((bar) => bar.value));
  const formatValue = (value: unknown) => formatFigure(Number(value), series.format);
  return (
    <div ref={ref} className="chart__canvas" role="img" aria-label={data.summary} style={{ height }}>
      {width > 0 && (
        <BarChart
          layout="vertical"
          width={width}
          height={height}
          data={data.bars}
          margin={{ top: variant === 'full' ? 4 : 2, right: VALUE_LABEL_ROOM, bottom: 2, left: 0 }}
          barCategoryGap={variant === 'full' ? '22%' : '18%'}
          accessibilityLayer={false}
        >
          {variant === 'full' && <CartesianGrid horizontal={false} stroke="var(--chart-grid)" />}
          <XAxis
            type="number"
            domain={[0, ticks[ticks.length - 1]]}
            ticks={ticks}
            hide={variant === 'compact'}
            tickFormatter={(value: number) => `${value}%`}
            tick={{ fontSize: 12, fill: 'var(--text-muted)' }}
            axisLine={false}
            tickLine={false}
          />
          <YAxis
            type="category"
            dataKey="label"
            width={labelWidth}
            interval={0}
            axisLine={{ stroke: 'var(--border-strong)' }}
            tickLine={false}
            tick={(props) => <WrappedTick {...props} maxChars={maxChars} maxLines={sizes.maxLabelLines} fontSize={sizes.fontSize} />}
          />
          <Tooltip content={(props) => <ChartTooltip {...props} measure={data.measure} />} cursor={{ fill: 'var(--chart-cursor)' }} />
          <Bar dataKey="value" name={series.label} fill={series.color} radius={[0, 3, 3, 0]} isAnimationActive={false}>
            <LabelList dataKey="value" position="right" formatter={formatValue} fontSize={12} fill="var(--chart-label)" />
          </Bar>
        </BarChart>
      )}
    </div>
  );
}
