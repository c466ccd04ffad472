import type { CSSProperties } from 'react';
import type { CrosstabCellView, CrosstabTableView } from '@/lib/view/figures/build-crosstab-view';
import { roundPercent } from '@/lib/analysis/round-shares';
import { formatFigure } from '@/lib/view/words/format-figure';
import { ScrollFrame } from './scroll-frame';
import { SignificanceMark } from './significance-mark';

function describeCell(cell: CrosstabCellView, intervalName: string): string | undefined {
  if (cell.percent === null) return undefined;
  const parts = [`${formatFigure(cell.count ?? NaN, 'count')} respondents`];
  if (cell.low !== null && cell.high !== null)
    parts.push(`${intervalName} ${formatFigure(roundPercent(cell.low / 100), 'percent')}–${formatFigure(roundPercent(cell.high / 100), 'percent')}`);
  if (cell.significance) parts.push(`significantly ${cell.significance} than the rest of the row`);
  if (cell.unreliable) parts.push('small base: read with care');
  return parts.join('; ');
}

function Cell({ cell, total, intervalName }: { cell: CrosstabCellView; total: boolean; intervalName: string }) {
  if (cell.suppressed || cell.percent === null) {
    return (
      <td className="num crosstab__cell crosstab__cell--withheld">
        <span className="visually-hidden">withheld</span>
      </td>
    );
  }
  const style = { '--shade': cell.shade } as CSSProperties;
  return (
    <td
      className={`num crosstab__cell${total ? ' crosstab__cell--total' : ''}${cell.unreliable ? ' crosstab__cell--unreliable' : ''}`}
      style={style}
      title={describeCell(cell, intervalName)}
    >
      <span className="crosstab__value">
        {formatFigure(cell.percent, 'percent')}
        <SignificanceMark significance={cell.significance} />
      </span>
      <span className="crosstab__count">{formatFigure(cell.count ?? NaN, 'count')}</span>
    </td>
  );
}

/**
 * One crosstab: the row question's options down the side, the banner's across (the total
 * first), each cell its percentage over its count, shaded by size (one hue, so it reads in
 * every kind of colour vision; the numbers are always printed), and the test line under it.
 */
export function CrosstabTable({ view, id, percentLabel }: { view: CrosstabTableView; id: string; percentLabel: string }) {
  return (
    <figure className="crosstab" id={id}>
      <ScrollFrame label={`${view.rowQuestion.label} by ${view.columnQuestion.label}`}>
        <table className="data-table crosstab__table">
          <caption>
            {view.rowQuestion.label} <span className="muted">by</span> {view.columnQuestion.label} <span className="muted small">({percentLabel})</span>
          </caption>
          <thead>
            <tr>
              <th scope="col">{view.rowQuestion.label}</th>
              {view.columns.map((column) => (
                <th scope="col" className="num" key={column.key}>
                  {column.label}
                  <span className="th-note">n = {column.base === null ? 'withheld' : formatFigure(column.base, 'count')}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.rows.map((row) => (
              <tr key={row.key}>
                <th scope="row" className="option-cell">
                  {row.label}
                </th>
                {row.cells.map((cell, c) => (
                  <Cell key={view.columns[c].key} cell={cell} total={c === 0} intervalName={view.intervalName} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollFrame>
      <figcaption className="crosstab__test small">{view.test}</figcaption>
    </figure>
  );
}
