'use client';

import { useEffect, type RefObject } from 'react';

/**
 * Recharts draws its layers into <g> elements that React portals render into; React listens
 * for focus events on every portal container, and Chromium makes an SVG element with focus
 * listeners a tab stop — five unnamed stops per chart. Marking them tabindex="-1" takes them
 * out of the Tab order; the chart stays one named image (role="img") and no tab stop at all.
 * Layers recharts adds later (a new z-index) are caught by the observer.
 */
export function useNoTabStops(ref: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const untab = () =>
      element.querySelectorAll('svg g[class^="recharts-zIndex-layer"]:not([tabindex])').forEach((group) => group.setAttribute('tabindex', '-1'));
    untab();
    const observer = new MutationObserver(untab);
    observer.observe(element, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [ref]);
}
