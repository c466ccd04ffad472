import Link from 'next/link';

interface PagerProps {
  label: string;
  status: string;
  firstHref?: string;
  previousHref?: string;
  nextHref?: string;
  lastHref?: string;
}

function PagerLink({ href, rel, label, text }: { href?: string; rel?: string; label?: string; text: string }) {
  if (!href) {
    return (
      <span className="button" aria-disabled="true">
        {text}
      </span>
    );
  }
  return (
    <Link className="button" href={href} rel={rel} prefetch={false} aria-label={label}>
      {text}
    </Link>
  );
}

/** First / previous / next / last as links (paging works without JavaScript); hrefs are built by the page. */
export function Pager({ label, status, firstHref, previousHref, nextHref, lastHref }: PagerProps) {
  return (
    <nav className="pager" aria-label={label}>
      {firstHref !== undefined || lastHref !== undefined ? <PagerLink href={firstHref} label="First page" text="|←" /> : null}
      <PagerLink href={previousHref} rel="prev" text="← Previous" />
      <span className="pager__status">{status}</span>
      <PagerLink href={nextHref} rel="next" text="Next →" />
      {firstHref !== undefined || lastHref !== undefined ? <PagerLink href={lastHref} label="Last page" text="→|" /> : null}
    </nav>
  );
}
