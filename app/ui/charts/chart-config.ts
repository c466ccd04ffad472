import type { MainMeasure } from '@/lib/analysis/measures';
import type { YAxisProps } from 'recharts';
import type { FigureFormat } from '@/lib/view/words/format-figure';

export interface SeriesConfig {
  /** Axis and tooltip wording for the bar length. */
  label: string;
  /** A CSS colour; custom properties live in globals.css so the palette is defined once. */
  color: string;
  format: FigureFormat;
}

/** The one place chart colours and wording are chosen, keyed by what a bar measures. */
export const CHART_SERIES: Record<MainMeasure, SeriesConfig> = {
  share: { label: '% of respondents who answered', color: 'var(--chart-share)', format: 'percent' },
  ranked_first: { label: '% who ranked it first', color: 'var(--chart-rank)', format: 'percent' },
  bin: { label: '% of respondents who answered', color: 'var(--chart-histogram)', format: 'percent' },
};

/**
 * Colours of the series of a comparison or trend: Okabe & Ito's palette for colour-blind
 * readers (in globals.css, with dark-mode variants), in an order where neighbours differ in
 * lightness as well as hue.
 */
export const SERIES_COLORS = [
  'var(--series-1)',
  'var(--series-2)',
  'var(--series-3)',
  'var(--series-4)',
  'var(--series-5)',
  'var(--series-6)',
  'var(--series-7)',
  'var(--series-8)',
] as const;

export type ChartVariant = 'compact' | 'full';

interface VariantSizes {
  /** Height of one bar's row, in px: full charts leave room for two-line labels. */
  rowHeight: number;
  maxLabelLines: number;
  /** Share of the chart's width given to category labels, and its bounds in px. */
  labelShare: number;
  minLabelWidth: number;
  maxLabelWidth: number;
  fontSize: number;
}

export const CHART_SIZES: Record<ChartVariant, VariantSizes> = {
  compact: { rowHeight: 26, maxLabelLines: 1, labelShare: 0.42, minLabelWidth: 90, maxLabelWidth: 230, fontSize: 12 },
  full: { rowHeight: 36, maxLabelLines: 2, labelShare: 0.4, minLabelWidth: 110, maxLabelWidth: 340, fontSize: 13 },
};

/** Average glyph width as a share of the font size for the system sans fonts (a little generous); used to wrap labels. */
export const GLYPH_WIDTH = 0.6;
/** Height of one bar in a group of several, in px. */
export const GROUPED_BAR = 13;

/** Room for the value printed at the end of each bar ("100.0%"). */
export const VALUE_LABEL_ROOM = 56;
/** Space above and below the bars (the axis in full charts). */
export const AXIS_ROOM: Record<ChartVariant, number> = { compact: 8, full: 36 };

/** The props of an upright percent <YAxis> (the histogram's, the trend's): 0 to its last tick, ticks as "20%", no axis or tick lines. */
export function percentAxisProps(ticks: number[]): YAxisProps {
  return {
    width: 44,
    domain: [0, ticks[ticks.length - 1]],
    ticks,
    tickFormatter: (value: number) => `${value}%`,
    tick: { fontSize: 11, fill: 'var(--text-muted)' },
    axisLine: false,
    tickLine: false,
  };
}
