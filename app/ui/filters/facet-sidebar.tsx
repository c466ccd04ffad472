'use client';

import { Fragment, useId, useMemo, useState } from 'react';
import { opensInitially, unpackSidebar, type PackedFacetGroup } from '@/lib/view/figures/pack-facets';
import { normaliseName } from '@/lib/view/state/suggest-name';
import { formatCounted } from '@/lib/view/words/format-figure';
import { OptionFacet } from './option-facet';
import { RangeFacet } from './range-facet';
import { useDrawer } from './use-drawer';

interface FacetSidebarProps {
  /** Facets as compact data (lib/view/figures/pack-facets): a collapsed one's options may come when it is opened. */
  groups: PackedFacetGroup[];
  /** The facets route, which lists those options. */
  facetsPath: string;
  /** Said instead of facets when there are none to offer (a public view outside the release, or one at its field limit). */
  empty?: string;
  /** The dataset's suppression threshold, for “fewer than N” counts. */
  threshold: number;
}

/**
 * The filters, one facet per question, grouped as the survey groups them, with a search box
 * over question labels. Counts are live: each facet counts under every other facet's filters.
 * A sidebar on wide screens; on narrow ones a drawer behind a “Filters (n)” button.
 */
export function FacetSidebar({ groups: packed, facetsPath, threshold, empty }: FacetSidebarProps) {
  const groups = useMemo(() => unpackSidebar(packed), [packed]);
  const [query, setQuery] = useState('');
  const searchId = useId();
  const drawerId = useId();
  const { open, show, close, panel, opener } = useDrawer<HTMLDivElement, HTMLButtonElement>();
  const wanted = normaliseName(query);
  const total = groups.reduce((sum, group) => sum + group.facets.length, 0);
  const filtered = groups.reduce((sum, group) => sum + group.facets.filter((facet) => facet.active).length, 0);
  const visible = groups
    .map((group) => ({
      ...group,
      facets: group.facets.filter((facet) => wanted === '' || normaliseName(`${facet.label} ${facet.id} ${group.label ?? ''}`).includes(wanted)),
    }))
    .filter((group) => group.facets.length > 0);
  return (
    <>
      <button ref={opener} type="button" className="button facets-toggle" aria-expanded={open} aria-controls={drawerId} onClick={show}>
        <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path d="M1.5 3h13l-5 6v4.5l-3-1.5V9z" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
        </svg>
        Filters{filtered > 0 ? ` (${filtered})` : ''}
      </button>
      {open && <div className="facets-backdrop" onClick={close} aria-hidden="true" />}
      <div
        id={drawerId}
        ref={panel}
        className="facets-drawer"
        data-open={open}
        {...(open ? { role: 'dialog', 'aria-modal': true, 'aria-label': 'Filters' } : {})}
      >
        <aside className="facets" aria-label="Filters">
          <div className="facets__head">
            <div className="facets__title-row">
              <h2 className="facets__title">Filter respondents</h2>
              <button type="button" className="button button--small facets__close" onClick={close}>
                Close<span className="visually-hidden"> the filters</span>
              </button>
            </div>
            {total > 0 && (
              <label className="visually-hidden" htmlFor={searchId}>
                Find a question to filter by
              </label>
            )}
            {total > 0 && (
              <input
                id={searchId}
                className="facets__search"
                type="search"
                placeholder={`Find among ${formatCounted(total, 'question')}…`}
                value={query}
                onChange={(event) => setQuery(event.target.value)}
              />
            )}
          </div>
          {total === 0 && empty && <p className="muted small">{empty}</p>}
          {total > 0 && visible.length === 0 && <p className="muted small">No question matches “{query}”.</p>}
          {visible.map((group, index) => {
            // Keyed by place: a search that moves a facet remounts it open (`wanted`), the reader is looking for it.
            const key = `${group.label ?? ''}-${index}`;
            const facets = group.facets.map((facet) => {
              const open = opensInitially(facet, total) || wanted !== '';
              return facet.range ? (
                <RangeFacet key={facet.id} facet={facet} initiallyOpen={open} />
              ) : (
                <OptionFacet key={facet.id} facet={facet} threshold={threshold} initiallyOpen={open} facetsPath={facetsPath} />
              );
            });
            // A question on its own needs no group around it: the sidebar spaces it as it spaces groups.
            if (!group.label) return <Fragment key={key}>{facets}</Fragment>;
            return (
              <div className="facet-group" key={key}>
                <h3 className="facet-group__label">{group.label}</h3>
                {facets}
              </div>
            );
          })}
        </aside>
      </div>
    </>
  );
}
