'use client';

import { useState } from 'react';

interface FacetCheckboxProps {
  label: string;
  count: string;
  selected: boolean;
  onToggle(): void;
}

/**
 * One option with its live count. The tick shows at once, before the new figures arrive; the
 * server's answer then confirms it (or puts it back, if the change did not happen).
 */
export function FacetCheckbox({ label, count, selected, onToggle }: FacetCheckboxProps) {
  const [checked, setChecked] = useState(selected);
  const [confirmed, setConfirmed] = useState(selected);
  if (confirmed !== selected) {
    setConfirmed(selected);
    setChecked(selected);
  }
  return (
    <label className={`facet-option${checked ? ' facet-option--selected' : ''}`}>
      <input
        type="checkbox"
        checked={checked}
        onChange={() => {
          setChecked(!checked);
          onToggle();
        }}
      />
      <span className="facet-option__label">{label}</span>
      <span className="facet-option__count">{count}</span>
    </label>
  );
}
