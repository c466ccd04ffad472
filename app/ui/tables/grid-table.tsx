import Link from 'next/link';
import type { GridCell, GridPanel, GridPoint, GridView } from '@/lib/view/figures/build-grid-view';
import { roundPercent } from '@/lib/analysis/round-shares';
import { formatFigure } from '@/lib/view/words/format-figure';
import { ScrollFrame } from './scroll-frame';
import { SignificanceMark } from './significance-mark';

interface GridTableProps {
  view: Pick<GridView, 'scale' | 'ordered' | 'meanLabel' | 'top2Label' | 'bottom2Label' | 'intervalName'>;
  panel: GridPanel;
  caption: string;
  /** Per row question id: its own page under the view. */
  rowHrefs: Record<string, string>;
}

const percentOf = (value: number | null) => (value === null ? '–' : formatFigure(roundPercent(value / 100), 'percent'));

function ShareCell({ cell, point, intervalName }: { cell: GridCell; point: GridPoint; intervalName: string }) {
  if (cell.percent === null) return <td className="num muted">withheld</td>;
  const interval = cell.low === null || cell.high === null ? '' : `; ${intervalName} ${percentOf(cell.low)} – ${percentOf(cell.high)}`;
  return (
    <td
      className={`num${point.offScale ? ' grid-table__off' : ''}${cell.active ? ' grid-table__active' : ''}`}
      title={`${formatFigure(cell.count ?? NaN, 'count')} respondents${interval}`}
    >
      {formatFigure(cell.percent, 'percent')}
      <SignificanceMark significance={cell.significance} />
      <span className="grid-table__n">{formatFigure(cell.count ?? NaN, 'count')}</span>
    </td>
  );
}

/**
 * A grid as one table: a row per row question (linked to its own page), the share and count of
 * each answer in scale order, the row's base, and for an ordered scale its top-2, bottom-2 and
 * mean score — the figures of the CSV download, row for row.
 */
export function GridTable({ view, panel, caption, rowHrefs }: GridTableProps) {
  const scored = view.ordered && view.meanLabel !== undefined;
  return (
    <ScrollFrame label={caption}>
      <table className="data-table grid-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Row</th>
            {view.scale.map((point) => (
              <th scope="col" className="num" key={point.key}>
                <span className="chart-legend__swatch" style={{ background: point.fill }} aria-hidden="true" /> {point.label}
                {point.offScale && <span className="th-note">not on the scale</span>}
              </th>
            ))}
            <th scope="col" className="num">
              Base<span className="th-note">answered</span>
            </th>
            {scored && view.top2Label && (
              <th scope="col" className="num">
                Top 2<span className="th-note">{view.top2Label}</span>
              </th>
            )}
            {scored && view.bottom2Label && (
              <th scope="col" className="num">
                Bottom 2<span className="th-note">{view.bottom2Label}</span>
              </th>
            )}
            {scored && (
              <th scope="col" className="num">
                Mean score<span className="th-note">{view.meanLabel?.replace(/^Mean score /, '')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {panel.rows.map((row) => (
            <tr key={row.questionId} data-question={row.questionId}>
              <th scope="row" className="option-cell">
                <Link href={rowHrefs[row.questionId]} prefetch={false}>
                  {row.label}
                </Link>
                {row.unreliable && <span className="th-note">small base: read with care</span>}
              </th>
              {row.cells.map((cell, index) => (
                <ShareCell key={view.scale[index].key} cell={cell} point={view.scale[index]} intervalName={view.intervalName} />
              ))}
              <td className="num">{row.withheld ? 'withheld' : formatFigure(row.base ?? NaN, 'count')}</td>
              {scored && view.top2Label && <td className="num">{percentOf(row.score?.top2 ?? null)}</td>}
              {scored && view.bottom2Label && <td className="num">{percentOf(row.score?.bottom2 ?? null)}</td>}
              {scored && <td className="num">{row.score?.mean == null ? '–' : formatFigure(row.score.mean, 'rank')}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollFrame>
  );
}
