import { roundPercent } from '@/lib/analysis/round-shares';
import { formatFigure } from '@/lib/view/format-figure';

export interface OptionRow {
  label: string;
  count: number;
  /** Display percentage of the base. */
  percent: number;
  /** Confidence interval of the share (0–1), NaN when there is none (histogram bins). */
  low?: number;
  high?: number;
  /** The codebook leaves this option out of the base ("Other", "Prefer not to say"). */
  excludedFromBase?: boolean;
}

const hasInterval = (row: OptionRow) => Number.isFinite(row.low) && Number.isFinite(row.high);

function formatInterval(row: OptionRow): string {
  if (!hasInterval(row)) return '–';
  return `${formatFigure(roundPercent(row.low!), 'percent')} – ${formatFigure(roundPercent(row.high!), 'percent')}`;
}

interface OptionTableProps {
  caption: string;
  optionHeader: string;
  percentHeader: string;
  rows: readonly OptionRow[];
  /** e.g. "95% interval"; the column is left out when no row has an interval. */
  intervalHeader?: string;
  /** How the interval was computed (Wilson, or R survey's logit for weighted shares), shown on hover. */
  intervalMethod?: string;
}

/** Every option with its count and share of the base: the chart's numbers, in full, with full labels. */
export function OptionTable({ caption, optionHeader, percentHeader, rows, intervalHeader, intervalMethod }: OptionTableProps) {
  const showInterval = intervalHeader !== undefined && rows.some(hasInterval);
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{optionHeader}</th>
            <th scope="col" className="num">
              Count
            </th>
            <th scope="col" className="num">
              {percentHeader}
            </th>
            {showInterval && (
              <th scope="col" className="num" title={intervalMethod && `Interval method: ${intervalMethod}`}>
                {intervalHeader}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={`${index}-${row.label}`}>
              <th scope="row" style={{ fontWeight: 400 }}>
                {row.label}
                {row.excludedFromBase && <span className="muted small"> (not in the base)</span>}
              </th>
              <td className="num">{formatFigure(row.count, 'count')}</td>
              <td className="num">
                <span className="share-cell">
                  <span className="share-cell__bar" aria-hidden="true">
                    <span style={{ width: `${Math.min(100, Math.max(0, row.percent))}%` }} />
                  </span>
                  <span className="share-cell__value">{formatFigure(row.percent, 'percent')}</span>
                </span>
              </td>
              {showInterval && <td className="num muted">{formatInterval(row)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
