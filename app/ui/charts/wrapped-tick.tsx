'use client';

import { wrapLabel } from '@/lib/view/words/wrap-label';

interface WrappedTickProps {
  x?: number | string;
  y?: number | string;
  payload?: { value?: unknown };
  maxChars: number;
  maxLines: number;
  fontSize: number;
}

/** A category axis label wrapped onto lines, vertically centred on its bar; the full text is its <title>. */
export function WrappedTick({ x = 0, y = 0, payload, maxChars, maxLines, fontSize }: WrappedTickProps) {
  const text = String(payload?.value ?? '');
  const lines = wrapLabel(text, maxChars, maxLines);
  const lineHeight = fontSize * 1.2;
  const firstOffset = -((lines.length - 1) * lineHeight) / 2;
  return (
    <text x={Number(x) - 6} y={Number(y)} textAnchor="end" fontSize={fontSize} fill="var(--chart-label)" dominantBaseline="central">
      <title>{text}</title>
      {lines.map((line, index) => (
        <tspan key={index} x={Number(x) - 6} dy={index === 0 ? firstOffset : lineHeight}>
          {line}
        </tspan>
      ))}
    </text>
  );
}
