'use client';

import Link from 'next/link';

/** Shown for unexpected failures; never the stack or the server's message, only its reference. */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && 'digest' in error ? String((error as Error & { digest?: string }).digest ?? '') : '';
  return (
    <section className="card" role="alert" aria-labelledby="error-title">
      <h1 id="error-title">Something went wrong</h1>
      <p className="lead">
        This page could not be shown. Trying again often helps; if it keeps happening, the data files may have changed while they were being read.
      </p>
      {digest && <p className="muted small">Reference: {digest}</p>}
      <div className="toolbar">
        <button type="button" className="button button--primary" onClick={() => retry()}>
          Try again
        </button>
        <Link className="button" href="/">
          Back to all datasets
        </Link>
      </div>
    </section>
  );
}
