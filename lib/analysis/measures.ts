/**
 * The one vocabulary of what a figure measures: the aggregate rows' `measure` column, the chart's
 * bars and the trend's lines all speak it.
 */

/** What a question's main figures measure: a share of the base, the share ranked first, or a histogram bin. */
export type MainMeasure = 'share' | 'ranked_first' | 'bin';
/** Shares beside the main one (ranked in the top 3 or at all, top-2 and bottom-2 box). */
export type ShareMeasure = MainMeasure | 'ranked_top3' | 'ranked_at_all' | 'top2' | 'bottom2';
/** Figures on their own scale (mean rank, mean score, quantiles, Net Promoter Score). */
export type ValueMeasure = 'mean_rank' | 'mean' | 'median' | 'q1' | 'q3' | 'min' | 'max' | 'nps';
export type Measure = ShareMeasure | ValueMeasure;

export const MAIN_MEASURES: ReadonlySet<Measure> = new Set<Measure>(['share', 'ranked_first', 'bin']);
export const SHARE_MEASURES: ReadonlySet<Measure> = new Set<Measure>([...MAIN_MEASURES, 'ranked_top3', 'ranked_at_all', 'top2', 'bottom2']);

/** Whether a row's measure is one of a question's main figures (a string from a row or a download). */
export function isMainMeasure(measure: string): measure is MainMeasure {
  return MAIN_MEASURES.has(measure as Measure);
}
