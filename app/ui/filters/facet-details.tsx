'use client';

import { useState, type ReactNode } from 'react';
import { removeFilter } from '@/lib/view/state/change-view';
import { useViewNavigation } from './view-navigation';

/**
 * A facet's disclosure. Open or closed is the reader's choice and survives navigation (the
 * state is keyed by the facet), so a facet does not snap shut when its last option is unticked.
 */
export function FacetDetails({
  id,
  label,
  active,
  initiallyOpen,
  children,
}: {
  id: string;
  label: string;
  active: boolean;
  initiallyOpen: boolean;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <details className="facet" open={open || undefined} onToggle={(event) => setOpen(event.currentTarget.open)} data-facet={id}>
      <summary className="facet__summary">
        <span className="facet__label">{label}</span>
        {active && <span className="facet__badge">filtered</span>}
      </summary>
      {children}
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
