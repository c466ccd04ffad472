'use client';

import { useSyncExternalStore } from 'react';
import { readThemeChoice, THEME_CHOICES, THEME_KEY, type ThemeChoice } from './theme-script';

const CHANGED = 'survey-lens:theme-changed';

const LABELS: Record<ThemeChoice, string> = { light: 'Light', dark: 'Dark', system: 'System' };

/** Another tab's choice (storage) or this one's (CHANGED) re-reads the store. */
function subscribe(onChange: () => void) {
  const onStorage = (event: StorageEvent) => {
    if (event.key !== THEME_KEY) return;
    document.documentElement.setAttribute('data-theme', readThemeChoice());
    onChange();
  };
  window.addEventListener('storage', onStorage);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener('storage', onStorage);
    window.removeEventListener(CHANGED, onChange);
  };
}

function choose(choice: ThemeChoice) {
  try {
    if (choice === 'system') localStorage.removeItem(THEME_KEY);
    else localStorage.setItem(THEME_KEY, choice);
  } catch {
    // Storage refused (private mode, policy): the choice lasts until the page is left.
  }
  document.documentElement.setAttribute('data-theme', choice);
  window.dispatchEvent(new Event(CHANGED));
}

function ThemeIcon({ choice }: { choice: ThemeChoice }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      {choice === 'light' && (
        <g fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round">
          <circle cx="8" cy="8" r="3" />
          <path d="M8 1v1.5M8 13.5V15M1 8h1.5M13.5 8H15M3 3l1 1M12 12l1 1M3 13l1-1M12 4l1-1" />
        </g>
      )}
      {choice === 'dark' && <path d="M13.5 10A6 6 0 0 1 6 2.5a6 6 0 1 0 7.5 7.5z" fill="currentColor" />}
      {choice === 'system' && (
        <g>
          <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path d="M8 2a6 6 0 0 1 0 12z" fill="currentColor" />
        </g>
      )}
    </svg>
  );
}

/**
 * Light, dark, or the system's choice, kept in localStorage. The inline script in the root
 * layout applies it before the first paint; the server renders "system" pressed, and the
 * stored choice takes over once hydrated (useSyncExternalStore, so no hydration mismatch).
 */
export function ThemeToggle() {
  const current = useSyncExternalStore(subscribe, readThemeChoice, () => 'system' as ThemeChoice);
  return (
    <div className="theme-toggle" role="group" aria-label="Colour theme">
      {THEME_CHOICES.map((choice) => (
        <button
          key={choice}
          type="button"
          className="theme-toggle__button"
          aria-pressed={current === choice}
          onClick={() => choose(choice)}
          title={`${LABELS[choice]} theme`}
        >
          <ThemeIcon choice={choice} />
          <span className="theme-toggle__label">{LABELS[choice]}</span>
        </button>
      ))}
    </div>
  );
}
