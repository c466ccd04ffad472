'use client';

import { Children, useId, useState, type ReactNode } from 'react';

/**
 * One of several panels (a table per segment of a comparison), chosen with a select: the page
 * stays short, and the choice does not touch the URL or the figures — every panel is already
 * in the download.
 */
export function PanelSwitch({ label, names, children }: { label: string; names: readonly string[]; children: ReactNode }) {
  const id = useId();
  const [shown, setShown] = useState(0);
  const panels = Children.toArray(children);
  return (
    <div className="panel-switch">
      <span className="compare-picker">
        <label htmlFor={id}>{label}</label>
        <select id={id} value={shown} onChange={(event) => setShown(Number(event.target.value))}>
          {names.map((name, index) => (
            <option key={name} value={index}>
              {name}
            </option>
          ))}
        </select>
      </span>
      {panels[shown]}
    </div>
  );
}
