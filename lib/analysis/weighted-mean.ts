import { forEachSelected } from './selection';
import { tCritical } from './distributions';

export interface MeanEstimate {
  mean: number;
  low: number;
  high: number;
  /** Respondents with a value (blanks are no answer, never zero). */
  n: number;
  standardError: number;
}

export interface MeanOptions {
  weights?: Float64Array;
  /** Respondents in the whole file: the domain's variance keeps the full sample's N/(N − 1). */
  surveySize: number;
  level?: number;
  /** Codes where 0 means "no answer" (a ranking's ranks): read as NaN without copying the array. */
  zeroIsMissing?: boolean;
}

/**
 * Calls `visit(i)` for each respondent in `bits` who gave a value (NaN, or 0 when `zeroIsMissing`,
 * is no answer). Two passes over the bits — sums, then squared deviations — cost less than
 * copying every answer into arrays first (a mean rank per item of a 100,000-respondent ranking).
 */
function forEachAnswered(values: ArrayLike<number>, bits: Uint32Array, zeroIsMissing: boolean, visit: (i: number) => void): void {
  forEachSelected(bits, (i) => {
    const value = values[i];
    if (!(Number.isNaN(value) || (zeroIsMissing && value === 0))) visit(i);
  });
}

/**
 * Mean of values (NaN = no answer, skipped) over the respondents in `bits` (bit i of word i >>> 5),
 * weighted when weights are given, with a t interval on n − 1 degrees of freedom.
 *
 * Unweighted: the sample mean, sd with n − 1, standard error sd/√n (as the ranking's mean rank).
 * Weighted: R's svymean(~x, subset(svydesign(ids = ~1, weights = ~w), !is.na(x) & in domain)):
 * the ratio Σwx/Σw, linearised, SE² = N/(N − 1)·Σ w²(x − mean)² / (Σw)² with N the whole file.
 * svymean's confint() uses the normal by default; we use confint(…, df = degf(domain)), i.e.
 * t(n − 1), so that a mean's interval is built like our share intervals (svyciprop, t(n − 1)).
 */
export function estimateMean(values: ArrayLike<number>, bits: Uint32Array, options: MeanOptions): MeanEstimate {
  const weights = options.weights;
  const zeroIsMissing = options.zeroIsMissing ?? false;
  let n = 0;
  let sumW = 0;
  let sumWX = 0;
  forEachAnswered(values, bits, zeroIsMissing, (i) => {
    const weight = weights ? weights[i] : 1;
    n++;
    sumW += weight;
    sumWX += weight * values[i];
  });
  const mean = n > 0 && sumW > 0 ? sumWX / sumW : NaN;
  if (!(n > 1) || Number.isNaN(mean)) return { mean, low: NaN, high: NaN, n, standardError: NaN };
  let squares = 0;
  forEachAnswered(values, bits, zeroIsMissing, (i) => {
    const deviation = (weights ? weights[i] : 1) * (values[i] - mean);
    squares += deviation * deviation;
  });
  let variance: number;
  if (!weights) variance = squares / (n - 1) / n;
  else {
    const size = Math.max(options.surveySize, n);
    variance = ((size / (size - 1)) * squares) / (sumW * sumW);
  }
  const standardError = Math.sqrt(variance);
  const half = tCritical(n - 1, options.level ?? 0.95) * standardError;
  return { mean, low: mean - half, high: mean + half, n, standardError };
}
