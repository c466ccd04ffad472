import Link from 'next/link';
import type { ReactNode } from 'react';

interface CardFrameProps {
  id: string;
  label: string;
  href: string;
  /** Badges after the id (kind, rows). */
  meta: ReactNode;
  /** The footnote: what the figures are a share of. */
  note: string;
  className: string;
  children: ReactNode;
}

/** An overview card's frame: id and badges, the title linking to the page, the figures, and the footnote with “Details →”. */
export function CardFrame({ id, label, href, meta, note, className, children }: CardFrameProps) {
  const anchor = `q-${id.replace(/[^\w-]/g, '_')}`;
  return (
    <article className={className} aria-labelledby={anchor}>
      <div className="question-card__meta">
        <code>{id}</code>
        {meta}
      </div>
      <h3 className="question-card__title" id={anchor}>
        <Link href={href} prefetch={false}>
          {label}
        </Link>
      </h3>
      {children}
      <div className="question-card__foot">
        <span>{note}</span>
        <Link href={href} prefetch={false} aria-label={`Details for ${label}`}>
          Details →
        </Link>
      </div>
    </article>
  );
}
