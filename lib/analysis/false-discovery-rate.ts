/**
 * Benjamini–Hochberg q-values (Benjamini & Hochberg 1995): p_(i) · m / i, made monotone from the
 * largest p down, capped at 1. Rejecting every test with q ≤ α keeps the expected share of false
 * discoveries among the rejections at or below α (independent or positively dependent tests). Same
 * result as R's p.adjust(p, "BH"); NaN p-values stay NaN and are not counted in m, as R leaves NAs out.
 */
export function benjaminiHochbergAdjust(pValues: readonly number[]): number[] {
  const order = pValues
    .map((p, index) => ({ p, index }))
    .filter(({ p }) => !Number.isNaN(p))
    .sort((a, b) => b.p - a.p);
  const m = order.length;
  const adjusted = pValues.map(() => NaN);
  let running = 1;
  order.forEach(({ p, index }, k) => {
    running = Math.min(running, (m / (m - k)) * p);
    adjusted[index] = running;
  });
  return adjusted;
}
