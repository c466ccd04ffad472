import type { ChartData } from '@/lib/view/build-chart-data';
import type { ChartVariant } from './chart-config';
import { HorizontalBarChart } from './bar-chart';
import { HistogramChart } from './histogram-chart';

interface QuestionChartProps {
  data: ChartData;
  variant: ChartVariant;
  caption?: string;
}

/** Picks the chart for what the bars measure: columns for a numeric distribution, horizontal bars otherwise. */
export function QuestionChart({ data, variant, caption }: QuestionChartProps) {
  return (
    <figure className="chart">
      {data.measure === 'histogram' ? <HistogramChart data={data} variant={variant} /> : <HorizontalBarChart data={data} variant={variant} />}
      {caption && <figcaption className="chart__caption">{caption}</figcaption>}
    </figure>
  );
}
