'use client';

import type { ReactNode } from 'react';
import { removeFilter } from '@/lib/view/state/change-view';
import { useViewNavigation } from './view-navigation';

/**
 * A facet's disclosure. Its body is drawn only while it is open: a sidebar of many questions
 * sends and builds the option lists a reader opens, not all of them (issue 25). Open or closed
 * is the reader's choice, held by the facet (see OptionFacet), so it survives navigation.
 */
export function FacetDetails({
  id,
  label,
  active,
  open,
  onToggle,
  children,
}: {
  id: string;
  label: string;
  active: boolean;
  open: boolean;
  onToggle(open: boolean): void;
  children: ReactNode;
}) {
  return (
    <details className="facet" open={open || undefined} onToggle={(event) => onToggle(event.currentTarget.open)} data-facet={id}>
      <summary className="facet__summary">
        <span className="facet__label">{label}</span>
        {active && <span className="facet__badge">filtered</span>}
      </summary>
      {open && children}
    </details>
  );
}

/** Removes every filter on the facet's question. */
export function ClearFacetButton({ questionId }: { questionId: string }) {
  const navigation = useViewNavigation();
  if (!navigation) return null;
  return (
    <button type="button" className="link-button small" onClick={() => navigation.go(removeFilter(navigation.nav.state, questionId))}>
      Clear
    </button>
  );
}
