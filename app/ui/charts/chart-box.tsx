import type { ReactNode, RefObject } from 'react';
import type { DrawState } from './use-chart-drawing';

interface ChartBoxProps {
  boxRef: RefObject<HTMLDivElement | null>;
  /** The chart's figures in words, for screen readers: always the current view's, drawn or not. */
  label: string;
  state: DrawState;
  /** Reserved whether or not the drawing is there, so nothing moves when it arrives. */
  height: number;
  clickable: boolean;
  children: ReactNode;
}

/** The box a chart draws into: one named image (role="img"), its height reserved, and what it shows in data-drawn. */
export function ChartBox({ boxRef, label, state, height, clickable, children }: ChartBoxProps) {
  return (
    <div
      ref={boxRef}
      className={`chart__canvas${clickable ? ' chart__canvas--clickable' : ''}`}
      role="img"
      aria-label={label}
      data-drawn={state}
      style={{ height }}
    >
      {children}
    </div>
  );
}
