'use client';

import { useId, useState, type FormEvent } from 'react';
import type { SidebarFacet } from '@/lib/view/figures/pack-facets';
import { setNumericRange } from '@/lib/view/state/change-view';
import { formatFigure } from '@/lib/view/words/format-figure';
import { ClearFacetButton, FacetDetails } from './facet-details';
import { useViewNavigation } from './view-navigation';

function readBound(text: string): number | undefined | 'invalid' {
  if (text.trim() === '') return undefined;
  const value = Number(text.replace(/,/g, ''));
  return Number.isFinite(value) ? value : 'invalid';
}

/** A numeric question as a range: minimum and maximum inputs, applied together. */
export function RangeFacet({ facet, initiallyOpen }: { facet: SidebarFacet; initiallyOpen: boolean }) {
  const navigation = useViewNavigation();
  const [open, setOpen] = useState(initiallyOpen);
  const [min, setMin] = useState(facet.range?.gte ?? '');
  const [max, setMax] = useState(facet.range?.lte ?? '');
  const [error, setError] = useState<string>();
  const id = useId();
  if (!navigation || !facet.range) return null;
  const { nav, go } = navigation;
  const { range } = facet;
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const [low, high] = [readBound(min), readBound(max)];
    if (low === 'invalid' || high === 'invalid') return setError('Type numbers only, e.g. 5 or 120000.');
    if (low !== undefined && high !== undefined && low > high) return setError('The minimum is above the maximum.');
    setError(undefined);
    go(setNumericRange(nav.state, facet.id, low, high));
  };
  const hint =
    range.min !== null && range.max !== null
      ? `Answers range from ${formatFigure(range.min, 'number')} to ${formatFigure(range.max, 'number')}.`
      : 'The range of answers is withheld for small groups.';
  return (
    <FacetDetails id={facet.id} label={facet.label} active={facet.active} open={open} onToggle={setOpen}>
      <form className="facet__body facet-range" onSubmit={apply} aria-describedby={`${id}-hint`}>
        <p className="muted small" id={`${id}-hint`}>
          {hint}
        </p>
        <div className="facet-range__inputs">
          <label>
            <span>At least</span>
            <input
              inputMode="decimal"
              value={min}
              onChange={(event) => setMin(event.target.value)}
              placeholder={range.min === null ? 'min' : String(range.min)}
            />
          </label>
          <label>
            <span>At most</span>
            <input
              inputMode="decimal"
              value={max}
              onChange={(event) => setMax(event.target.value)}
              placeholder={range.max === null ? 'max' : String(range.max)}
            />
          </label>
        </div>
        {error && (
          <p className="facet-range__error" role="alert">
            {error}
          </p>
        )}
        <div className="facet__tools">
          <button type="submit" className="button button--small">
            Apply range
          </button>
          {facet.active && <ClearFacetButton questionId={facet.id} />}
        </div>
      </form>
    </FacetDetails>
  );
}
