import type { GridChartData } from '@/lib/view/figures/build-grid-view';
import { formatFigure } from '@/lib/view/words/format-figure';
import type { DisplayMode } from '@/lib/view/state/view-state';
import { FigureSwitch } from '../charts/figure-switch';
import { GridChart } from '../charts/grid-chart';
import { GridLegend } from '../charts/grid-legend';
import { ScrollFrame } from '../tables/scroll-frame';
import { CardFrame } from './card-frame';

export interface GridCardData {
  id: string;
  label: string;
  href: string;
  rows: number;
  chart?: GridChartData;
  /** Why nothing is drawn (every row withheld). */
  reason?: string;
  /** What the bars are a share of, and the rows' bases. */
  note: string;
}

/** The card's figures as a small table: rows × answers, the same percentages as the bars. */
function CardTable({ chart, label }: { chart: GridChartData; label: string }) {
  return (
    <ScrollFrame label={`${label}: table`}>
      <table className="data-table data-table--compact">
        <caption className="visually-hidden">{label}</caption>
        <thead>
          <tr>
            <th scope="col">Row</th>
            {chart.scale.map((point) => (
              <th scope="col" className="num" key={point.key}>
                {point.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {chart.rows.map((row) => (
            <tr key={row.questionId}>
              <th scope="row">{row.label}</th>
              {row.cells.map((cell, index) => (
                <td className="num" key={chart.scale[index].key}>
                  {cell.percent === null ? 'withheld' : formatFigure(cell.percent, 'percent')}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollFrame>
  );
}

/** A grid on the overview: one card for all its rows, a stacked bar each, instead of a card per row. */
export function GridCard({ card, display }: { card: GridCardData; display: DisplayMode }) {
  const meta = (
    <>
      <span className="badge badge--kind" title="Question kind: grid">
        Grid
      </span>
      <span>{card.rows} rows</span>
    </>
  );
  return (
    <CardFrame className="card question-card grid-card" id={card.id} label={card.label} href={card.href} meta={meta} note={card.note}>
      {card.chart ? (
        <FigureSwitch
          key={display}
          label={card.label}
          initial={display}
          chart={
            <>
              <GridChart data={card.chart} variant="compact" />
              <GridLegend scale={card.chart.scale} neutralIndex={card.chart.neutralIndex} />
            </>
          }
          table={<CardTable chart={card.chart} label={card.label} />}
        />
      ) : (
        <p className="not-charted">{card.reason}</p>
      )}
    </CardFrame>
  );
}
