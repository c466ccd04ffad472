/**
 * Holm's step-down adjustment (Holm 1979): controls the family-wise error rate like Bonferroni
 * but rejects more. Same result as R's p.adjust(p, "holm"). NaN p-values are left NaN and not counted.
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  const order = pValues
    .map((p, index) => ({ p, index }))
    .filter(({ p }) => !Number.isNaN(p))
    .sort((a, b) => a.p - b.p);
  const m = order.length;
  const adjusted = pValues.map(() => NaN);
  let running = 0;
  order.forEach(({ p, index }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[index] = running;
  });
  return adjusted;
}
