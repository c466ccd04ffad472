'use client';

import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, ErrorBar, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartCategory, ChartData } from '@/lib/view/figures/build-chart-data';
import { formatFigure } from '@/lib/view/words/format-figure';
import { pickAxisTicks } from '@/lib/view/words/pick-axis-ticks';
import { categoryAxisProps, layoutCategoryAxis } from './category-axis';
import { AXIS_ROOM, CHART_SERIES, CHART_SIZES, GROUPED_BAR, SERIES_COLORS, VALUE_LABEL_ROOM, type ChartVariant } from './chart-config';
import { ChartTooltip } from './chart-tooltip';
import { ShiftedBar } from './labels-above';
import { useCategoryClick } from './use-category-click';
import { ChartBox } from './chart-box';
import { useChartDrawing } from './use-chart-drawing';

interface BarChartProps {
  data: ChartData;
  variant: ChartVariant;
  /** A click on a bar: the option's value (toggles it as a filter). */
  onSelect?: (category: ChartCategory) => void;
}

const MARK = { higher: ' ▲', lower: ' ▼' } as const;

/** Recharts rows: per category the shown value, the interval as errors around it, and the mark of each series. */
function toRows(data: ChartData) {
  return data.categories.map((category) => {
    const row: Record<string, unknown> = { label: category.label, category };
    category.cells.forEach((cell, s) => {
      row[`v${s}`] = cell.percent ?? 0;
      const hasInterval = cell.percent !== null && cell.low !== null && cell.high !== null;
      row[`e${s}`] = hasInterval ? [Math.max(0, cell.percent! - cell.low!), Math.max(0, cell.high! - cell.percent!)] : [0, 0];
      row[`t${s}`] = cell.percent === null ? 'withheld' : `${formatFigure(cell.percent, 'percent')}${cell.significance ? MARK[cell.significance] : ''}`;
    });
    return row;
  });
}

interface ValueLabelProps {
  x?: number | string;
  y?: number | string;
  width?: number | string;
  height?: number | string;
  index?: number;
  value?: unknown;
}

/** The printed value sits past the whisker's end, not on it: the whisker's length is read off the bar's own scale. */
function ValueLabel({
  x = 0,
  y = 0,
  width = 0,
  height = 0,
  index = 0,
  value,
  rows,
  series,
  whiskers,
  fontSize,
  shift,
}: ValueLabelProps & { rows: Record<string, unknown>[]; series: number; whiskers: boolean; fontSize: number; shift: number }) {
  const shown = Number(rows[index]?.[`v${series}`] ?? 0);
  const [, above] = (rows[index]?.[`e${series}`] as [number, number] | undefined) ?? [0, 0];
  const pxPerUnit = shown > 0 ? Number(width) / shown : 0;
  const end = Number(x) + Number(width) + (whiskers ? above * pxPerUnit : 0);
  return (
    <text x={end + 6} y={Number(y) + shift + Number(height) / 2} dominantBaseline="central" fontSize={fontSize} fill="var(--chart-label)">
      {String(value ?? '')}
    </text>
  );
}

/** The bars' layout at a width: the label column (or labels above), each row's height, and the box's height. */
function layoutBars(data: ChartData, variant: ChartVariant, width: number) {
  const sizes = CHART_SIZES[variant];
  const grouped = data.series.length > 1;
  const valueRoom = VALUE_LABEL_ROOM + (grouped ? 14 : 0);
  const axis = layoutCategoryAxis(
    data.categories.map((category) => category.label),
    data.series.length,
    variant,
    width,
    valueRoom,
  );
  const { above } = axis;
  const rowHeight = above ? above.rowHeight : grouped ? Math.max(sizes.rowHeight, data.series.length * GROUPED_BAR + 14) : sizes.rowHeight;
  return { axis, grouped, valueRoom, height: data.categories.length * rowHeight + AXIS_ROOM[variant] };
}

/**
 * Horizontal bars, one per option and series (everyone, each segment, or each wave), labels on
 * the left wrapped to the room they get — or, on a phone, above the bars — intervals as whiskers
 * on full charts, significant differences marked ▲▼. Bars of options the view filters on are
 * outlined; a click toggles them. The box keeps its height and its description whether or not
 * the bars are drawn yet (useChartDrawing decides when).
 */
export function HorizontalBarChart({ data, variant, onSelect }: BarChartProps) {
  const { ref, width, drawing, state } = useChartDrawing(data);
  const { height } = layoutBars(data, variant, width);
  return (
    <ChartBox boxRef={ref} label={data.summary} state={state} height={height} clickable={onSelect !== undefined}>
      {drawing && <BarDrawing data={drawing} variant={variant} width={width} onSelect={onSelect} />}
    </ChartBox>
  );
}

/** The recharts drawing, redrawn only when its figures, width or variant change (memo): the costly part of a chart. */
const BarDrawing = memo(function BarDrawing({ data, variant, width, onSelect }: BarChartProps & { width: number }) {
  const { onBarClick, onChartClick } = useCategoryClick(data, onSelect);
  const { axis, grouped, valueRoom, height } = layoutBars(data, variant, width);
  const { above } = axis;
  const whiskers = variant === 'full';
  const ticks = pickAxisTicks(
    data.categories.flatMap((category) => category.cells.map((cell) => (whiskers ? (cell.high ?? cell.percent ?? 0) : (cell.percent ?? 0)))),
  );
  const rows = toRows(data);
  const single = CHART_SERIES[data.measure];
  const clickable = onSelect !== undefined;
  return (
    <BarChart
      layout="vertical"
      width={width}
      height={height}
      data={rows}
      margin={{ top: variant === 'full' ? 4 : 2, right: valueRoom, bottom: 2, left: 0 }}
      barCategoryGap={grouped ? '14%' : variant === 'full' ? '22%' : '18%'}
      barGap={1}
      barSize={above?.barSize}
      accessibilityLayer={false}
      onClick={onChartClick}
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
      <YAxis {...categoryAxisProps(axis, variant)} />
      <Tooltip
        content={(props) => <ChartTooltip {...props} measure={data.measure} series={data.series} intervalName={data.intervalName} clickable={clickable} />}
        cursor={{ fill: 'var(--chart-cursor)' }}
      />
      {data.series.map((series, s) => {
        const color = grouped ? SERIES_COLORS[s % SERIES_COLORS.length] : single.color;
        return (
          <Bar
            key={series.key}
            dataKey={`v${s}`}
            name={series.label}
            fill={color}
            fillOpacity={series.unreliable ? 0.45 : 1}
            radius={[0, 3, 3, 0]}
            isAnimationActive={false}
            onClick={onBarClick}
            shape={above ? (props: object) => <ShiftedBar {...props} series={s} shift={above.shift} whiskers={whiskers} /> : undefined}
          >
            {data.categories.map((category) => (
              <Cell key={category.key} stroke={category.active ? 'var(--text)' : undefined} strokeWidth={category.active ? 2 : 0} />
            ))}
            {whiskers && !above && (
              <ErrorBar dataKey={`e${s}`} width={grouped ? 2 : 4} stroke="var(--chart-whisker)" strokeWidth={1} isAnimationActive={false} />
            )}
            <LabelList
              dataKey={`t${s}`}
              content={(props) => (
                <ValueLabel {...(props as ValueLabelProps)} rows={rows} series={s} whiskers={whiskers} fontSize={grouped ? 11 : 12} shift={above?.shift ?? 0} />
              )}
            />
          </Bar>
        );
      })}
    </BarChart>
  );
});
