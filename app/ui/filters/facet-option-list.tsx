'use client';

import type { FacetOption } from '@/lib/view/figures/build-facets';
import { shortenOptions, sortOptions } from '@/lib/view/figures/shown-options';
import { formatFigure } from '@/lib/view/words/format-figure';
import { FacetCheckbox } from './facet-checkbox';

function formatCount(count: number | null, threshold: number): string {
  return count === null ? `<${threshold}` : formatFigure(count, 'count');
}

interface FacetOptionListProps {
  options: FacetOption[];
  /** How many options the facet has, when `options` are only those a long list shows at first. */
  total?: number;
  threshold: number;
  byCount: boolean;
  showAll: boolean;
  onShowAll(): void;
  onToggle(value: string): void;
}

/** A facet's options as checkboxes with live counts, largest first or in the model's order; a long list shortened until “show all”. */
export function FacetOptionList({ options, total, threshold, byCount, showAll, onShowAll, onToggle }: FacetOptionListProps) {
  const sorted = sortOptions(options, byCount, threshold);
  const shown = shortenOptions(sorted, showAll);
  const all = total ?? sorted.length;
  return (
    <>
      <ul className="facet__options">
        {shown.map((option) => (
          <li key={option.value}>
            <FacetCheckbox
              label={option.label}
              count={formatCount(option.count, threshold)}
              selected={option.selected}
              onToggle={() => onToggle(option.value)}
            />
          </li>
        ))}
      </ul>
      {shown.length < all && !showAll && (
        <button type="button" className="link-button small" onClick={onShowAll}>
          {`Show all ${all} options`}
        </button>
      )}
    </>
  );
}
