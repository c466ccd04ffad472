'use client';

import type { GridChartData, GridRow } from '@/lib/view/figures/build-grid-view';
import { toggleFilterValue } from '@/lib/view/state/change-view';
import { useViewNavigation } from '../filters/view-navigation';
import type { ChartVariant } from './chart-config';
import { StackedBarChart } from './stacked-bar-chart';
import { useSteadyHandler } from './use-steady-handler';

interface GridChartProps {
  data: GridChartData;
  variant: ChartVariant;
  /** A panel's title and key (a segment of a comparison). */
  title?: string;
  segment?: string;
  caption?: string;
}

/**
 * A grid's chart whose answers are filters: a click on one answer of one row adds “that row is
 * that answer” to the view, a click on a filtered one removes it — as on a question's bars.
 */
export function GridChart({ data, variant, title, segment, caption }: GridChartProps) {
  const navigation = useViewNavigation();
  const onSelect = useSteadyHandler(
    navigation
      ? (row: GridRow, index: number) => navigation.go(toggleFilterValue(navigation.nav.state, row.questionId, data.scale[index].key, 'in'))
      : undefined,
  );
  return (
    <figure className="chart grid-chart" data-question={data.gridId} data-segment={segment}>
      {title && <figcaption className="grid-chart__title">{title}</figcaption>}
      <StackedBarChart data={data} variant={variant} onSelect={onSelect} />
      {caption && <p className="chart__caption">{caption}</p>}
    </figure>
  );
}
