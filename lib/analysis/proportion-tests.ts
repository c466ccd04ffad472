import type { Tally } from './tally';
import { normalTwoSidedP, tTwoSidedP } from './distributions';

/** Respondents choosing the option, and the base, in one group. */
export interface GroupTally {
  option: Tally;
  base: Tally;
}

export interface ProportionTest {
  /** p_a − p_b (shares 0..1; weighted shares when weighted). */
  difference: number;
  standardError: number;
  /** z or t; NaN (never ±Infinity) when the standard error is 0 or a group is empty. */
  statistic: number;
  /** null for the normal (z) test. */
  df: number | null;
  /** Two-sided. */
  p: number;
  method: string;
}

export const PROPORTION_TEST_METHOD = {
  pooled: 'two-proportion z-test (pooled)',
  segment: 'design-based t-test (R survey svyttest)',
  waves: 'design-based t-test, waves as strata (R survey svyttest)',
} as const;

/**
 * The classic pooled two-proportion z-test on unweighted counts (equal to R's
 * prop.test(correct = FALSE), whose X-squared is z²). Both uses below keep it unweighted so that
 * existing figures (the crosstab's cell marks) do not change.
 */
function pooledZTest(a: GroupTally, b: GroupTally): ProportionTest {
  const [n1, n2] = [a.base.count, b.base.count];
  if (n1 === 0 || n2 === 0) return finishTest(NaN, NaN, null, PROPORTION_TEST_METHOD.pooled);
  const pooled = (a.option.count + b.option.count) / (n1 + n2);
  const difference = a.option.count / n1 - b.option.count / n2;
  const standardError = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  return finishTest(difference, standardError, null, PROPORTION_TEST_METHOD.pooled);
}

/**
 * A weighted share and Σ z_i² of its influence values z_i = w_i(y_i − p)/W over the group's
 * base (y = chose the option), before the n/(n − 1) factor. Closed form from the tallies:
 * Σ w²(y − p)² = (1 − p)²·Σ_option w² + p²·Σ_(base − option) w².
 * A share of exactly 0 or 1 (told by the counts) has no spread: taken exactly, so that rounding
 * in separately accumulated sums cannot leave a tiny variance (and a spurious huge statistic).
 */
function linearisedShare({ option, base }: GroupTally): { share: number; squares: number } {
  if (base.count === 0 || !(base.sumW > 0)) return { share: NaN, squares: NaN };
  if (option.count === 0 || option.count === base.count) return { share: option.count === 0 ? 0 : 1, squares: 0 };
  const share = option.sumW / base.sumW;
  const squares = ((1 - share) ** 2 * option.sumW2 + share ** 2 * (base.sumW2 - option.sumW2)) / (base.sumW * base.sumW);
  return { share, squares };
}

/** n/(n − 1) of an ids = ~1 design with n respondents (the whole file, not the domain). */
function finiteFactor(surveySize: number, base: number): number {
  const n = Math.max(surveySize, base);
  return n > 1 ? n / (n - 1) : NaN;
}

function finishTest(difference: number, standardError: number, df: number | null, method: string): ProportionTest {
  const statistic = standardError > 0 ? difference / standardError : NaN;
  const p = df === null ? normalTwoSidedP(statistic) : tTwoSidedP(statistic, df);
  return { difference, standardError, statistic, df, p, method };
}

/**
 * A segment against the REST of the same selection (both groups are domains of ONE sample of
 * size surveySize). Weighted, it is R's svyttest(y ~ g, subset(svydesign(ids = ~1, weights =
 * ~w), in base)): svyglm's linearisation, where the coefficient of g is p_a − p_b with influence
 * values w(y − p_a)/W_a in the segment and −w(y − p_b)/W_b in the rest, and the variance is
 * N/(N − 1)·Σ z² with N the whole file (subset() keeps out-of-domain rows at weight 0; the
 * z sum to 0, so centring changes nothing). df = degf − 1 = n_base − 2 (svyglm's residual df).
 */
export function testSegmentAgainstRest(segment: GroupTally, rest: GroupTally, weighted: boolean, surveySize: number): ProportionTest {
  if (!weighted) return pooledZTest(segment, rest);
  const a = linearisedShare(segment);
  const b = linearisedShare(rest);
  const n = segment.base.count + rest.base.count;
  const variance = finiteFactor(surveySize, n) * (a.squares + b.squares);
  return finishTest(a.share - b.share, Math.sqrt(variance), n - 2, PROPORTION_TEST_METHOD.segment);
}

/**
 * Two independent samples (e.g. two survey waves): wave a's domain vs wave b's domain; sizes
 * are each wave's full sample size. Unweighted: the pooled two-proportion z-test, as for
 * segments. Weighted: the waves are the strata of one stacked design, as R's svyttest(y ~ wave,
 * subset(svydesign(ids = ~1, strata = ~wave, weights = ~w, data = stacked), in base)); each
 * stratum keeps its own n_h/(n_h − 1) with n_h that wave's full size. R's df is svyglm's residual
 * df: degf (n_base − 2 strata) − 1 = n_base_a + n_base_b − 3.
 */
export function testIndependentSamples(a: GroupTally & { surveySize: number }, b: GroupTally & { surveySize: number }, weighted: boolean): ProportionTest {
  if (!weighted) return pooledZTest(a, b);
  const first = linearisedShare(a);
  const second = linearisedShare(b);
  const variance = finiteFactor(a.surveySize, a.base.count) * first.squares + finiteFactor(b.surveySize, b.base.count) * second.squares;
  return finishTest(first.share - second.share, Math.sqrt(variance), a.base.count + b.base.count - 3, PROPORTION_TEST_METHOD.waves);
}
