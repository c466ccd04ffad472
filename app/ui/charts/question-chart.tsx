'use client';

import type { ChartCategory, ChartData } from '@/lib/view/figures/build-chart-data';
import { toggleCategoryFilter } from '@/lib/view/figures/toggle-category';
import { useViewNavigation } from '../filters/view-navigation';
import type { ChartVariant } from './chart-config';
import { HorizontalBarChart } from './bar-chart';
import { HistogramChart } from './histogram-chart';
import { useSteadyHandler } from './use-steady-handler';

interface QuestionChartProps {
  data: ChartData;
  variant: ChartVariant;
  caption?: string;
}

/**
 * Picks the chart for what the bars measure — columns for one numeric distribution, horizontal
 * bars otherwise — and makes its bars filters: a click on an option (or a ranked item, or a bin)
 * adds it to the view, a click on a filtered one removes it.
 */
export function QuestionChart({ data, variant, caption }: QuestionChartProps) {
  const navigation = useViewNavigation();
  const onSelect = useSteadyHandler(
    navigation ? (category: ChartCategory) => navigation.go(toggleCategoryFilter(navigation.nav.state, data, category.key)) : undefined,
  );
  const histogram = data.measure === 'bin' && data.series.length === 1;
  return (
    <figure className="chart" data-question={data.questionId}>
      {histogram ? (
        <HistogramChart data={data} variant={variant} onSelect={onSelect} />
      ) : (
        <HorizontalBarChart data={data} variant={variant} onSelect={onSelect} />
      )}
      {caption && <figcaption className="chart__caption">{caption}</figcaption>}
    </figure>
  );
}
