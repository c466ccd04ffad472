'use client';

import { Rectangle } from 'recharts';
import { wrapLabel } from '@/lib/view/words/wrap-label';
import { CHART_SIZES, GLYPH_WIDTH, GROUPED_BAR, type ChartVariant } from './chart-config';

/**
 * Horizontal bars on a phone: each option's label on its own lines above its bar (or group of
 * bars), so the bars get the whole width instead of sharing it with a label column. Recharts
 * centres the bars in their band; the bars are drawn `shift` px lower and the label fills the
 * room that leaves above them.
 */

/** Charts narrower than this put their labels above the bars. */
export const LABELS_ABOVE_BELOW = 400;
const MAX_LINES = 3;
/** Room above a label and below a bar, in px. */
const PAD = 6;
/** Between a label's last line and its bar. */
const LABEL_GAP = 3;
const SINGLE_BAR: Record<ChartVariant, number> = { compact: 14, full: 18 };

export interface LabelsAboveLayout {
  rowHeight: number;
  /** Thickness of each bar. */
  barSize: number;
  /** How far each bar is drawn below where recharts puts it. */
  shift: number;
  /** Half the height of the label and the bars together: the label starts this far above a band's centre. */
  halfBlock: number;
  maxChars: number;
  maxLines: number;
  /** Lines of the longest label: the room every row keeps for its label. */
  lines: number;
  lineHeight: number;
  fontSize: number;
}

/** The layout for horizontal bars with these labels, each over a group of `seriesCount` bars. */
export function layoutLabelsAbove(labels: readonly string[], seriesCount: number, variant: ChartVariant, width: number, valueRoom: number): LabelsAboveLayout {
  const { fontSize } = CHART_SIZES[variant];
  const lineHeight = Math.round(fontSize * 1.25);
  const maxChars = Math.max(8, Math.floor((width - valueRoom / 2) / (fontSize * GLYPH_WIDTH)));
  const lines = Math.max(1, ...labels.map((label) => wrapLabel(label, maxChars, MAX_LINES).length));
  const labelBlock = lines * lineHeight + LABEL_GAP;
  const grouped = seriesCount > 1;
  const barSize = grouped ? GROUPED_BAR : SINGLE_BAR[variant];
  const groupHeight = grouped ? seriesCount * (GROUPED_BAR + 1) - 1 : barSize;
  return {
    rowHeight: labelBlock + groupHeight + 2 * PAD,
    barSize,
    shift: labelBlock / 2,
    halfBlock: (labelBlock + groupHeight) / 2,
    maxChars,
    maxLines: MAX_LINES,
    lines,
    lineHeight,
    fontSize,
  };
}

interface TickProps {
  y?: number | string;
  payload?: { value?: unknown };
  layout: LabelsAboveLayout;
}

/** A category label just above its bars (a shorter one leaves the room above it empty), from the chart's left edge; the full text is its <title>. */
export function AboveTick({ y = 0, payload, layout }: TickProps) {
  const text = String(payload?.value ?? '');
  const lines = wrapLabel(text, layout.maxChars, layout.maxLines);
  const top = Number(y) - layout.halfBlock + (layout.lines - lines.length) * layout.lineHeight;
  return (
    <text x={0} y={top} fontSize={layout.fontSize} fill="var(--chart-label)" textAnchor="start">
      <title>{text}</title>
      {lines.map((line, index) => (
        <tspan key={index} x={0} dy={index === 0 ? layout.fontSize : layout.lineHeight}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

interface ShapeProps {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  fill?: string;
  fillOpacity?: number;
  stroke?: string;
  strokeWidth?: number;
  payload?: Record<string, unknown>;
}

/**
 * A bar drawn `shift` px below its slot, with its interval as a whisker (recharts' ErrorBar
 * would stay at the slot's centre). The whisker's length is read off the bar's own scale.
 */
export function ShiftedBar({
  x = 0,
  y = 0,
  width = 0,
  height = 0,
  fill,
  fillOpacity,
  stroke,
  strokeWidth,
  payload,
  series,
  shift,
  whiskers,
}: ShapeProps & { series: number; shift: number; whiskers: boolean }) {
  const top = y + shift;
  const middle = top + height / 2;
  const shown = Number(payload?.[`v${series}`] ?? 0);
  const [below, above] = (payload?.[`e${series}`] as [number, number] | undefined) ?? [0, 0];
  const pxPerUnit = shown > 0 ? width / shown : 0;
  const cap = Math.min(4, height / 2);
  return (
    <g>
      <Rectangle
        x={x}
        y={top}
        width={width}
        height={height}
        radius={[0, 3, 3, 0]}
        fill={fill}
        fillOpacity={fillOpacity}
        stroke={stroke}
        strokeWidth={strokeWidth}
      />
      {whiskers && pxPerUnit > 0 && above + below > 0 && (
        <path
          d={`M${x + width - below * pxPerUnit},${middle}H${x + width + above * pxPerUnit}M${x + width - below * pxPerUnit},${middle - cap}v${2 * cap}M${x + width + above * pxPerUnit},${middle - cap}v${2 * cap}`}
          stroke="var(--chart-whisker)"
          strokeWidth={1}
          fill="none"
        />
      )}
    </g>
  );
}
