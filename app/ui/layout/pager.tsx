import Link from 'next/link';

interface PagerProps {
  label: string;
  status: string;
  previousHref?: string;
  nextHref?: string;
}

/** Previous / next as links (paging works without JavaScript); hrefs are built by the page. */
export function Pager({ label, status, previousHref, nextHref }: PagerProps) {
  return (
    <nav className="pager" aria-label={label}>
      {previousHref ? (
        <Link className="button" href={previousHref} rel="prev" prefetch={false}>
          ← Previous
        </Link>
      ) : (
        <span className="button" aria-disabled="true">
          ← Previous
        </span>
      )}
      <span className="pager__status">{status}</span>
      {nextHref ? (
        <Link className="button" href={nextHref} rel="next" prefetch={false}>
          Next →
        </Link>
      ) : (
        <span className="button" aria-disabled="true">
          Next →
        </span>
      )}
    </nav>
  );
}
