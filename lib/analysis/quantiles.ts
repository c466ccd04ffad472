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
