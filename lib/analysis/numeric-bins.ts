import type { NumericQuestion, Selection } from '../survey/types';
import { hasBit } from '../survey/bitset';
import { niceStep, quantileSorted } from './describe-numeric';

export interface NumericBin {
  value: string;
  label: string;
  /** Lower edge (inclusive) and upper edge (exclusive); the outer bins are open-ended. */
  from: number;
  to: number;
}

function formatEdge(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e6) return `${+(value / 1e6).toFixed(2)}M`;
  if (abs >= 1e4) return `${+(value / 1e3).toFixed(1)}k`;
  return `${+value.toFixed(4)}`;
}

/**
 * Bin edges for a numeric question, fixed from one selection so that segments and waves are
 * binned alike: nice 1-2-5 steps over the 1st–99th percentile, outer bins open-ended.
 */
export function numericBins(question: NumericQuestion, selection: Selection, targetBins = 10): NumericBin[] {
  const picked: number[] = [];
  question.values.forEach((value, i) => !Number.isNaN(value) && hasBit(selection.bits, i) && picked.push(value));
  if (picked.length === 0) return [];
  const sorted = Float64Array.from(picked).sort();
  const low = quantileSorted(sorted, 0.01);
  const high = quantileSorted(sorted, 0.99);
  const step = niceStep(high - low, targetBins);
  const start = Math.floor(low / step) * step;
  const count = Math.max(1, Math.ceil((high - start) / step + 1e-9));
  return Array.from({ length: count }, (_, b) => {
    const from = b === 0 ? -Infinity : start + b * step;
    const to = b === count - 1 ? Infinity : start + (b + 1) * step;
    const label = from === -Infinity && to === Infinity ? 'All values' : from === -Infinity ? `< ${formatEdge(to)}` : to === Infinity ? `≥ ${formatEdge(from)}` : `${formatEdge(from)}–${formatEdge(to)}`;
    return { value: label, label, from, to };
  });
}
