import type { BaseRule } from './figure';
import type { Estimate } from './estimate';
import { describeIntervalMethod, type Figure } from './figure';
import type { Measure } from './measures';
import type { Significance } from './segment-significance';
import type { Tally } from './tally';

/** One row of the aggregated CSV: one (wave, segment, measure, option). The README documents each column. */
export interface AggregateRow {
  dataset: string;
  wave: string;
  question_id: string;
  question_label: string;
  measure: Measure;
  filters: string;
  segment_question: string;
  segment: string;
  option: string;
  count: number | null;
  weighted_count: number | null;
  base: number | null;
  weighted_base: number | null;
  effective_base: number | null;
  base_rule: BaseRule;
  /** Share measures: the share of the base, in percent. */
  percent: number | null;
  /** Value measures (mean rank, mean, quartiles): the figure on its own scale. */
  value: number | null;
  /** The interval of `percent` (in percent) or of `value` (in its units). */
  ci_low: number | null;
  ci_high: number | null;
  ci_method: string;
  flags: string;
  /** Trends: the change from the previous wave that has the figure, in percentage points, and its two-sided p. */
  change_from: string;
  change_points: number | null;
  change_p: number | null;
  /** Trends: the change since the first wave that has the figure. */
  change_since: string;
  change_since_points: number | null;
  change_since_p: number | null;
  /**
   * Not exported: the option's and segment's values as filters name them (labels may differ), and
   * for a share the sums behind it, for tests between waves.
   */
  keys: { option: string; segment: string; sample?: { option: Tally; base: Tally; surveySize: number } };
}

/** The columns written to CSV and JSON, in order (`keys` stays inside the app). */
export const AGGREGATE_COLUMNS = [
  'dataset',
  'wave',
  'question_id',
  'question_label',
  'measure',
  'filters',
  'segment_question',
  'segment',
  'option',
  'count',
  'weighted_count',
  'base',
  'weighted_base',
  'effective_base',
  'base_rule',
  'percent',
  'value',
  'ci_low',
  'ci_high',
  'ci_method',
  'flags',
  'change_from',
  'change_points',
  'change_p',
  'change_since',
  'change_since_points',
  'change_since_p',
] as const satisfies readonly (keyof AggregateRow)[];

export type ExportRecord = Pick<AggregateRow, (typeof AGGREGATE_COLUMNS)[number]>;

/**
 * Sums of weights carry binary noise (3379.932099999999 for 3379.9321): twelve significant
 * digits keep every real digit of survey weights and drop the noise, so the CSV, the JSON and
 * the page show the same short number.
 */
export function cleanNumber(value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  return Number.isInteger(value) ? value : Number(value.toPrecision(12));
}

/** The fields shared by every row of one (wave, segment). */
export interface RowContext {
  fields: Pick<AggregateRow, 'dataset' | 'wave' | 'question_id' | 'question_label' | 'filters' | 'segment_question' | 'segment' | 'base_rule'>;
  segmentValue: string;
  effectiveBase: number | null;
  ciMethod: string;
  /** The confidence level of the intervals (0.95 unless the view says otherwise). */
  level: number;
  /** Respondents in the wave's file (for tests between waves). */
  surveySize: number;
}

type RowFigures = Pick<
  AggregateRow,
  'count' | 'weighted_count' | 'base' | 'weighted_base' | 'effective_base' | 'percent' | 'value' | 'ci_low' | 'ci_high' | 'ci_method' | 'flags'
>;

/**
 * One row, written out field by field: spreading `context.fields` into each row cost 25–45 µs a
 * row on Node 20 (Stack Overflow's 179 countries took 15 ms), a literal costs well under one.
 * Changes stay empty until waves are compared.
 */
function makeRow(context: RowContext, measure: Measure, option: string, figures: RowFigures, keys: AggregateRow['keys']): AggregateRow {
  const fields = context.fields;
  return {
    dataset: fields.dataset,
    wave: fields.wave,
    question_id: fields.question_id,
    question_label: fields.question_label,
    filters: fields.filters,
    segment_question: fields.segment_question,
    segment: fields.segment,
    base_rule: fields.base_rule,
    measure,
    option,
    count: figures.count,
    weighted_count: figures.weighted_count,
    base: figures.base,
    weighted_base: figures.weighted_base,
    effective_base: figures.effective_base,
    percent: figures.percent,
    value: figures.value,
    ci_low: figures.ci_low,
    ci_high: figures.ci_high,
    ci_method: figures.ci_method,
    flags: figures.flags,
    change_from: '',
    change_points: null,
    change_p: null,
    change_since: '',
    change_since_points: null,
    change_since_p: null,
    keys,
  };
}

function joinFlags(flags: (string | false | null | undefined)[]): string {
  return flags.filter(Boolean).join(';');
}

/**
 * A share as a row. A suppressed figure withholds everything that could give its count away —
 * count, share, interval, base and weighted base alike — never writing 0 for it.
 */
export function shareRow(context: RowContext, measure: Measure, figure: Figure, significance?: Significance): AggregateRow {
  const hidden = figure.suppressed;
  const percent = (value: number) => (hidden || Number.isNaN(value) ? null : cleanNumber(value * 100));
  return makeRow(
    context,
    measure,
    figure.label,
    {
      count: hidden ? null : figure.count,
      weighted_count: hidden ? null : cleanNumber(figure.weightedCount),
      base: hidden ? null : figure.base,
      weighted_base: hidden ? null : cleanNumber(figure.weightedBase),
      effective_base: hidden ? null : cleanNumber(context.effectiveBase),
      percent: percent(figure.share),
      value: null,
      ci_low: percent(figure.low),
      ci_high: percent(figure.high),
      ci_method: context.ciMethod,
      flags: joinFlags([
        hidden && 'suppressed',
        figure.unreliable && 'unreliable',
        figure.excludedFromBase && 'excluded-from-base',
        significance && `significantly-${significance}`,
      ]),
    },
    {
      option: figure.value,
      segment: context.segmentValue,
      sample: hidden ? undefined : { option: figure.optionTally, base: figure.baseTally, surveySize: context.surveySize },
    },
  );
}

export const ESTIMATE_METHOD = {
  unweighted: 'mean, t interval',
  weighted: 'linearised (R survey svymean, ids = ~1), t interval',
  none: '',
} as const;

/** A mean, quartile or extreme as a row; quartiles and extremes say when they are unweighted in a weighted view. */
export function estimateRow(context: RowContext, measure: Measure, estimate: Estimate, viewWeighted: boolean): AggregateRow {
  const hidden = estimate.suppressed;
  const hasInterval = Number.isFinite(estimate.low) && Number.isFinite(estimate.high);
  const shown = (value: number) => (hidden ? null : cleanNumber(value));
  return makeRow(
    context,
    measure,
    estimate.label,
    {
      count: hidden ? null : estimate.count,
      weighted_count: null,
      base: hidden ? null : estimate.base,
      weighted_base: null,
      effective_base: null,
      percent: null,
      value: shown(estimate.estimate),
      ci_low: hasInterval ? shown(estimate.low) : null,
      ci_high: hasInterval ? shown(estimate.high) : null,
      ci_method: hasInterval
        ? describeIntervalMethod(estimate.weighted ? ESTIMATE_METHOD.weighted : ESTIMATE_METHOD.unweighted, context.level)
        : ESTIMATE_METHOD.none,
      flags: joinFlags([hidden && 'suppressed', estimate.unreliable && 'unreliable', viewWeighted && !estimate.weighted && 'unweighted']),
    },
    { option: estimate.value, segment: context.segmentValue },
  );
}
