'use client';

import { startTransition, useEffect, useState } from 'react';
import { useElementWidth } from './use-element-width';
import { useNoTabStops } from './use-no-tab-stops';
import { useWindowPlace } from './use-window-place';

/** What a chart box shows: its current figures, figures of an earlier view (hidden until redrawn), or nothing yet. */
export type DrawState = 'drawn' | 'stale' | 'waiting';

/**
 * The same figures keep the same object: the server sends every view's data anew, and a card
 * whose figures did not change (a question the filter does not touch) is then not redrawn.
 */
function useSameFigures<T>(data: T): T {
  const text = JSON.stringify(data);
  const [kept, setKept] = useState({ data, text });
  if (kept.text !== text) {
    setKept({ data, text });
    return data;
  }
  return kept.data;
}

/** Runs `work` when the page is idle (or after `timeout` ms at the latest); returns a cancel. */
function whenIdle(work: () => void, timeout = 400): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(work, { timeout });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(work, 50);
  return () => clearTimeout(id);
}

/**
 * Which figures a chart box draws, and when. Drawing is most of what a filter click costs (a
 * recharts chart takes tens of ms), so a box draws its figures at once only while it is in the
 * window; near it, when the page is next idle (in a transition, so a click is not held up);
 * further away, not until it comes near. A box that was drawn keeps its drawing as it scrolls
 * away, and after a filter change shows it as stale (hidden, see globals.css) until it redraws.
 * The drawing is `null` until the box has a width and a place.
 */
export function useChartDrawing<T>(data: T) {
  const [ref, width] = useElementWidth<HTMLDivElement>();
  useNoTabStops(ref);
  const place = useWindowPlace(ref);
  const figures = useSameFigures(data);
  const [drawn, setDrawn] = useState<T | null>(null);
  // In the window: drawn in this very render (remembered as drawn, React's "adjust state while rendering").
  if (place === 'window' && drawn !== figures) setDrawn(figures);
  const drawing = place === 'window' ? figures : drawn;
  useEffect(() => {
    if (place !== 'near' || drawn === figures) return;
    return whenIdle(() => startTransition(() => setDrawn(figures)));
  }, [place, figures, drawn]);
  const state: DrawState = drawing === null || width === 0 ? 'waiting' : drawing === figures ? 'drawn' : 'stale';
  return { ref, width, drawing: width > 0 ? drawing : null, state };
}
