import type { Wave } from '../survey/types';
import type { AggregateRow } from './aggregate-row';
import type { BaseRule } from './figure';
import type { Filter } from './filters';

/**
 * The one analysis request: what the page, its downloads, the CLI and findings compute for one
 * question under a view (lib/view/figures/to-aggregate-query writes it from a ViewState).
 */
export interface AggregateQuery {
  questionId: string;
  filters: Filter[];
  /** Segment ("compare by") question id. */
  by?: string;
  baseRule: BaseRule;
  /** Weight column: true = the codebook's, a string = that column, false/undefined = unweighted. */
  weight?: boolean | string;
  /** Wave ids to include, in order; all waves when empty. */
  waves?: string[];
  /**
   * For a trend: the question's id in each wave where it is the same question (lib/survey/
   * link-waves), and why the others are left out. Without it, waves are matched by id.
   */
  links?: {
    ids: Record<string, string>;
    notLinked: Record<string, string>;
    optionAliases?: Record<string, string>;
    /**
     * Filters and segment as each wave names them (ids change between years), or why a wave
     * cannot apply them (a filter question it did not ask): then it is left out, and said so.
     */
    perWave?: Record<string, { filters: Filter[]; by?: string } | { skip: string }>;
  };
  suppressBelow?: number;
  unreliableBelow?: number;
  /** Confidence level of intervals and tests (0.90, 0.99); absent = 0.95. */
  level?: number;
  /** `public`: a selection under the threshold is refused, counts perturbed, extremes withheld (prepareView). */
  disclosure?: 'public';
}

/** What selects and weighs respondents (prepareView): the query without its question, segment and waves. */
export type SelectionRequest = Pick<AggregateQuery, 'filters' | 'baseRule' | 'weight' | 'suppressBelow' | 'unreliableBelow' | 'level' | 'disclosure'>;

export interface AggregateResult {
  rows: AggregateRow[];
  /** Problems that make the figures not what was asked for: the CLI exits 2 on these. */
  problems: string[];
  /** Notes that do not change the figures (weights set to 0, waves without the question). */
  notes: string[];
  /** Per wave computed: respondents in the selection, of all in the file. */
  selections: { wave: string; selected: number; size: number }[];
}

/** A dataset's waves that a query may cover, read. */
export interface DatasetWaves {
  id: string;
  waves: Wave[];
}
