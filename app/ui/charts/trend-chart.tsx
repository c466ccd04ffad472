'use client';

import Link from 'next/link';
import { memo } from 'react';
import { CartesianGrid, ErrorBar, LabelList, Line, LineChart, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import type { TrendData } from '@/lib/view/figures/build-trend-data';
import { formatFigure } from '@/lib/view/words/format-figure';
import { pickAxisTicks } from '@/lib/view/words/pick-axis-ticks';
import { wrapLabel } from '@/lib/view/words/wrap-label';
import { percentAxisProps, SERIES_COLORS } from './chart-config';
import { ChartBox } from './chart-box';
import { useChartDrawing } from './use-chart-drawing';

export type TrendVariant = 'full' | 'compact' | 'headline';

interface TrendChartProps {
  data: TrendData;
  variant: TrendVariant;
  /** Headline: where each line leads (its question's trend). */
  lineHref?: string;
  /** Small multiples: the panel's title (a segment). */
  title?: string;
  /** Small multiples share one y scale: the largest value of any panel. */
  yMax?: number;
}

const HEIGHT: Record<TrendVariant, number> = { full: 340, compact: 200, headline: 300 };
/** Below this width the leader's label at the line's end would squeeze the plot: the legend under the chart gives every line's latest value instead. */
const LABELLED_FROM = 480;

function TrendTooltip({ active, payload, label, data }: Partial<TooltipContentProps> & { data: TrendData }) {
  if (!active || !payload?.length) return null;
  const w = data.waves.indexOf(String(label));
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip__label">
        {label} <span className="muted">(n = {data.bases[w] === null ? 'withheld' : formatFigure(data.bases[w] ?? NaN, 'count')})</span>
      </p>
      {data.lines.map((line, s) => {
        const point = line.points[w];
        if (!point) return null;
        return (
          <p className="chart-tooltip__value" key={line.key}>
            <span className="chart-legend__swatch" style={{ background: SERIES_COLORS[s % SERIES_COLORS.length] }} aria-hidden="true" /> {line.label}:{' '}
            <strong>{point.percent === null ? 'withheld' : formatFigure(point.percent, 'percent')}</strong>
            {point.change !== null && (
              <span className="muted">
                {' '}
                ({point.change >= 0 ? '+' : ''}
                {point.change.toFixed(1)} pts{point.changeMark ? (point.changeMark === 'up' ? ' ▲' : ' ▼') : ''})
              </span>
            )}
          </p>
        );
      })}
    </div>
  );
}

/**
 * A question through the waves: one line per option, 95% intervals as whiskers, the waves on
 * the x axis. The leading line is labelled with its latest value; the legend lists every line
 * with its latest value (and, on the headline, links to the question's trend).
 */
export function TrendChart({ data, variant, lineHref, title, yMax }: TrendChartProps) {
  const { ref, width, drawing, state } = useChartDrawing(data);
  return (
    <figure className={`chart trend-chart trend-chart--${variant}`} data-question={data.questionId} data-segment={data.segment}>
      {title && (
        <figcaption className="trend-chart__title">
          {title} <span className="muted small">(n = {data.bases.map((base) => (base === null ? 'withheld' : formatFigure(base, 'count'))).join(' · ')})</span>
        </figcaption>
      )}
      <ChartBox boxRef={ref} label={data.summary} state={state} height={HEIGHT[variant]} clickable={false}>
        {drawing && <TrendDrawing data={drawing} variant={variant} width={width} yMax={yMax} />}
      </ChartBox>
      <ul className="chart-legend__series trend-legend">
        {data.lines.map((line, s) => (
          <li key={line.key} className="chart-legend__item">
            <span className="chart-legend__swatch" style={{ background: SERIES_COLORS[s % SERIES_COLORS.length] }} aria-hidden="true" />
            {lineHref ? (
              <Link href={lineHref} prefetch={false}>
                {line.label}
              </Link>
            ) : (
              line.label
            )}
            <span className="muted">{line.latest === null ? '' : ` ${formatFigure(line.latest, 'percent')}`}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

/** The recharts drawing, redrawn only when its figures, width, variant or scale change (memo). */
const TrendDrawing = memo(function TrendDrawing({ data, variant, width, yMax }: Pick<TrendChartProps, 'data' | 'variant' | 'yMax'> & { width: number }) {
  const height = HEIGHT[variant];
  const rows = data.waves.map((wave, w) => {
    const row: Record<string, unknown> = { wave };
    data.lines.forEach((line, s) => {
      const point = line.points[w];
      row[`v${s}`] = point?.percent ?? null;
      row[`e${s}`] =
        point && point.percent !== null && point.low !== null && point.high !== null
          ? [Math.max(0, point.percent - point.low), Math.max(0, point.high - point.percent)]
          : [0, 0];
    });
    return row;
  });
  // Panels of small multiples share the scale they are given; a chart on its own fits its whiskers.
  const ticks = pickAxisTicks(yMax !== undefined ? [yMax] : data.lines.flatMap((line) => line.points.map((point) => point?.high ?? point?.percent ?? 0)));
  const leader = data.lines[0];
  const last = data.waves.length - 1;
  const labelled = variant !== 'compact' && width >= LABELLED_FROM;
  return (
    <LineChart width={width} height={height} data={rows} margin={{ top: 16, right: labelled ? 150 : 16, bottom: 4, left: 0 }} accessibilityLayer={false}>
      <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
      <XAxis
        dataKey="wave"
        tick={{ fontSize: 12, fill: 'var(--chart-label)' }}
        tickLine={false}
        axisLine={{ stroke: 'var(--border-strong)' }}
        padding={{ left: 24, right: 24 }}
      />
      <YAxis {...percentAxisProps(ticks)} />
      <Tooltip content={(props) => <TrendTooltip {...props} data={data} />} />
      {data.lines.map((line, s) => (
        <Line
          key={line.key}
          dataKey={`v${s}`}
          name={line.label}
          stroke={SERIES_COLORS[s % SERIES_COLORS.length]}
          strokeWidth={line === leader ? 3 : 2}
          dot={{ r: 3, fill: 'var(--surface)' }}
          isAnimationActive={false}
          connectNulls={false}
        >
          {variant !== 'compact' && (
            <ErrorBar
              dataKey={`e${s}`}
              direction="y"
              width={4}
              stroke={SERIES_COLORS[s % SERIES_COLORS.length]}
              strokeOpacity={0.6}
              isAnimationActive={false}
            />
          )}
          {line === leader && labelled && (
            <LabelList
              dataKey={`v${s}`}
              content={(props) =>
                props.index === last && leader.latest !== null ? (
                  <text x={Number(props.x) + 10} y={Number(props.y)} fontSize={12} fill="var(--chart-label)">
                    {wrapLabel(leader.label, 20, 2).map((line, k) => (
                      <tspan key={k} x={Number(props.x) + 10} dy={k === 0 ? -4 : 14}>
                        {line}
                      </tspan>
                    ))}
                    <tspan x={Number(props.x) + 10} dy={15} fontWeight={700} fontSize={13}>
                      {formatFigure(leader.latest, 'percent')}
                    </tspan>
                  </text>
                ) : null
              }
            />
          )}
        </Line>
      ))}
    </LineChart>
  );
});
