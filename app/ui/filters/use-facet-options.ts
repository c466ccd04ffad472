'use client';

import { useEffect, useMemo, useState } from 'react';
import type { FacetOption } from '@/lib/view/figures/build-facets';
import { unpackOptions, type PackedOptions, type SidebarFacet } from '@/lib/view/figures/pack-facets';
import { writeFacetsHref } from '@/lib/view/state/write-view-query';
import { loadFacetOptions } from './load-facet-options';
import { useViewNavigation } from './view-navigation';

interface FacetOptionsState {
  /** The options to list: the page's own, else the loaded ones (while the next load, those listed last). */
  options?: FacetOption[];
  /** How many options there are, when `options` are only those a long list shows at first. */
  total?: number;
  /** The options listed are not (yet) this view's, or not yet all of them. */
  loading: boolean;
  failed: boolean;
  retry(): void;
}

/**
 * A facet's options: sent with the page when it starts open (a long list only as far as it
 * shows at first), else — or when the reader asks for all of a long list (`all`) — asked of the
 * facets route for the view on screen. After a filter changes the view, an opened facet keeps
 * listing the counts it has until the new view's arrive, rather than blinking empty.
 */
export function useFacetOptions(facet: SidebarFacet, open: boolean, all: boolean, facetsPath: string): FacetOptionsState {
  const navigation = useViewNavigation();
  const [loaded, setLoaded] = useState<{ view: string; options: PackedOptions }>();
  const [failed, setFailed] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  const nav = navigation?.nav;
  const view = nav ? writeFacetsHref(facetsPath, nav.state, nav.defaults, nav.kind, []) : '';
  const own = facet.options && !(all && facet.options.total !== undefined) ? facet.options : undefined;
  const fresh = loaded?.view === view ? loaded.options : undefined;
  const wanted = open && !own && nav !== undefined;
  useEffect(() => {
    if (!wanted || !nav) return;
    let current = true;
    const href = (ids: readonly string[]) => writeFacetsHref(facetsPath, nav.state, nav.defaults, nav.kind, ids);
    loadFacetOptions(view, facet.id, href).then(
      (options) => current && (options ? setLoaded({ view, options }) : setFailed(view)),
      () => current && setFailed(view),
    );
    return () => {
      current = false;
    };
  }, [wanted, nav, view, facet.id, facetsPath, attempt]);
  const settled = own ?? fresh;
  // What was last listed (the page's own options included), kept on screen while the next arrive.
  const [listed, setListed] = useState(settled);
  if (settled && settled !== listed) setListed(settled);
  const packed = settled ?? listed ?? facet.options;
  const options = useMemo(() => (packed ? unpackOptions(packed) : undefined), [packed]);
  return {
    options,
    total: packed?.total,
    loading: !settled && failed !== view,
    failed: !settled && failed === view,
    retry: () => {
      setFailed(undefined);
      setAttempt(attempt + 1);
    },
  };
}
