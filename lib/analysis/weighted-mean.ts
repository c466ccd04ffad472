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
}

/** Values (and weights, 1 when unweighted) of the respondents in `bits` who gave one. */
function answeredValues(values: ArrayLike<number>, bits: Uint32Array, weights?: Float64Array): { x: number[]; w: number[] } {
  const x: number[] = [];
  const w: number[] = [];
  for (let word = 0; word < bits.length; word++) {
    let rest = bits[word];
    while (rest !== 0) {
      const i = (word << 5) | (31 - Math.clz32(rest & -rest));
      if (!Number.isNaN(values[i])) {
        x.push(values[i]);
        w.push(weights ? weights[i] : 1);
      }
      rest &= rest - 1;
    }
  }
  return { x, w };
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
  const { x, w } = answeredValues(values, bits, options.weights);
  const n = x.length;
  const sumW = w.reduce((sum, weight) => sum + weight, 0);
  const mean = n > 0 && sumW > 0 ? x.reduce((sum, value, i) => sum + w[i] * value, 0) / sumW : NaN;
  if (!(n > 1) || Number.isNaN(mean)) return { mean, low: NaN, high: NaN, n, standardError: NaN };
  let variance: number;
  if (!options.weights) variance = x.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (n - 1) / n;
  else {
    const size = Math.max(options.surveySize, n);
    variance = ((size / (size - 1)) * x.reduce((sum, value, i) => sum + (w[i] * (value - mean)) ** 2, 0)) / (sumW * sumW);
  }
  const standardError = Math.sqrt(variance);
  const half = tCritical(n - 1, options.level ?? 0.95) * standardError;
  return { mean, low: mean - half, high: mean + half, n, standardError };
}
