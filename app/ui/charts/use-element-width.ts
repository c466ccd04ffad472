'use client';

import { useEffect, useRef, useState } from 'react';

/**
 * The rendered width of an element, 0 until mounted. Charts draw at a measured width instead
 * of a percentage so label wrapping can be computed from it, and the server renders only the
 * reserved box (no chart SVG that would then differ on hydration).
 */
export function useElementWidth<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(Math.floor(element.getBoundingClientRect().width));
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry.contentRect.width)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}
