import type { Question } from '../../survey/types';

/**
 * Whether the model's option order means something. Single, Likert and `;`-joined multi-select
 * options come ordered by the codebook, the scale, numeric ranges, or else by count; one
 * column per option and ranked items come in questionnaire order, which reads best largest first.
 */
function keepsModelOrder(question: Question): boolean {
  if (question.kind === 'ranking') return false;
  if (question.kind === 'multi') return question.layout === 'joined';
  return true;
}

/** What ordering bars needs to know of each option. */
export interface BarSize {
  share: number;
  count: number;
}

/** Largest share first (weighted when the figures are), so bars never run out of order; counts break ties. */
function compareCounts(buckets: readonly BarSize[]) {
  return (a: number, b: number) => (buckets[b].share || 0) - (buckets[a].share || 0) || buckets[b].count - buckets[a].count || a - b;
}

/** Bucket indexes in display order (histogram bins and scales keep theirs). */
export function orderBars(question: Question, buckets: readonly BarSize[]): number[] {
  const indexes = buckets.map((_, index) => index);
  return keepsModelOrder(question) ? indexes : indexes.sort(compareCounts(buckets));
}

/** Leaving out one or two bars saves little room and costs a "top 8 of 9" caption, so they stay. */
const MIN_HIDDEN = 3;

/**
 * The `limit` largest buckets, still in display order: a 19-range salary question keeps its
 * ranges in order and shows the most common eight, rather than the eight lowest.
 */
export function pickLargestBars(order: readonly number[], buckets: readonly BarSize[], limit: number): number[] {
  if (order.length < limit + MIN_HIDDEN) return [...order];
  const kept = new Set([...order].sort(compareCounts(buckets)).slice(0, limit));
  return order.filter((index) => kept.has(index));
}
