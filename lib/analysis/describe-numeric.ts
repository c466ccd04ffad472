import type { NumericQuestion, Selection } from '../survey/types';
import { toBucket, type Bucket } from './bucket';
import { quantileSorted } from './quantiles';
import { binIndex, numericBins, sortedValues, type NumericBin } from './numeric-bins';

export { niceStep, quantileSorted } from './quantiles';

export interface NumericSummary {
  count: number;
  mean: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  bins: Bucket[];
}

/** Count, mean, quartiles (type 7), extremes and a histogram; blanks (NaN) are skipped, never zero. */
export function describeNumeric(question: NumericQuestion, selection: Selection, bins: NumericBin[] = numericBins(question, selection)): NumericSummary {
  const sorted = sortedValues(question, selection);
  const count = sorted.length;
  const counts = new Array<number>(bins.length).fill(0);
  if (bins.length > 0) for (const value of sorted) counts[binIndex(bins, value)]++;
  return {
    count,
    mean: count > 0 ? sorted.reduce((sum, value) => sum + value, 0) / count : NaN,
    min: count > 0 ? sorted[0] : NaN,
    q1: quantileSorted(sorted, 0.25),
    median: quantileSorted(sorted, 0.5),
    q3: quantileSorted(sorted, 0.75),
    max: count > 0 ? sorted[count - 1] : NaN,
    bins: bins.map((bin, b) => toBucket(bin.value, bin.label, counts[b], count)),
  };
}
