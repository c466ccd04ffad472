import type { ChartData } from '@/lib/view/figures/build-chart-data';
import { formatFigure } from '@/lib/view/words/format-figure';
import { SERIES_COLORS } from './chart-config';

/**
 * What the colours and marks of a comparison or trend mean: one swatch per series with its
 * base, small bases greyed and labelled, and the significance marks in words.
 */
export function ChartLegend({ data, significanceMethod }: { data: ChartData; significanceMethod?: string }) {
  const grouped = data.series.length > 1;
  const marked = data.categories.some((category) => category.cells.some((cell) => cell.significance));
  if (!grouped && !marked) return null;
  return (
    <div className="chart-legend">
      {grouped && (
        <ul className="chart-legend__series">
          {data.series.map((series, s) => (
            <li key={series.key} className={series.unreliable ? 'chart-legend__item chart-legend__item--unreliable' : 'chart-legend__item'}>
              <span
                className="chart-legend__swatch"
                style={{ background: SERIES_COLORS[s % SERIES_COLORS.length], opacity: series.unreliable ? 0.45 : 1 }}
                aria-hidden="true"
              />
              {series.label}{' '}
              <span className="muted">
                (n = {series.base === null ? 'withheld' : formatFigure(series.base, 'count')}
                {series.unreliable ? ', small base: read with care' : ''})
              </span>
            </li>
          ))}
        </ul>
      )}
      {grouped && data.seriesKind === 'segment' && (
        <p className="small muted">
          ▲ / ▼: significantly higher / lower than the rest of the selection at the 5% level, Holm-corrected over the whole table
          {significanceMethod ? ` (${significanceMethod})` : ''}.{data.overlapping && ' Respondents could choose several of these, so segments overlap.'}
        </p>
      )}
      {data.suppressedSeries.length > 0 && (
        <p className="small muted">
          Not shown (fewer respondents than the dataset’s threshold): {data.suppressedSeries.map((name) => `“${name}”`).join(', ')}.
        </p>
      )}
    </div>
  );
}
