'use client';

import { useCallback, useLayoutEffect, useRef } from 'react';

/**
 * A handler whose identity never changes but which always calls the latest one given (or
 * undefined when none is). Chart drawings are memoized: a click handler rebuilt on every render
 * of the page (its view state changes with each filter) would redraw every chart anyway.
 */
export function useSteadyHandler<A extends unknown[]>(handler: ((...args: A) => void) | undefined): ((...args: A) => void) | undefined {
  const latest = useRef(handler);
  useLayoutEffect(() => {
    latest.current = handler;
  });
  const steady = useCallback((...args: A) => latest.current?.(...args), []);
  return handler ? steady : undefined;
}
