import { formatFigure } from '@/lib/view/format-figure';

export interface RankingRow {
  label: string;
  first: number;
  firstPercent: number;
  ranked: number;
  meanRank: number;
}

/** Ranked items: how many put each first (and the share), how many ranked it at all, and its mean rank. */
export function RankingTable({ caption, rows }: { caption: string; rows: readonly RankingRow[] }) {
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col" className="num">
              Ranked first
            </th>
            <th scope="col" className="num">
              % ranked first
            </th>
            <th scope="col" className="num">
              Ranked at all
            </th>
            <th scope="col" className="num">
              Mean rank
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={`${index}-${row.label}`}>
              <th scope="row" style={{ fontWeight: 400 }}>
                {row.label}
              </th>
              <td className="num">{formatFigure(row.first, 'count')}</td>
              <td className="num">{formatFigure(row.firstPercent, 'percent')}</td>
              <td className="num">{formatFigure(row.ranked, 'count')}</td>
              <td className="num">{formatFigure(row.meanRank, 'rank')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
