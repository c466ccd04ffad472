import { keyedUniform, perturbCount } from '../cell-key';
import { andBits, EMPTY_TALLY, tallyBits, type Tally } from '../tally';

/** What releasing a cell needs: the respondents' record keys, and the weights with the grid weighted sums are rounded to. */
export interface ReleaseContext {
  keys: Uint8Array;
  weights?: Float64Array;
  /** Weighted sums are published on this grid (a tenth of the weights' order of magnitude). */
  weightStep: number;
}

/**
 * One cell of the release: the respondents of `bits` (an atom and an answer), counted, then
 * protected once — the count by its cell key (lib/analysis/cell-key: the same respondents always
 * get the same change), zero staying zero; the weighted sums scaled with the count and rounded to
 * the weight grid, so no ratio of a weighted to an unweighted figure gives the true count back
 * (issue 21, attack 3). Every public figure is a sum of such cells, never a count of its own.
 */
export function releaseCell(bits: Uint32Array, context: ReleaseContext): Tally {
  const tally = tallyBits(bits, context.weights, context.keys);
  if (tally.count === 0) return EMPTY_TALLY;
  const count = perturbCount(tally.count, tally.keySum ?? 0);
  if (!context.weights) return { count, sumW: count, sumW2: count };
  const scale = count / tally.count;
  const onGrid = (value: number, step: number) => Math.round(value / step) * step;
  return { count, sumW: onGrid(tally.sumW * scale, context.weightStep), sumW2: onGrid(tally.sumW2 * scale, context.weightStep ** 2) };
}

/** The cells of one answer over every atom of a selection, added up: a released figure's numerator or base. */
export function releaseOver(atoms: readonly Uint32Array[], answer: Uint32Array | undefined, context: ReleaseContext): Tally {
  let sum = EMPTY_TALLY;
  for (const atom of atoms) sum = addCells(sum, releaseCell(answer ? andBits(atom, answer) : atom, context));
  return sum;
}

export function addCells(a: Tally, b: Tally): Tally {
  return { count: a.count + b.count, sumW: a.sumW + b.sumW, sumW2: a.sumW2 + b.sumW2 };
}

/**
 * A released sum of values (a numeric question's total over an atom): the true sum plus noise
 * keyed by the same respondents, uniform within ±`spread` — so a mean published beside it, and
 * the difference of two overlapping means, never gives one respondent's answer back (attack 5).
 */
export function releaseSum(sum: number, keySum: number, spread: number): number {
  return sum + keyedUniform(keySum) * spread;
}

/** The grid weighted sums are published on: a tenth of the order of magnitude of the mean weight. */
export function weightStepOf(weights: Float64Array | undefined): number {
  if (!weights) return 1;
  let total = 0;
  let n = 0;
  for (const weight of weights)
    if (weight > 0) {
      total += weight;
      n++;
    }
  const mean = n > 0 ? total / n : 1;
  return 10 ** (Math.round(Math.log10(mean)) - 1);
}
