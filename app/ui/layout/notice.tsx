import type { ReactNode } from 'react';

type Tone = 'info' | 'warning' | 'error' | 'synthetic';

/** A boxed message. Errors are announced (role="alert"); the rest are plain notes. */
export function Notice({ tone = 'info', title, children }: { tone?: Tone; title?: string; children?: ReactNode }) {
  return (
    <div className={`notice notice--${tone}`} role={tone === 'error' ? 'alert' : 'note'}>
      {title && <p className="notice__title">{title}</p>}
      {children}
    </div>
  );
}

/** What was wrong with the URL and what is shown instead (never an error page for a bad parameter). */
export function UrlNotes({ notes }: { notes: readonly string[] }) {
  if (notes.length === 0) return null;
  return (
    <Notice tone="warning" title="Some of the address could not be used">
      {notes.map((note) => (
        <p key={note}>{note}</p>
      ))}
    </Notice>
  );
}
