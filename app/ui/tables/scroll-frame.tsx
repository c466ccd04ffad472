'use client';

import { useEffect, useRef, useState, type HTMLAttributes, type ReactNode } from 'react';

interface ScrollFrameProps extends HTMLAttributes<HTMLDivElement> {
  /** Names the scrolling region for screen readers (it is focusable, so keyboard users can scroll it). */
  label: string;
  children: ReactNode;
}

/**
 * A table wider than its frame scrolls inside it, never the page: while there is more to the
 * right, the edge fades and a "scroll →" hint shows (gone once scrolled to the end). Only a
 * frame that does scroll is a tab stop and a named region — others are just a box.
 */
export function ScrollFrame({ label, children, className = 'table-scroll', ...rest }: ScrollFrameProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [overflow, setOverflow] = useState({ scrolls: false, more: false });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const scrolls = element.scrollWidth > element.clientWidth + 1;
      const more = scrolls && element.scrollLeft + element.clientWidth < element.scrollWidth - 2;
      setOverflow((previous) => (previous.scrolls === scrolls && previous.more === more ? previous : { scrolls, more }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    element.addEventListener('scroll', measure, { passive: true });
    return () => {
      observer.disconnect();
      element.removeEventListener('scroll', measure);
    };
  }, []);
  return (
    <div className="scroll-frame" data-more={overflow.more}>
      <div ref={ref} className={className} {...rest} {...(overflow.scrolls ? { tabIndex: 0, role: 'region', 'aria-label': label } : {})}>
        {children}
      </div>
      {overflow.more && (
        <span className="scroll-frame__hint" aria-hidden="true">
          scroll →
        </span>
      )}
    </div>
  );
}
