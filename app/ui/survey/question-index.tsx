import Link from 'next/link';
import type { QuestionKind } from '@/lib/survey/types';
import { KIND_NAMES } from './kind-badge';

export interface QuestionIndexItem {
  id: string;
  label: string;
  kind: QuestionKind | 'grid';
  href: string;
}

/** Every question of the wave as one list of links: the way to find a question among hundreds. */
export function QuestionIndex({ items, open }: { items: readonly QuestionIndexItem[]; open: boolean }) {
  return (
    <details className="disclosure card" open={open}>
      <summary>All {items.length} questions</summary>
      <ol className="question-index">
        {items.map((item) => (
          <li key={item.id}>
            <code>{item.id}</code>
            <Link href={item.href} prefetch={false}>
              {item.label}
            </Link>{' '}
            <span className="muted small">({item.kind === 'grid' ? 'grid' : KIND_NAMES[item.kind].toLowerCase()})</span>
          </li>
        ))}
      </ol>
    </details>
  );
}
