import type { NumericQuestion, Selection } from '../survey/types';
import { hasBit } from '../survey/bitset';
import { toBucket, type Bucket } from './bucket';

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

/** Linear interpolation between order statistics (R's default, type 7), on sorted values. */
export function quantileSorted(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** A 1-2-5 step ("nice" numbers) so bin edges read 0, 20k, 40k rather than 0, 17.3k, 34.6k. */
export function niceStep(span: number, targetBins: number): number {
  if (!(span > 0)) return 1;
  const raw = span / targetBins;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const normalised = raw / magnitude;
  const nice = normalised <= 1 ? 1 : normalised <= 2 ? 2 : normalised <= 5 ? 5 : 10;
  return nice * magnitude;
}

function formatEdge(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e6) return `${+(value / 1e6).toFixed(2)}M`;
  if (abs >= 1e4) return `${+(value / 1e3).toFixed(1)}k`;
  return `${+value.toFixed(4)}`;
}

/**
 * Bins span the 1st–99th percentile with nice edges, and the outermost bins are open-ended, so
 * one $10M salary does not squash everyone else into a single bar. Blanks (NaN) are skipped.
 */
function histogram(sorted: Float64Array, targetBins = 12): Bucket[] {
  if (sorted.length === 0) return [];
  const low = quantileSorted(sorted, 0.01);
  const high = quantileSorted(sorted, 0.99);
  const step = niceStep(high - low, targetBins);
  const start = Math.floor(low / step) * step;
  const binCount = Math.max(1, Math.ceil((high - start) / step + 1e-9));
  const counts = new Array<number>(binCount).fill(0);
  for (const value of sorted) counts[Math.min(binCount - 1, Math.max(0, Math.floor((value - start) / step)))]++;
  return counts.map((count, b) => {
    const from = start + b * step;
    const to = from + step;
    const label =
      b === 0 && sorted[0] < from ? `< ${formatEdge(to)}` : b === binCount - 1 && sorted[sorted.length - 1] >= to ? `≥ ${formatEdge(from)}` : `${formatEdge(from)}–${formatEdge(to)}`;
    return toBucket(String(from), label, count, sorted.length);
  });
}

export function describeNumeric(question: NumericQuestion, selection: Selection): NumericSummary {
  const picked: number[] = [];
  for (let i = 0; i < selection.size; i++) {
    const value = question.values[i];
    if (!Number.isNaN(value) && hasBit(selection.bits, i)) picked.push(value);
  }
  const sorted = Float64Array.from(picked).sort();
  const count = sorted.length;
  const mean = count > 0 ? sorted.reduce((sum, value) => sum + value, 0) / count : NaN;
  return {
    count,
    mean,
    min: count > 0 ? sorted[0] : NaN,
    q1: quantileSorted(sorted, 0.25),
    median: quantileSorted(sorted, 0.5),
    q3: quantileSorted(sorted, 0.75),
    max: count > 0 ? sorted[count - 1] : NaN,
    bins: histogram(sorted),
  };
}
