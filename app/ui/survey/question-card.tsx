import Link from 'next/link';
import type { QuestionKind } from '@/lib/survey/types';
import type { ChartData } from '@/lib/view/build-chart-data';
import { formatFigure } from '@/lib/view/format-figure';
import { QuestionChart } from '../charts/question-chart';
import { KindBadge } from './kind-badge';

export interface QuestionCardData {
  id: string;
  label: string;
  kind: QuestionKind;
  href: string;
  answered: number;
  respondents: number;
  chart?: ChartData;
  /** Why a question is not charted (free text, metadata). */
  reason?: string;
  /** What the bars are a share of, and what was left out. */
  note: string;
}

export function QuestionCard({ card }: { card: QuestionCardData }) {
  const anchor = `q-${card.id.replace(/[^\w-]/g, '_')}`;
  const answeredShare = card.respondents > 0 ? (card.answered / card.respondents) * 100 : 0;
  return (
    <article className="card question-card" aria-labelledby={anchor}>
      <div className="question-card__meta">
        <code>{card.id}</code>
        <KindBadge kind={card.kind} />
        <span>
          {formatFigure(card.answered, 'count')} answered ({formatFigure(Math.round(answeredShare * 10) / 10, 'percent')})
        </span>
      </div>
      <h3 className="question-card__title" id={anchor}>
        <Link href={card.href} prefetch={false}>
          {card.label}
        </Link>
      </h3>
      {card.chart ? <QuestionChart data={card.chart} variant="compact" /> : <p className="not-charted">{card.reason}</p>}
      <div className="question-card__foot">
        <span>{card.note}</span>
        <Link href={card.href} prefetch={false} aria-label={`Details for ${card.label}`}>
          Details →
        </Link>
      </div>
    </article>
  );
}
