'use client';

import type { YAxisProps } from 'recharts';
import { CHART_SIZES, GLYPH_WIDTH, type ChartVariant } from './chart-config';
import { AboveTick, layoutLabelsAbove, LABELS_ABOVE_BELOW, type LabelsAboveLayout } from './labels-above';
import { WrappedTick } from './wrapped-tick';

/** The gap between a label and the axis, plus slack for wide glyphs. */
const LABEL_PADDING = 20;

export interface CategoryAxis {
  /** Set on a phone: labels go above their bars. */
  above?: LabelsAboveLayout;
  labelWidth: number;
  maxChars: number;
}

/**
 * Where the category labels of horizontal bars go: a column on the left, as wide as the
 * longest label needs within the variant's bounds — or, narrower than LABELS_ABOVE_BELOW, above
 * each bar (or group of `seriesCount` bars).
 */
export function layoutCategoryAxis(labels: readonly string[], seriesCount: number, variant: ChartVariant, width: number, valueRoom: number): CategoryAxis {
  const sizes = CHART_SIZES[variant];
  const above = width > 0 && width < LABELS_ABOVE_BELOW ? layoutLabelsAbove(labels, seriesCount, variant, width, valueRoom) : undefined;
  const glyph = sizes.fontSize * GLYPH_WIDTH;
  const longest = Math.max(1, ...labels.map((label) => label.length));
  const roomForLabels = Math.max(sizes.minLabelWidth, Math.min(sizes.maxLabelWidth, width * sizes.labelShare));
  // Labels above the bars need no column; recharts draws no axis (nor its ticks) at width 0, hence 1 px.
  const labelWidth = above ? 1 : Math.max(LABEL_PADDING + 2 * glyph, Math.min(roomForLabels, longest * glyph + LABEL_PADDING));
  // Rounded, not floored: the glyph estimate is generous, and a label measured to fit must not wrap.
  const maxChars = Math.round((labelWidth - LABEL_PADDING) / glyph);
  return { ...(above ? { above } : {}), labelWidth, maxChars };
}

/** The props of the category <YAxis> (data key `label`): its width, no axis line above the bars, and the wrapped or above-the-bar labels. */
export function categoryAxisProps(axis: CategoryAxis, variant: ChartVariant): YAxisProps {
  const sizes = CHART_SIZES[variant];
  return {
    type: 'category',
    dataKey: 'label',
    width: axis.labelWidth,
    interval: 0,
    axisLine: axis.above ? false : { stroke: 'var(--border-strong)' },
    tickLine: false,
    tick: (props: object) =>
      axis.above ? (
        <AboveTick {...props} layout={axis.above} />
      ) : (
        <WrappedTick {...props} maxChars={axis.maxChars} maxLines={sizes.maxLabelLines} fontSize={sizes.fontSize} />
      ),
  };
}
