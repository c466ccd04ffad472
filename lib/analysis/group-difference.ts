import { tCritical, tTwoSidedP, zCritical } from './distributions';
import { testSegmentAgainstRest, type GroupTally, type ProportionTest } from './proportion-tests';
import { raoScottOfCells, type CellTallies } from './rao-scott';
import type { Tally } from './tally';
import type { MeanEstimate } from './weighted-mean';

/** A group's figure against another's: the difference (group − other), its interval and its two-sided test. */
export interface GroupDifference {
  difference: number;
  low: number;
  high: number;
  /** z, t, or the Rao–Scott F (weighted shares). */
  statistic: number;
  /** null for the normal (z) test; the F's denominator df for Rao–Scott. */
  df: number | null;
  p: number;
  method: string;
}

export const MEAN_TEST_METHOD = {
  welch: "Welch's two-sample t-test (R t.test)",
  design: 'design-based t-test (R survey svyttest)',
} as const;

const share = (group: GroupTally) => group.option.count / group.base.count;

/**
 * The interval of a difference in shares, as R prints it beside the test: for the pooled z-test,
 * prop.test(correct = FALSE)'s Wald interval on the unpooled standard error √(p₁q₁/n₁ + p₂q₂/n₂)
 * (the test pools, the interval does not); for a design-based test, svyttest's confint of the
 * svyglm coefficient, difference ± t(df)·SE.
 */
export function shareDifferenceInterval(test: ProportionTest, a: GroupTally, b: GroupTally, level = 0.95): { low: number; high: number } {
  let half: number;
  if (test.df === null) {
    const [p1, p2] = [share(a), share(b)];
    half = zCritical(level) * Math.sqrt((p1 * (1 - p1)) / a.base.count + (p2 * (1 - p2)) / b.base.count);
  } else half = tCritical(test.df, level) * test.standardError;
  return Number.isFinite(half) ? { low: test.difference - half, high: test.difference + half } : { low: NaN, high: NaN };
}

/**
 * The 2 × 2 of chose / did not × group / rest from the two sides' tallies (count, Σw, Σw²), as
 * Rao–Scott reads a domain's cells.
 */
function twoByTwo(group: GroupTally, rest: GroupTally): CellTallies {
  const cell = (pick: (tally: Tally) => number) =>
    Float64Array.of(pick(group.option), pick(rest.option), pick(group.base) - pick(group.option), pick(rest.base) - pick(rest.option));
  return { count: cell((t) => t.count), sumW: cell((t) => t.sumW), sumW2: cell((t) => t.sumW2), n: group.base.count + rest.base.count };
}

/**
 * A group's share against the rest of one sample, with the difference and the interval R gives
 * with svyttest or prop.test. The p-value: unweighted, the pooled two-proportion z-test (R's
 * prop.test(correct = FALSE)); weighted, the Rao–Scott F on the 2 × 2 (R's svychisq(~y + g,
 * subset(design, in base)), lib/analysis/rao-scott), which is the same Pearson X² corrected for the
 * design: like prop.test it reads the variance under the null (pooled), where svyttest, a Wald
 * test, reads each side's own. With a share of 11% in groups of 250, svyttest's p falls under
 * 0.0001 thirteen times as often as it should when labels are dealt at random (Rao–Scott: as
 * often as it should, like prop.test), and a scan's false discovery control reads exactly those
 * small p-values (tests/unit/analysis/findings-calibration).
 */
export function compareShares(group: GroupTally, rest: GroupTally, weighted: boolean, surveySize: number, level = 0.95): GroupDifference {
  const test = testSegmentAgainstRest(group, rest, weighted, surveySize);
  const { low, high } = shareDifferenceInterval(test, group, rest, level);
  if (!weighted) return { difference: test.difference, low, high, statistic: test.statistic, df: test.df, p: test.p, method: test.method };
  const raoScott = raoScottOfCells(twoByTwo(group, rest), 2, 2, surveySize);
  return { difference: test.difference, low, high, statistic: raoScott.statistic, df: raoScott.ddf, p: raoScott.p, method: raoScott.method };
}

/**
 * A group's mean against the rest's, from each side's estimateMean (lib/analysis/weighted-mean).
 * Unweighted: Welch's t (R's t.test(x, y)), SE² = s₁²/n₁ + s₂²/n₂ = the two means' SE², df by
 * Welch–Satterthwaite. Weighted: R's svyttest(x ~ g, subset(svydesign(ids = ~1, weights = ~w),
 * answered)): svyglm's linearised variance is N/(N − 1)·Σz² over both groups, which is the sum of
 * the two domain means' SE² when both were estimated with the whole file's N (estimateMean's
 * surveySize); df = svyglm's residual df, n₁ + n₂ − 2. Both give difference ± t(df)·SE as interval.
 */
export function compareMeans(group: MeanEstimate, rest: MeanEstimate, weighted: boolean, level = 0.95): GroupDifference {
  const difference = group.mean - rest.mean;
  const [v1, v2] = [group.standardError ** 2, rest.standardError ** 2];
  const standardError = Math.sqrt(v1 + v2);
  const df = weighted ? group.n + rest.n - 2 : (v1 + v2) ** 2 / (v1 ** 2 / (group.n - 1) + v2 ** 2 / (rest.n - 1));
  const statistic = standardError > 0 ? difference / standardError : NaN;
  const half = tCritical(df, level) * standardError;
  const defined = Number.isFinite(statistic) && Number.isFinite(half);
  return {
    difference,
    low: defined ? difference - half : NaN,
    high: defined ? difference + half : NaN,
    statistic,
    df,
    p: defined ? tTwoSidedP(statistic, df) : NaN,
    method: weighted ? MEAN_TEST_METHOD.design : MEAN_TEST_METHOD.welch,
  };
}
