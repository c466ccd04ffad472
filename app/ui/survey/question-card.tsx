import Link from 'next/link';
import type { QuestionKind } from '@/lib/survey/types';
import type { ChartData } from '@/lib/view/build-chart-data';
import { formatFigure } from '@/lib/view/format-figure';
import type { DisplayMode } from '@/lib/view/view-state';
import { FigureSwitch } from '../charts/figure-switch';
import { QuestionChart } from '../charts/question-chart';
import { KindBadge } from './kind-badge';

export interface QuestionCardData {
  id: string;
  label: string;
  kind: QuestionKind;
  href: string;
  /** Respondents who answered, of those selected (null when withheld). */
  base: number | null;
  chart?: ChartData;
  /** Why a question is not charted (free text, metadata, a withheld base). */
  reason?: string;
  /** What the bars are a share of, and what was left out. */
  note: string;
  /** Kept for the uncharted list: free text and metadata answers, unfiltered. */
  answered: number;
}

/** The card's figures as a small table: the same numbers as the chart, for readers who prefer them. */
function CardTable({ chart, label }: { chart: ChartData; label: string }) {
  return (
    <table className="data-table data-table--compact">
      <caption className="visually-hidden">{label}</caption>
      <tbody>
        {chart.categories.map((category) => (
          <tr key={category.key}>
            <th scope="row">{category.label}</th>
            <td className="num">{category.cells[0].percent === null ? 'withheld' : formatFigure(category.cells[0].percent, 'percent')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function QuestionCard({ card, display }: { card: QuestionCardData; display: DisplayMode }) {
  const anchor = `q-${card.id.replace(/[^\w-]/g, '_')}`;
  return (
    <article className="card question-card" aria-labelledby={anchor}>
      <div className="question-card__meta">
        <code>{card.id}</code>
        <KindBadge kind={card.kind} />
      </div>
      <h3 className="question-card__title" id={anchor}>
        <Link href={card.href} prefetch={false}>
          {card.label}
        </Link>
      </h3>
      {card.chart ? (
        <FigureSwitch key={display} label={card.label} initial={display} chart={<QuestionChart data={card.chart} variant="compact" />} table={<CardTable chart={card.chart} label={card.label} />} />
      ) : (
        <p className="not-charted">{card.reason}</p>
      )}
      <div className="question-card__foot">
        <span>{card.note}</span>
        <Link href={card.href} prefetch={false} aria-label={`Details for ${card.label}`}>
          Details →
        </Link>
      </div>
    </article>
  );
}
