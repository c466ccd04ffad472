import type { GridPoint } from '@/lib/view/figures/build-grid-view';

/**
 * The answers of a grid's scale in scale order, as swatches (read into chart downloads); answers
 * off the scale are listed last and said to be drawn apart.
 */
export function GridLegend({ scale, neutralIndex }: { scale: readonly GridPoint[]; neutralIndex?: number }) {
  const neutral = neutralIndex === undefined ? undefined : scale.filter((point) => !point.offScale)[neutralIndex];
  const off = scale.filter((point) => point.offScale);
  return (
    <div className="chart-legend">
      <ul className="chart-legend__series grid-legend" aria-label="Answers, in scale order">
        {scale.map((point) => (
          <li key={point.key} className={point.offScale ? 'chart-legend__item grid-legend__off' : 'chart-legend__item'}>
            <span className="chart-legend__swatch" style={{ background: point.fill }} aria-hidden="true" />
            {point.label}
          </li>
        ))}
      </ul>
      {(neutral || off.length > 0) && (
        <p className="small muted">
          {neutral && `Bars are centred on “${neutral.label}”: answers below it run left, answers above it right. `}
          {off.length > 0 &&
            `${off.map((point) => `“${point.label}”`).join(' and ')} ${off.length === 1 ? 'is' : 'are'} not on the scale: drawn apart, in grey, at the end of each bar.`}
        </p>
      )}
    </div>
  );
}
