import Link from 'next/link';
import type { ShownFinding } from '@/lib/view/figures/findings-page';
import { formatFigure } from '@/lib/view/words/format-figure';

interface FindingListProps {
  items: readonly ShownFinding[];
  /** The two sides of every item's shares, in their order: ["Selected", "Rest"], or the earlier wave and the later one. */
  sides: readonly [string, string];
  /** The rank of the first item (a later page starts at 51). */
  start?: number;
  /** The overview's card: sentences only, no bars. */
  compact?: boolean;
}

/** Two thin bars, the finding's share over the other one: the gap at a glance (the sentence carries the figures, so they are hidden from screen readers). */
function ShareGap({ shares, sides }: { shares: NonNullable<ShownFinding['shares']>; sides: readonly [string, string] }) {
  return (
    <span className="share-gap" aria-hidden="true">
      {shares.values.map((share, s) => (
        <span key={sides[s]} className={`share-gap__row${s === shares.subject ? ' share-gap__row--subject' : ''}`}>
          <span className="share-gap__label">{sides[s]}</span>
          <span className="share-gap__track">
            <span className="share-gap__bar" style={{ width: `${Math.min(100, Math.max(0, share))}%` }} />
          </span>
          <span className="share-gap__value">{formatFigure(share, 'percent')}</span>
        </span>
      ))}
    </span>
  );
}

/** Findings, strongest first: each one sentence linking to the question page that shows it, with ▲/▼ for its direction. */
export function FindingList({ items, sides, start = 1, compact = false }: FindingListProps) {
  return (
    <ol className={`finding-list${compact ? ' finding-list--compact' : ''}`} start={start}>
      {items.map((item) => (
        <li key={item.key} className="finding">
          <span className={`finding__mark sig sig--${item.direction}`} aria-hidden="true">
            {item.direction === 'higher' ? '▲' : '▼'}
          </span>
          <span className="finding__body">
            <Link className="finding__link" href={item.href} prefetch={false}>
              {item.sentence}
            </Link>
            {!compact && item.shares && <ShareGap shares={item.shares} sides={sides} />}
          </span>
        </li>
      ))}
    </ol>
  );
}
