import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Page not found' };

export default function NotFound() {
  return (
    <section className="card" aria-labelledby="not-found-title">
      <p className="badge">404</p>
      <h1 id="not-found-title">Page not found</h1>
      <p className="lead">There is no page at this address. The link may be mistyped, or the dataset may have been removed.</p>
      <p>
        <Link className="button button--primary" href="/">
          Browse all datasets
        </Link>
      </p>
    </section>
  );
}
