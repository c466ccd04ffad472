import { lowestSelected } from './selection';
import { popcount32 } from '../survey/bitset';

/** Respondents in a set, with their summed weights and squared weights (for variances). */
export interface Tally {
  count: number;
  sumW: number;
  sumW2: number;
  /** Sum of the respondents' record keys, when figures are perturbed (lib/analysis/cell-key). */
  keySum?: number;
}

export const EMPTY_TALLY: Tally = { count: 0, sumW: 0, sumW2: 0 };

/** Tally of the respondents set in `bits` (weights optional: then sums equal counts; record keys when perturbing). */
export function tallyBits(bits: Uint32Array, weights?: Float64Array, keys?: Uint8Array): Tally {
  if (!weights && !keys) {
    let count = 0;
    for (let w = 0; w < bits.length; w++) count += popcount32(bits[w]);
    return { count, sumW: count, sumW2: count };
  }
  let count = 0;
  let sumW = 0;
  let sumW2 = 0;
  let keySum = 0;
  for (let w = 0; w < bits.length; w++)
    for (let word = bits[w]; word !== 0; word &= word - 1) {
      const i = lowestSelected(w, word);
      const weight = weights ? weights[i] : 1;
      count++;
      sumW += weight;
      sumW2 += weight * weight;
      if (keys) keySum += keys[i];
    }
  return keys ? { count, sumW, sumW2, keySum } : { count, sumW, sumW2 };
}

/** The tally of two disjoint sets together (key sums add when both carry one). */
export function addTallies(a: Tally, b: Tally): Tally {
  const sum = { count: a.count + b.count, sumW: a.sumW + b.sumW, sumW2: a.sumW2 + b.sumW2 };
  return a.keySum !== undefined && b.keySum !== undefined ? { ...sum, keySum: a.keySum + b.keySum } : sum;
}

/** Kish's effective base (Σw)² / Σw² of a weighted tally; null when the figures are unweighted. */
export function effectiveBaseOf(tally: Tally, weighted: boolean): number | null {
  if (!weighted) return null;
  return tally.sumW2 > 0 ? (tally.sumW * tally.sumW) / tally.sumW2 : 0;
}

export function andBits(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(a.length);
  for (let w = 0; w < a.length; w++) out[w] = a[w] & b[w];
  return out;
}

export function orInto(target: Uint32Array, source: Uint32Array): void {
  for (let w = 0; w < target.length; w++) target[w] |= source[w];
}
