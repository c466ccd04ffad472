'use client';

import { useCallback, useEffect, useRef, useState } from 'react';

/** The layout where the filters are a drawer; keep in step with the media query in globals.css. */
const NARROW = '(max-width: 900px)';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

/**
 * A drawer that behaves as a modal dialog while open: focus moves to its first control (the
 * close button) and stays inside (Tab wraps), Escape or the close button shuts it, and focus
 * returns to the button that opened it. Widening the window past the drawer layout shuts it.
 */
export function useDrawer<Panel extends HTMLElement, Opener extends HTMLElement>() {
  const [open, setOpen] = useState(false);
  const panel = useRef<Panel>(null);
  const opener = useRef<Opener>(null);
  const close = useCallback(() => {
    setOpen(false);
    opener.current?.focus();
  }, []);
  useEffect(() => {
    if (!open) return;
    const element = panel.current;
    element?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        close();
        return;
      }
      if (event.key !== 'Tab' || !element) return;
      const focusable = [...element.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((item) => item.getClientRects().length > 0);
      const first = focusable[0];
      const last = focusable.at(-1);
      if (!first || !last) return;
      const inside = element.contains(document.activeElement);
      if (event.shiftKey && (document.activeElement === first || !inside)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (document.activeElement === last || !inside)) {
        event.preventDefault();
        first.focus();
      }
    };
    const media = window.matchMedia(NARROW);
    const onMedia = () => !media.matches && setOpen(false);
    document.addEventListener('keydown', onKey);
    media.addEventListener('change', onMedia);
    return () => {
      document.removeEventListener('keydown', onKey);
      media.removeEventListener('change', onMedia);
    };
  }, [open, close]);
  return { open, show: () => setOpen(true), close, panel, opener };
}
