import Link from 'next/link';

/** Unknown dataset, or a question that is not in the wave asked for. */
export default function DatasetNotFound() {
  return (
    <section className="card" aria-labelledby="not-found-title">
      <p className="badge">404</p>
      <h1 id="not-found-title">Not found</h1>
      <p className="lead">
        There is no such dataset or question. Dataset names come from folder names, and question ids from the survey file’s columns; check the spelling, or pick
        one from the list.
      </p>
      <p>
        <Link className="button button--primary" href="/">
          Browse all datasets
        </Link>
      </p>
    </section>
  );
}
