/**
 * The arithmetic attacks use to read an exact count back from a published figure that was
 * computed from one: a 4-decimal weighted sum, a mean's digits, a percentage's digits. Each
 * searches a small window of candidates around the published (perturbed) count, so a figure that
 * is honestly derived from the perturbed count gives the perturbed count back, not the true one.
 */

/** How far from the published count the true one may be: the noise is −2…+2 today; a margin for a wider one. */
export const WINDOW = 4;

export function candidatesAround(published, { min = 1 } = {}) {
  const list = [];
  for (let c = Math.max(min, Math.round(published) - WINDOW); c <= Math.round(published) + WINDOW; c++) list.push(c);
  return list;
}

/** Whether x is a whole multiple of `unit` (a weight's 4th decimal, a salary's dollar), up to the printed digits. */
export function isMultipleOf(x, unit, relative = 1e-10) {
  const scaled = x / unit;
  return Math.abs(scaled - Math.round(scaled)) <= Math.max(1e-6, Math.abs(scaled) * relative);
}

/**
 * Weights have 4 decimals, so a true weighted sum does too. A weighted count published as
 * (perturbed count) × (true mean weight) gives the true count c as the one candidate for which
 * weighted / published × c is a 4-decimal number. Null when no candidate or several fit.
 */
export function countFromWeights(published, weighted, unit = 1e-4) {
  if (!(published > 0) || !(weighted > 0)) return null;
  const fits = candidatesAround(published).filter((c) => isMultipleOf((weighted / published) * c, unit));
  return fits.length === 1 ? fits[0] : null;
}

/**
 * A mean of whole numbers (salaries in dollars, years, scale points, ranks) is S / n: the count is
 * the candidate n for which mean × n is whole. Candidates around the published base; null when
 * none or several fit.
 */
export function countFromMean(mean, published) {
  if (typeof mean !== 'number' || !Number.isFinite(mean) || !(published > 0)) return null;
  const fits = candidatesAround(published).filter((n) => isMultipleOf(mean * n, 1, 1e-11));
  return fits.length === 1 ? fits[0] : null;
}

/**
 * Percentages of one table over one total: the total N is the candidate for which every
 * percentage × N / 100 is whole; then each cell's count is that product. Candidates are whole
 * numbers within `spread` of the published total.
 */
export function totalFromShares(shares, publishedTotal, spread = 3 * WINDOW) {
  const usable = shares.filter((share) => typeof share === 'number' && share > 0);
  if (usable.length === 0 || !(publishedTotal > 0)) return null;
  const fits = [];
  for (let n = Math.max(1, publishedTotal - spread); n <= publishedTotal + spread; n++)
    if (usable.every((share) => isMultipleOf((share * n) / 100, 1, 1e-9))) fits.push(n);
  return fits.length === 1 ? fits[0] : null;
}
