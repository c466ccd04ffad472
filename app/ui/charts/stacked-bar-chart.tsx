'use client';

import { memo, useMemo, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { GridChartData, GridRow } from '@/lib/view/figures/build-grid-view';
import { formatFigure } from '@/lib/view/words/format-figure';
import { layoutGridBars, type GridBarsLayout } from '@/lib/view/words/layout-grid-bars';
import { AXIS_ROOM, CHART_SIZES, GLYPH_WIDTH, type ChartVariant } from './chart-config';
import { GridTooltip } from './grid-tooltip';
import { categoryAxisProps, layoutCategoryAxis } from './category-axis';
import { ChartBox } from './chart-box';
import { useChartDrawing } from './use-chart-drawing';

interface StackedBarChartProps {
  data: GridChartData;
  variant: ChartVariant;
  /** A click on one answer of one row (toggles it as a filter). */
  onSelect?: (row: GridRow, index: number) => void;
}

const BAR: Record<ChartVariant, number> = { compact: 16, full: 22 };
const FONT = 11;
/** Room right of the bars for an off-scale figure printed beside its bar. */
const OFF_LABEL_ROOM = 44;

interface ShapeProps {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  payload?: { r?: number };
}

interface RowBarProps extends ShapeProps {
  data: GridChartData;
  layout: GridBarsLayout;
  shift: number;
  onSelect?: (row: GridRow, index: number) => void;
  onHover: (index: number | undefined) => void;
}

/** One row: its answers as touching segments, each printing its share when it fits; a filtered answer is outlined. */
function RowBar({ x = 0, y = 0, width = 0, height = 0, payload, data, layout, shift, onSelect, onHover }: RowBarProps) {
  const r = payload?.r ?? 0;
  const row = data.rows[r];
  const perUnit = layout.max > layout.min ? width / (layout.max - layout.min) : 0;
  const top = y + shift;
  if (row.withheld) {
    return (
      <text x={x + 4} y={top + height / 2} dominantBaseline="central" fontSize={FONT} fill="var(--text-muted)">
        withheld (small base)
      </text>
    );
  }
  const segments = layout.segments[r];
  const lastOff = segments.findLast((segment) => data.scale[segment.index].offScale);
  // The diverging centre, marked across each bar only (a line down the chart would cross labels above the bars).
  const centre = x - layout.min * perUnit;
  return (
    <g>
      {segments.map((segment) => {
        const point = data.scale[segment.index];
        const cell = row.cells[segment.index];
        const left = x + (segment.start - layout.min) * perUnit;
        const size = (segment.end - segment.start) * perUnit;
        const text = cell.percent === null ? '' : formatFigure(cell.percent, 'percent');
        const fits = text.length * FONT * GLYPH_WIDTH + 4 <= size;
        return (
          <g
            key={point.key}
            data-row={row.questionId}
            data-answer={point.key}
            onClick={onSelect ? () => onSelect(row, segment.index) : undefined}
            onMouseEnter={() => onHover(segment.index)}
            onMouseLeave={() => onHover(undefined)}
          >
            <rect
              x={left}
              y={top}
              width={size}
              height={height}
              fill={point.fill}
              stroke={cell.active ? 'var(--text)' : 'var(--surface)'}
              strokeWidth={cell.active ? 2 : 1}
            />
            {fits && (
              <text
                x={left + size / 2}
                y={top + height / 2}
                textAnchor="middle"
                dominantBaseline="central"
                fontSize={FONT}
                fill={point.ink}
                pointerEvents="none"
              >
                {text}
              </text>
            )}
            {!fits && segment === lastOff && text !== '' && (
              <text x={left + size + 4} y={top + height / 2} dominantBaseline="central" fontSize={FONT} fill="var(--chart-label)" pointerEvents="none">
                {text}
              </text>
            )}
          </g>
        );
      })}
      {layout.diverging && (
        <line x1={centre} x2={centre} y1={top - 3} y2={top + height + 3} stroke="var(--chart-whisker)" strokeWidth={1} pointerEvents="none" />
      )}
    </g>
  );
}

/** The rows' layout at a width: the label column (or labels above), the room right of the bars, and the box's height. */
function layoutRows(data: GridChartData, variant: ChartVariant, width: number, hasOff: boolean) {
  const valueRoom = hasOff ? OFF_LABEL_ROOM : 12;
  const axis = layoutCategoryAxis(
    data.rows.map((row) => row.label),
    1,
    variant,
    width,
    valueRoom,
  );
  const rowHeight = axis.above ? axis.above.rowHeight : CHART_SIZES[variant].rowHeight;
  return { axis, valueRoom, height: data.rows.length * rowHeight + AXIS_ROOM[variant] };
}

const layoutOf = (data: GridChartData) =>
  layoutGridBars(
    data.rows.map((row) => row.cells.map((cell) => cell.percent)),
    data.scale.map((point) => point.offScale),
    data.neutralIndex,
  );

/**
 * A grid as horizontal stacked bars, one per row, answers in scale order: diverging around the
 * neutral point when the scale has one, off-scale answers apart at the end in grey. Row labels
 * sit on the left, or above the bars on a phone. A click on an answer filters by it. The box
 * keeps its height and description whether or not the bars are drawn yet (useChartDrawing).
 */
export function StackedBarChart({ data, variant, onSelect }: StackedBarChartProps) {
  const { ref, width, drawing, state } = useChartDrawing(data);
  const layout = useMemo(() => layoutOf(data), [data]);
  const { height } = layoutRows(data, variant, width, layout.max > layout.scaleEnd);
  return (
    <ChartBox boxRef={ref} label={data.summary} state={state} height={height} clickable={onSelect !== undefined}>
      {drawing && <StackedDrawing data={drawing} variant={variant} width={width} onSelect={onSelect} />}
    </ChartBox>
  );
}

/** The recharts drawing, redrawn only when its figures, width or variant change (memo); the hovered answer is its own state. */
const StackedDrawing = memo(function StackedDrawing({ data, variant, width, onSelect }: StackedBarChartProps & { width: number }) {
  const [hovered, setHovered] = useState<number>();
  const layout = useMemo(() => layoutOf(data), [data]);
  const { axis, valueRoom, height } = layoutRows(data, variant, width, layout.max > layout.scaleEnd);
  const { above } = axis;
  const rows = data.rows.map((row, r) => ({ label: row.label, extent: [layout.min, layout.max], r }));
  return (
    <BarChart
      layout="vertical"
      width={width}
      height={height}
      data={rows}
      margin={{ top: variant === 'full' ? 4 : 2, right: valueRoom, bottom: 2, left: 0 }}
      barSize={above?.barSize ?? BAR[variant]}
      accessibilityLayer={false}
    >
      {variant === 'full' && <CartesianGrid horizontal={false} stroke="var(--chart-grid)" />}
      <XAxis
        type="number"
        domain={[layout.min, layout.max]}
        ticks={layout.ticks}
        hide={variant === 'compact'}
        tickFormatter={(value: number) => `${Math.abs(value)}%`}
        tick={{ fontSize: 12, fill: 'var(--text-muted)' }}
        axisLine={false}
        tickLine={false}
      />
      <YAxis {...categoryAxisProps(axis, variant)} />
      <Tooltip
        content={(props) => <GridTooltip {...props} data={data} hovered={hovered} clickable={onSelect !== undefined} />}
        cursor={{ fill: 'var(--chart-cursor)' }}
      />
      <Bar
        dataKey="extent"
        isAnimationActive={false}
        shape={(props: ShapeProps) => <RowBar {...props} data={data} layout={layout} shift={above?.shift ?? 0} onSelect={onSelect} onHover={setHovered} />}
      />
    </BarChart>
  );
});
