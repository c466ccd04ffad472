'use client';

import { createContext, useCallback, useContext, useMemo, useTransition, type ReactNode } from 'react';
import { useRouter } from 'next/navigation';
import type { ViewDefaults, ViewState } from '@/lib/view/state/view-state';
import { writeViewQuery, type PageKind } from '@/lib/view/state/write-view-query';

/** What a client control needs to turn a changed state into a URL: plain data, handed over by the page. */
export interface ViewNav {
  /** The page's path, e.g. /state-of-engineers/questions/role. */
  path: string;
  kind: PageKind;
  state: ViewState;
  defaults: ViewDefaults;
}

interface ViewNavigation {
  nav: ViewNav;
  hrefFor(next: ViewState): string;
  /** Navigates to the changed view (a history entry, so Back undoes it), keeping the scroll position. */
  go(next: ViewState): void;
  pending: boolean;
}

const Context = createContext<ViewNavigation | null>(null);

/** Shares the page's view with its controls (sidebar, chart clicks, pickers) and shows when a change is on its way. */
export function ViewNavigationProvider({ nav, children }: { nav: ViewNav; children: ReactNode }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const hrefFor = useCallback((next: ViewState) => `${nav.path}${writeViewQuery(next, nav.defaults, nav.kind)}`, [nav]);
  const go = useCallback(
    (next: ViewState) => {
      performance.mark('survey-lens:view-change');
      startTransition(() => router.push(hrefFor(next), { scroll: false }));
    },
    [router, hrefFor],
  );
  const value = useMemo(() => ({ nav, hrefFor, go, pending }), [nav, hrefFor, go, pending]);
  return (
    <Context.Provider value={value}>
      <div className="view-progress" role="progressbar" aria-label="Updating the figures" aria-hidden={!pending} data-active={pending} />
      <div aria-busy={pending || undefined}>{children}</div>
    </Context.Provider>
  );
}

export function useViewNavigation(): ViewNavigation | null {
  return useContext(Context);
}
