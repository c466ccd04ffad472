import Link from 'next/link';
import { CopyLinkButton } from './copy-link-button';

export interface SentencePart {
  text: string;
  /** The same view without this part. */
  removeHref: string;
}

interface FilterSentenceProps {
  /** “1,204 of 6,400 respondents” */
  selection: string;
  parts: readonly SentencePart[];
  clearHref?: string;
  /** “compared by Region”, with the view without the comparison. */
  comparison?: SentencePart;
}

/**
 * The view in words, above the figures: who is counted, each filter with its own remove button,
 * and “clear all”. Plain links, so it works before the page's scripts load and from the keyboard.
 */
export function FilterSentence({ selection, parts, clearHref, comparison }: FilterSentenceProps) {
  return (
    <section className="filter-sentence" aria-label="Current view">
      <p className="filter-sentence__text">
        <strong>{selection}</strong>
        {parts.length > 0 ? ' where ' : ' (no filters)'}
        {parts.map((part, index) => (
          <span key={part.text}>
            {index > 0 && ' and '}
            <span className="chip">
              {part.text}
              <Link className="chip__remove" href={part.removeHref} scroll={false} aria-label={`Remove filter: ${part.text}`} prefetch={false}>
                ×
              </Link>
            </span>
          </span>
        ))}
        {comparison && (
          <>
            {', '}
            <span className="chip chip--compare">
              {comparison.text}
              <Link className="chip__remove" href={comparison.removeHref} scroll={false} aria-label={`Stop comparing: ${comparison.text}`} prefetch={false}>
                ×
              </Link>
            </span>
          </>
        )}
      </p>
      <p className="filter-sentence__actions">
        {clearHref && (
          <Link className="link-button small" href={clearHref} scroll={false} prefetch={false}>
            Clear all filters
          </Link>
        )}
        <CopyLinkButton />
      </p>
    </section>
  );
}
