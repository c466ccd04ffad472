'use client';

import { useEffect, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';

/** Where a chart box is: in the window, within a window's height or so of it, or further away. */
export type WindowPlace = 'window' | 'near' | 'away';

/** Asked of a chart box (dispatched on its .chart__canvas) to draw its figures now, wherever it is: a download reads the drawing next. */
export const DRAW_NOW_EVENT = 'survey-lens:draw-now';

/**
 * Near: one and a half windows above and below, so a reader scrolling at a normal pace finds
 * the cards drawn (each takes tens of ms), while a page of 24 cards is not drawn all at once.
 */
const NEAR_MARGIN = '150% 0px';

type Listener = (entry: IntersectionObserverEntry) => void;

/** One observer per margin for every chart on the page (an observer per box would cost more than the boxes). */
function sharedObserver(margin: string) {
  const listeners = new Map<Element, Listener>();
  let observer: IntersectionObserver | undefined;
  return {
    watch(element: Element, listener: Listener) {
      observer ??= new IntersectionObserver((entries) => entries.forEach((entry) => listeners.get(entry.target)?.(entry)), { rootMargin: margin });
      listeners.set(element, listener);
      observer.observe(element);
      return () => {
        listeners.delete(element);
        observer?.unobserve(element);
      };
    },
  };
}

const inWindow = sharedObserver('0px');
const nearWindow = sharedObserver(NEAR_MARGIN);

/**
 * Where the element is, kept up to date as the page scrolls. Until the observers first answer (a
 * frame after mounting) it is 'away'. A print, or a DRAW_NOW_EVENT on the element, makes it
 * 'window' for good, synchronously, so what is printed or downloaded is drawn.
 */
export function useWindowPlace(ref: RefObject<HTMLElement | null>): WindowPlace {
  const [seen, setSeen] = useState({ window: false, near: false, forced: false });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const force = () => flushSync(() => setSeen((was) => ({ ...was, forced: true })));
    element.addEventListener(DRAW_NOW_EVENT, force);
    window.addEventListener('beforeprint', force);
    const stopWindow = inWindow.watch(element, (entry) => setSeen((was) => ({ ...was, window: entry.isIntersecting })));
    const stopNear = nearWindow.watch(element, (entry) => setSeen((was) => ({ ...was, near: entry.isIntersecting })));
    return () => {
      element.removeEventListener(DRAW_NOW_EVENT, force);
      window.removeEventListener('beforeprint', force);
      stopWindow();
      stopNear();
    };
  }, [ref]);
  return seen.forced || seen.window ? 'window' : seen.near ? 'near' : 'away';
}
