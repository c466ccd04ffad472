import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import gammainc from '@stdlib/math-base-special-gammainc';
import betainc from '@stdlib/math-base-special-betainc';

/**
 * Distribution functions come from stdlib-js (accurate, maintained) rather than hand-rolled
 * series: the tests compare our intervals and p-values with R's to 1e-6.
 */

/** Two-sided critical value of the standard normal for a confidence level (1.959964 for 0.95). */
export function zCritical(level = 0.95): number {
  return normalQuantile(1 - (1 - level) / 2, 0, 1);
}

/** Two-sided critical value of Student's t with `df` degrees of freedom. */
export function tCritical(df: number, level = 0.95): number {
  return df > 0 ? tQuantile(1 - (1 - level) / 2, df) : NaN;
}

/** Two-sided p-value of a z statistic. */
export function normalTwoSidedP(z: number): number {
  return 2 * normalCdf(-Math.abs(z), 0, 1);
}

/** Two-sided p-value of a t statistic with `df` degrees of freedom, as R's 2 · pt(−|t|, df). */
export function tTwoSidedP(t: number, df: number): number {
  return df > 0 ? 2 * tCdf(-Math.abs(t), df) : NaN;
}

/** P(χ²_df ≥ x): the upper regularized gamma function, precise even for tiny p-values. */
export function chiSquareUpperP(x: number, df: number): number {
  if (!(df > 0)) return NaN;
  if (x <= 0) return 1;
  return gammainc(x / 2, df / 2, true, true);
}

/**
 * P(F_(d1, d2) ≥ x), R's pf(x, d1, d2, lower.tail = FALSE), for real (non-integer) df as
 * Rao–Scott's. As R does, the regularized incomplete beta is taken on whichever side keeps the
 * argument away from 1, so that p-values far in the tail stay precise (not 1 − cdf).
 */
export function fUpperP(x: number, d1: number, d2: number): number {
  if (!(d1 > 0) || !(d2 > 0) || Number.isNaN(x)) return NaN;
  if (x <= 0) return 1;
  if (x === Infinity) return 0;
  return d1 * x > d2 ? betainc(d2 / (d2 + d1 * x), d2 / 2, d1 / 2, true, false) : betainc((d1 * x) / (d2 + d1 * x), d1 / 2, d2 / 2, true, true);
}
