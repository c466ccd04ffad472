import Link from 'next/link';
import { formatCounted } from '@/lib/view/words/format-figure';
import type { QuestionCardData } from './question-card';
import { KindBadge } from './kind-badge';

/**
 * Questions of the page without a chart (free text, metadata, too few answers), listed compactly
 * instead of as empty chart cards.
 */
export function UnchartedList({ cards, responsesHref }: { cards: readonly QuestionCardData[]; responsesHref: string }) {
  if (cards.length === 0) return null;
  return (
    <section className="card" aria-labelledby="uncharted-heading">
      <h3 id="uncharted-heading">Not charted on this page</h3>
      <p className="muted small">
        Free text and response metadata are never aggregated, the survey’s weight is how the figures are read rather than a question (its own page charts it),
        and questions with too few answers have their figures withheld. Read the answers in the <Link href={responsesHref}>responses table</Link>.
      </p>
      <ul className="uncharted-list">
        {cards.map((card) => (
          <li key={card.id}>
            <code>{card.id}</code>
            <Link href={card.href} prefetch={false}>
              {card.label}
            </Link>
            <KindBadge kind={card.kind} />
            <span className="muted small">{card.kind === 'text' || card.kind === 'meta' ? formatCounted(card.answered, 'answer') : card.reason}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
