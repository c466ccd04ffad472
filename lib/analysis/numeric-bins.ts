import type { NumericQuestion, Survey } from '../survey/types';
import type { Selection } from './selection';
import { selectAll } from './selection';
import { hasBit } from '../survey/bitset';
import { niceStep, quantileSorted } from './quantiles';
import { deepFreeze } from './view-cache';

export interface NumericBin {
  /** The bin's lower edge as text: a stable key for URLs and exports. */
  value: string;
  label: string;
  /** Lower edge (inclusive) and upper edge (exclusive); the outer bins are open-ended. */
  from: number;
  to: number;
}

function formatEdge(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e6) return `${+(value / 1e6).toFixed(2)}M`;
  if (abs >= 1e4) return `${+(value / 1e3).toFixed(1)}k`;
  return `${+value.toFixed(4)}`;
}

// Respondents who answered, in order of their answer, and their answers in that order: sorted
// once per question, so every later selection's sorted values (for quartiles and bin edges) are
// one pass, not a sort — and a pass that reads the answers in order, not all over memory.
const answerOrder = new WeakMap<NumericQuestion, { order: Uint32Array; sorted: Float64Array }>();

function answersInOrder(question: NumericQuestion): { order: Uint32Array; sorted: Float64Array } {
  let known = answerOrder.get(question);
  if (!known) {
    const { values } = question;
    const answered: number[] = [];
    for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) answered.push(i);
    const order = Uint32Array.from(answered).sort((a, b) => values[a] - values[b] || a - b);
    const sorted = new Float64Array(order.length);
    for (let k = 0; k < order.length; k++) sorted[k] = values[order[k]];
    known = { order, sorted };
    answerOrder.set(question, known);
  }
  return known;
}

// One view reads a numeric question's sorted values three times (bin edges, the bins' counts,
// the quartiles) over the same selection object: picked once per (selection, question).
const pickedBySelection = new WeakMap<Selection, WeakMap<NumericQuestion, Float64Array>>();

/** Values of the question within the selection, blanks skipped, sorted (shared: read, never write). */
export function sortedValues(question: NumericQuestion, selection: Selection): Float64Array {
  let picked = pickedBySelection.get(selection);
  if (!picked) pickedBySelection.set(selection, (picked = new WeakMap()));
  let values = picked.get(question);
  if (!values) picked.set(question, (values = pickSorted(question, selection)));
  return values;
}

function pickSorted(question: NumericQuestion, selection: Selection): Float64Array {
  const { order, sorted } = answersInOrder(question);
  const bits = selection.bits;
  const picked = new Float64Array(order.length);
  let n = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    if (hasBit(bits, i)) picked[n++] = sorted[k];
  }
  return picked.subarray(0, n);
}

/** How many of the sorted values are below `limit` (the first index at or above it). */
export function countBelow(sorted: Float64Array, limit: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] < limit) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Bin edges for a numeric question, fixed from one selection so that segments and waves are
 * binned alike: nice 1-2-5 steps over the 1st–99th percentile (95th for heavy tails), so one
 * $10M salary does not squash everyone into one bar. The outer bins are open-ended and labelled so ("< 20k", "≥ 180").
 * Whole numbers get whole-number bins: answer codes 1–7 must not fall into half-empty 0.5 bins.
 */
export function numericBins(question: NumericQuestion, selection: Selection, targetBins = 12): NumericBin[] {
  const sorted = sortedValues(question, selection);
  if (sorted.length === 0) return [];
  const low = quantileSorted(sorted, 0.01);
  const p95 = quantileSorted(sorted, 0.95);
  // Incomes have tails spanning orders of magnitude: when the top 4% stretch the range more than
  // threefold, bin up to the 95th percentile and let the open last bin hold the rest.
  const p99 = quantileSorted(sorted, 0.99);
  const high = p99 - low > 3 * (p95 - low) ? p95 : p99;
  const integers = sorted.every(Number.isInteger);
  const step = integers ? Math.max(1, niceStep(high - low, targetBins)) : niceStep(high - low, targetBins);
  const start = Math.floor(low / step) * step;
  const count = Math.max(1, Math.ceil((high - start) / step + 1e-9));
  return Array.from({ length: count }, (_, b) => {
    const from = start + b * step;
    const to = from + step;
    // The outer bins take everything beyond them (in this wave or another binned alike), and say so.
    const label =
      count === 1 ? 'All values' : b === 0 ? `< ${formatEdge(to)}` : b === count - 1 ? `≥ ${formatEdge(from)}` : `${formatEdge(from)}–${formatEdge(to)}`;
    return { value: String(from), label, from: b === 0 ? -Infinity : from, to: b === count - 1 ? Infinity : to };
  });
}

/** The bin a value falls in: outer bins are open-ended, so every number has one. */
export function binIndex(bins: readonly NumericBin[], value: number): number {
  // The first bin whose upper edge is above the value, by halving (edges ascend; the last is open).
  let low = 0;
  let high = bins.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (value >= bins[middle].to) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Edges from the latest wave that has the question (all its respondents), so every wave,
 * filter and segment of a trend or export is binned alike.
 */
export function latestWaveBins(waves: readonly { survey: Survey }[], questionId: string): NumericBin[] | undefined {
  for (const { survey } of [...waves].reverse()) {
    const question = survey.questions.find((q) => q.id === questionId);
    if (question?.kind === 'numeric') return allRespondentBins(question, survey.size);
  }
  return undefined;
}

// A parsed question never changes, so the edges over all its respondents are found once, not on
// every view of it (a pass over every answer and two arrays of them, per request).
const binsOfAll = new WeakMap<NumericQuestion, readonly NumericBin[]>();

function allRespondentBins(question: NumericQuestion, size: number): NumericBin[] {
  let bins = binsOfAll.get(question);
  if (!bins) binsOfAll.set(question, (bins = deepFreeze(numericBins(question, selectAll(size)))));
  return bins as NumericBin[];
}
