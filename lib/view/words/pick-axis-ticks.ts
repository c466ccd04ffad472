/** Evenly spaced axis ticks whose last one clears the longest bar (percentages, so never past 100). */
export function pickAxisTicks(values: number[]): number[] {
  const max = Math.max(0, ...values);
  const step = max > 50 ? 20 : max > 20 ? 10 : max > 5 ? 5 : 1;
  const end = Math.min(100, Math.max(step, Math.ceil(max / step) * step));
  return Array.from({ length: Math.floor(end / step) + 1 }, (_, index) => Math.min(100, index * step));
}
