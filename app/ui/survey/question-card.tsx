import type { QuestionKind } from '@/lib/survey/types';
import type { ChartData } from '@/lib/view/figures/build-chart-data';
import { formatFigure } from '@/lib/view/words/format-figure';
import type { DisplayMode } from '@/lib/view/state/view-state';
import { FigureSwitch } from '../charts/figure-switch';
import { QuestionChart } from '../charts/question-chart';
import { CardFrame } from './card-frame';
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
  /** A figure read before the bars: a recommend question's Net Promoter Score. */
  headline?: { label: string; value: string; detail?: string };
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
  return (
    <CardFrame className="card question-card" id={card.id} label={card.label} href={card.href} meta={<KindBadge kind={card.kind} />} note={card.note}>
      {card.headline && (
        <p className="card-headline">
          <span className="card-headline__label">{card.headline.label}</span> <strong className="card-headline__value">{card.headline.value}</strong>
          {card.headline.detail && <span className="card-headline__detail">{card.headline.detail}</span>}
        </p>
      )}
      {card.chart ? (
        <FigureSwitch
          key={display}
          label={card.label}
          initial={display}
          chart={<QuestionChart data={card.chart} variant="compact" />}
          table={<CardTable chart={card.chart} label={card.label} />}
        />
      ) : (
        <p className="not-charted">{card.reason}</p>
      )}
    </CardFrame>
  );
}
