'use client';

import Link from 'next/link';
import type { CSSProperties } from 'react';
import type { ChartCell, ChartData } from '@/lib/view/figures/build-chart-data';
import { roundPercent } from '@/lib/analysis/round-shares';
import { formatFigure } from '@/lib/view/words/format-figure';
import type { RankingDetail } from '@/lib/view/figures/ranking-details';
import { toggleCategoryFilter } from '@/lib/view/figures/toggle-category';
import { writeViewQuery } from '@/lib/view/state/write-view-query';
import { useViewNavigation } from '../filters/view-navigation';
import { ScrollFrame } from './scroll-frame';
import { SignificanceMark } from './significance-mark';

/** What a figure table says besides its figures: chosen on the server, for the figures' kind. */
export interface FigureTableWords {
  caption: string;
  optionHeader: string;
  percentHeader: string;
  intervalMethod: string;
  /** Each row links to the view with its option toggled as a filter (keyboard users' way to click a bar). */
  filterable: boolean;
  /** Ranking questions: ranked at all and mean rank per item. */
  ranking?: Record<string, RankingDetail>;
}

interface FigureTableProps extends FigureTableWords {
  data: ChartData;
}

function interval(cell: ChartCell): string {
  if (cell.percent === null || cell.low === null || cell.high === null) return '–';
  return `${formatFigure(roundPercent(cell.low / 100), 'percent')} – ${formatFigure(roundPercent(cell.high / 100), 'percent')}`;
}

function Share({ cell, bar = true }: { cell: ChartCell; bar?: boolean }) {
  if (cell.percent === null) return <span className="muted">withheld</span>;
  // The bar is drawn by CSS from --share (globals.css): decoration, so nothing for a screen reader.
  const style = bar ? ({ '--share': `${Math.min(100, Math.max(0, cell.percent))}%` } as CSSProperties) : undefined;
  return (
    <span className={bar ? 'share-cell share-cell--bar' : 'share-cell'} style={style}>
      <span className="share-cell__value">
        {formatFigure(cell.percent, 'percent')}
        <SignificanceMark significance={cell.significance} title={`Significantly ${cell.significance} than the rest of the selection`} />
      </span>
    </span>
  );
}

function FilterToggle({ href, active, label }: { href: string; active: boolean; label: string }) {
  return (
    <Link className="row-filter" href={href} scroll={false} prefetch={false} aria-label={active ? `Remove the filter on ${label}` : `Filter to ${label}`}>
      {active ? 'Remove filter' : 'Filter'}
    </Link>
  );
}

/**
 * Every option with its figures: for one series, count, share and interval (and, for rankings,
 * ranked at all and mean rank); for a comparison or a trend, one column per series with its
 * base. Each row can toggle its option as a filter. Drawn in the browser from the data the chart
 * is drawn from (and on the server for the first paint, so it reads without JavaScript): the
 * figures are sent once, not as a tree of rows beside the chart's data (issue 25).
 */
export function FigureTable({ data, caption, optionHeader, percentHeader, intervalMethod, filterable, ranking }: FigureTableProps) {
  const navigation = useViewNavigation();
  const nav = navigation?.nav;
  // The query alone: each row's link stays on this page, so it need not spell out the page's path (issue 25).
  const filterHref =
    filterable && nav ? (key: string) => writeViewQuery(toggleCategoryFilter(nav.state, data, key), nav.defaults, nav.kind) || nav.path : undefined;
  const single = data.series.length === 1;
  return (
    <ScrollFrame label={caption}>
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{optionHeader}</th>
            {single ? (
              <>
                <th scope="col" className="num">
                  Count
                </th>
                <th scope="col" className="num">
                  {percentHeader}
                </th>
                <th scope="col" className="num" title={`Interval method: ${intervalMethod}`}>
                  {data.intervalName}
                </th>
                {ranking && (
                  <th scope="col" className="num">
                    Ranked at all
                  </th>
                )}
                {ranking && (
                  <th scope="col" className="num">
                    Mean rank
                  </th>
                )}
              </>
            ) : (
              data.series.map((series) => (
                <th scope="col" className="num" key={series.key}>
                  {series.label}
                  <span className="th-note">
                    n = {series.base === null ? 'withheld' : formatFigure(series.base, 'count')}
                    {series.unreliable ? ' (small)' : ''}
                  </span>
                </th>
              ))
            )}
            {filterHref && (
              <th scope="col">
                <span className="visually-hidden">Filter</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {data.categories.map((category) => {
            const detail = ranking?.[category.key];
            return (
              <tr key={category.key} className={category.active ? 'row--active' : undefined}>
                <th scope="row" className="option-cell">
                  {category.label}
                </th>
                {single ? (
                  <>
                    <td className="num">{formatFigure(category.cells[0].count ?? NaN, 'count')}</td>
                    <td className="num">
                      <Share cell={category.cells[0]} />
                    </td>
                    <td className="num muted">{interval(category.cells[0])}</td>
                    {ranking && <td className="num">{formatFigure(detail?.rankedAtAll ?? NaN, 'count')}</td>}
                    {ranking && <td className="num">{formatFigure(detail?.meanRank ?? NaN, 'rank')}</td>}
                  </>
                ) : (
                  category.cells.map((cell, s) => (
                    <td
                      className="num"
                      key={data.series[s].key}
                      title={
                        cell.percent === null
                          ? undefined
                          : `${formatFigure(cell.count ?? NaN, 'count')} of ${formatFigure(cell.base ?? NaN, 'count')}; ${data.intervalName} ${interval(cell)}`
                      }
                    >
                      <Share cell={cell} bar={false} />
                    </td>
                  ))
                )}
                {filterHref && (
                  <td>
                    <FilterToggle href={filterHref(category.key)} active={category.active} label={category.label} />
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollFrame>
  );
}
