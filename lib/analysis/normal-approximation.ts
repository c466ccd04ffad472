/**
 * Whether a z- or t-test may read a mean (a share is the mean of a 0/1 answer) as normal: Cochran's
 * rule as refined by Sugden, Smith & Jones (2000, "Cochran's rule for simple random sampling",
 * JRSS B 62(4)), n > 28 + 25·G1², with G1 the skewness of the answers. A rare option in a small
 * group (6 of 120 expected) or a salary with a long right tail fails it, and the calibration on
 * Stack Overflow 2019 (tests/unit/analysis/findings-calibration) showed those to be where chance
 * made "findings": the tests' p-values are far too small in the deep tail that Benjamini–Hochberg
 * reads (p ≤ 0.05/m). The skewness is taken over both sides together, never from one side's
 * outcome, so leaving such comparisons out before the adjustment keeps the others' p-values valid.
 */
export function normalApproximationHolds(n: number, skewness: number): boolean {
  return Number.isFinite(skewness) && n > 28 + 25 * skewness * skewness;
}

/** Skewness of a 0/1 answer chosen with probability p: (1 − 2p)/√(p(1 − p)); infinite at 0 and 1, where nothing varies. */
export function shareSkewness(p: number): number {
  return p > 0 && p < 1 ? (1 - 2 * p) / Math.sqrt(p * (1 - p)) : Infinity;
}
