'use client';

import { useState, type ReactNode } from 'react';

interface FigureSwitchProps {
  /** What the figure is of: completes the button's name for screen readers (“Show as table: Primary role”). */
  label: string;
  initial: 'chart' | 'table';
  chart: ReactNode;
  table: ReactNode;
}

/**
 * A chart or the same figures as a table, switched in place by one button (no navigation, so
 * focus stays on the button). Both are rendered by the server; only the one shown is mounted.
 */
export function FigureSwitch({ label, initial, chart, table }: FigureSwitchProps) {
  const [shown, setShown] = useState(initial);
  const next = shown === 'chart' ? 'table' : 'chart';
  return (
    <div className="figure-switch" data-shown={shown}>
      <button type="button" className="figure-switch__toggle" onClick={() => setShown(next)}>
        {next === 'table' ? (
          <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
            <path d="M1 2.5h12M1 7h12M1 11.5h12" stroke="currentColor" strokeWidth="1.5" />
          </svg>
        ) : (
          <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
            <path d="M1 2h9M1 7h12M1 12h6" stroke="currentColor" strokeWidth="3" />
          </svg>
        )}
        {next === 'table' ? 'Show as table' : 'Show as chart'}
        <span className="visually-hidden">: {label}</span>
      </button>
      {shown === 'chart' ? chart : table}
    </div>
  );
}
