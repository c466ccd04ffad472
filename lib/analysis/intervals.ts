import { tCritical, zCritical } from './distributions';

export interface Interval {
  low: number;
  high: number;
}

/**
 * Wilson score interval for an unweighted proportion (Wilson 1927; recommended over the Wald
 * interval by Brown, Cai & DasGupta 2001): it stays inside [0, 1] and keeps its coverage for
 * small bases and shares near 0 or 100%, which survey tables are full of.
 */
export function wilsonInterval(count: number, base: number, level = 0.95): Interval {
  if (base <= 0) return { low: NaN, high: NaN };
  const z = zCritical(level);
  const p = count / base;
  const z2n = (z * z) / base;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z * Math.sqrt((p * (1 - p)) / base + z2n / (4 * base))) / (1 + z2n);
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** A weighted share, its linearised variance, and the unweighted base n it rests on. */
export interface WeightedShare {
  share: number;
  variance: number;
  n: number;
}

/**
 * Interval for a weighted proportion: R's svyciprop(method = "logit") for svydesign(ids = ~1,
 * weights = ~w) — a Wald interval on the logit scale with t(n − 1) critical values, mapped back.
 * Chosen because it matches what analysts get from R, stays within [0, 1], and behaves near 0/1.
 * A share of exactly 0 or 1 has no logit: the interval collapses to that point.
 */
export function logitInterval({ share, variance, n }: WeightedShare, level = 0.95): Interval {
  if (!(n > 1) || Number.isNaN(share)) return { low: NaN, high: NaN };
  if (share <= 0 || share >= 1) return { low: share, high: share };
  const logit = Math.log(share / (1 - share));
  const se = Math.sqrt(variance) / (share * (1 - share));
  const t = tCritical(n - 1, level);
  const expit = (x: number) => 1 / (1 + Math.exp(-x));
  return { low: expit(logit - t * se), high: expit(logit + t * se) };
}

/** Kish's effective sample size (Σw)² / Σw²: the unweighted base with the same precision. */
export function kishEffectiveBase(weights: Iterable<number>): number {
  let sum = 0;
  let squares = 0;
  for (const w of weights) {
    sum += w;
    squares += w * w;
  }
  return squares > 0 ? (sum * sum) / squares : 0;
}
