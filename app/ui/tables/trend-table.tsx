import type { TrendData, TrendPoint } from '@/lib/view/figures/build-trend-data';
import { formatFigure } from '@/lib/view/words/format-figure';
import { ScrollFrame } from './scroll-frame';

const ARROW = { up: '▲', down: '▼' } as const;

function Change({ points, markOf }: { points: number | null; markOf: 'up' | 'down' | null }) {
  if (points === null) return null;
  return (
    <span className={`trend-change${markOf ? ` trend-change--${markOf}` : ''}`}>
      {Math.abs(points) < 0.05 ? '±' : points > 0 ? '+' : '−'}
      {Math.abs(points).toFixed(1)} pts
      {markOf && (
        <>
          {' '}
          {ARROW[markOf]}
          <span className="visually-hidden"> significant</span>
        </>
      )}
    </span>
  );
}

function Cell({ point }: { point: TrendPoint | null }) {
  if (!point) return <span className="muted">–</span>;
  if (point.percent === null) return <span className="muted">withheld</span>;
  return (
    <>
      <span className="trend-cell__value">{formatFigure(point.percent, 'percent')}</span>
      <Change points={point.change} markOf={point.changeMark} />
    </>
  );
}

/**
 * The trend in numbers: each option's share in each wave with its change from the wave before,
 * and the change since the first wave. Marks are significant changes (two-sample tests,
 * Holm-corrected); the legend under the table says so.
 */
export function TrendTable({ data, caption, optionHeader, testMethod }: { data: TrendData; caption: string; optionHeader: string; testMethod: string }) {
  const first = data.waves[0];
  return (
    <ScrollFrame label={caption}>
      <table className="data-table trend-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{optionHeader}</th>
            {data.waves.map((wave, w) => (
              <th scope="col" className="num" key={wave}>
                {wave}
                <span className="th-note">n = {data.bases[w] === null ? 'withheld' : formatFigure(data.bases[w] ?? NaN, 'count')}</span>
              </th>
            ))}
            {data.waves.length > 2 && (
              <th scope="col" className="num">
                Since {first}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {data.lines.map((line) => {
            const latest = line.points.at(-1);
            return (
              <tr key={line.key} className={line.active ? 'row--active' : undefined}>
                <th scope="row" className="option-cell">
                  {line.label}
                </th>
                {line.points.map((point, w) => (
                  <td className="num trend-cell" key={data.waves[w]}>
                    <Cell point={point} />
                  </td>
                ))}
                {data.waves.length > 2 && <td className="num">{latest ? <Change points={latest.changeSince} markOf={latest.changeSinceMark} /> : null}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="table-note small muted">
        Changes are in percentage points from the wave before (and since {first}). ▲ / ▼: a significant change at the 5% level, Holm-corrected over the table (
        {testMethod}).
      </p>
    </ScrollFrame>
  );
}
