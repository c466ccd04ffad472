'use client';

import Link from 'next/link';

/**
 * The 404 messages. Next puts a layout's not-found element in the flight payload of every page
 * under that layout, found or not; as a client component it travels there as a reference, not
 * as its words (about 1 KB of every page, issue 25). It renders the same HTML on a real 404.
 */
function NotFoundCard({ title, lead }: { title: string; lead: string }) {
  return (
    <section className="card" aria-labelledby="not-found-title">
      <p className="badge">404</p>
      <h1 id="not-found-title">{title}</h1>
      <p className="lead">{lead}</p>
      <p>
        <Link className="button button--primary" href="/">
          Browse all datasets
        </Link>
      </p>
    </section>
  );
}

/** No page at this address. */
export function PageNotFound() {
  return <NotFoundCard title="Page not found" lead="There is no page at this address. The link may be mistyped, or the dataset may have been removed." />;
}

/** Unknown dataset, or a question that is not in the wave asked for. */
export function DatasetNotFound() {
  return (
    <NotFoundCard
      title="Not found"
      lead="There is no such dataset or question. Dataset names come from folder names, and question ids from the survey file’s columns; check the spelling, or pick one from the list."
    />
  );
}
