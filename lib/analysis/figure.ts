import type { Tally } from './tally';
import { logitInterval, wilsonInterval } from './intervals';
import { perturbCount } from './cell-key';

/**
 * One figure of an aggregate: an option's respondents over a base, with its interval and
 * flags. Everything the screen and the CSV export show comes from this one shape.
 */
export interface Figure {
  value: string;
  label: string;
  /** The codebook leaves this option out of the base ("Other(s):", "Prefer not to say"). */
  excludedFromBase: boolean;
  count: number;
  base: number;
  weightedCount: number | null;
  weightedBase: number | null;
  /** count / base, or the weighted share when weights are on; full precision. */
  share: number;
  low: number;
  high: number;
  /** Base under the suppression threshold: count, share and interval must not be shown. */
  suppressed: boolean;
  /** Base under the reliability threshold: shown, flagged. */
  unreliable: boolean;
  /** The sums behind the share (count, Σw, Σw²) of the option and of the base, for tests between groups. */
  optionTally: Tally;
  baseTally: Tally;
}

/** "answered": respondents in the selection who gave any answer (how SO, Kaggle, TODO Group and SurveyMonkey publish). */
export type BaseRule = 'answered' | 'all';

export interface FigureSettings {
  baseRule: BaseRule;
  weights?: Float64Array;
  level: number;
  /** Unweighted bases below this are suppressed (default 10). */
  suppressBelow: number;
  /** Unweighted bases below this are flagged unreliable (default 30). */
  unreliableBelow: number;
  /**
   * Respondents in the whole file. A base (answered, filtered) is a domain of the sample, and R
   * estimates domains with subset(design, …): the variance keeps the full sample's n/(n−1).
   */
  surveySize?: number;
  /**
   * Public mode: each respondent's record key (lib/analysis/cell-key). Counts and bases are then
   * perturbed by their cell keys, and shares, intervals and suppression follow the perturbed counts.
   */
  recordKeys?: Uint8Array;
}

export const DEFAULT_SETTINGS: FigureSettings = { baseRule: 'answered', level: 0.95, suppressBelow: 10, unreliableBelow: 30 };

export const INTERVAL_METHOD = {
  unweighted: 'wilson',
  weighted: 'logit (R survey svyciprop, ids = ~1)',
} as const;

/**
 * A row's `ci_method`: the method, and the confidence level when it is not the default 95%
 * (`wilson, 90%`), so a download says what its intervals are.
 */
export function describeIntervalMethod(method: string, level: number): string {
  return level === DEFAULT_SETTINGS.level ? method : `${method}, ${Math.round(level * 100)}%`;
}

/** The confidence level a row's `ci_method` says (0.95 when it names none). */
export function intervalLevelOf(ciMethod: string): number {
  const stated = /, (\d+)%$/.exec(ciMethod);
  return stated ? Number(stated[1]) / 100 : DEFAULT_SETTINGS.level;
}

/** Whether rows' intervals are weighted, read from their `ci_method`. */
export function isWeightedMethod(ciMethod: string): boolean {
  return ciMethod.startsWith(INTERVAL_METHOD.weighted);
}

/**
 * Cell-key perturbation of an option and its base: counts changed by their cell keys (the same
 * respondents always get the same change), the option never above its base, weighted sums
 * scaled with their counts so a weighted share moves as the unweighted one does.
 */
function perturbTallies(option: Tally, base: Tally): { option: Tally; base: Tally } {
  const baseCount = perturbCount(base.count, base.keySum ?? 0);
  const optionCount = Math.min(perturbCount(option.count, option.keySum ?? 0), baseCount);
  const scaled = (tally: Tally, count: number): Tally =>
    tally.count === 0 ? tally : { count, sumW: (tally.sumW * count) / tally.count, sumW2: (tally.sumW2 * count) / tally.count };
  return { option: scaled(option, optionCount), base: scaled(base, baseCount) };
}

/**
 * Builds a figure from the option's tally and the base's tally. The weighted variance is
 * R survey's linearisation for a domain of an ids = ~1 design, as svyciprop computes it on
 * subset(design, in base): N/(N−1) · Σ_base w²(y − p)² / (Σ_base w)² with N the whole sample,
 * expanded with Σ w² over the option (y = 1) and over the rest of the base (y = 0); the t
 * critical value has (base − 1) degrees of freedom.
 */
export function makeFigure(value: string, label: string, excludedFromBase: boolean, trueOption: Tally, trueBase: Tally, settings: FigureSettings): Figure {
  const { option, base } = settings.recordKeys ? perturbTallies(trueOption, trueBase) : { option: trueOption, base: trueBase };
  const weighted = settings.weights !== undefined;
  let share: number;
  let interval: { low: number; high: number };
  if (!weighted) {
    share = base.count > 0 ? option.count / base.count : NaN;
    interval = wilsonInterval(option.count, base.count, settings.level);
  } else {
    share = base.sumW > 0 ? option.sumW / base.sumW : NaN;
    const n = base.count;
    const sample = Math.max(settings.surveySize ?? n, n);
    const sumSquares = (1 - share) ** 2 * option.sumW2 + share ** 2 * (base.sumW2 - option.sumW2);
    const variance = n > 1 ? ((sample / (sample - 1)) * sumSquares) / (base.sumW * base.sumW) : NaN;
    interval = logitInterval({ share, variance, n }, settings.level);
  }
  const suppressed = base.count < settings.suppressBelow;
  return {
    value,
    label,
    excludedFromBase,
    count: option.count,
    base: base.count,
    weightedCount: weighted ? option.sumW : null,
    weightedBase: weighted ? base.sumW : null,
    share,
    low: interval.low,
    high: interval.high,
    suppressed,
    unreliable: !suppressed && base.count < settings.unreliableBelow,
    optionTally: trueOption,
    baseTally: trueBase,
  };
}
