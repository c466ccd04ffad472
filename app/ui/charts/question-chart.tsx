'use client';

import type { ChartCategory, ChartData } from '@/lib/view/figures/build-chart-data';
import { binRangeOf, toggleBinFilter } from '@/lib/view/figures/bin-range';
import { toggleFilterValue } from '@/lib/view/state/change-view';
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
    navigation
      ? (category: ChartCategory) => {
          const { state } = navigation.nav;
          if (data.measure !== 'bin')
            return navigation.go(toggleFilterValue(state, data.questionId, category.key, data.measure === 'ranked_first' ? 'first' : 'in'));
          const keys = data.categories.map((c) => c.key);
          navigation.go(toggleBinFilter(state, data.questionId, binRangeOf(keys, keys.indexOf(category.key))));
        }
      : undefined,
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
