'use client';

import { useState } from 'react';

/** Copies the page's address (which holds the whole view) for sharing; says so, or says how to do it by hand. */
export function CopyLinkButton() {
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setStatus('copied');
    } catch {
      setStatus('failed');
    }
    window.setTimeout(() => setStatus('idle'), 2500);
  };
  return (
    <>
      <button type="button" className="button button--small" onClick={copy}>
        Copy link to this view
      </button>
      <span className="small muted" role="status" aria-live="polite">
        {status === 'copied' ? 'Link copied.' : status === 'failed' ? 'Could not copy: copy the address bar instead.' : ''}
      </span>
    </>
  );
}
