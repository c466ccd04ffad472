import { cleanNumber } from './aggregate-row';
import type { GroupDifference } from './group-difference';

/** What a finding compares: a share of the base (per option, top-2 box, ranked first) or a mean. */
export type FindingMeasure = 'share' | 'top2' | 'ranked_first' | 'mean';

/**
 * One comparison of a scan: a group (the selection, a segment, the latest wave) against the rest
 * (the rest of the wave, the rest of the selection, the previous wave). Its columns are the
 * findings download's, in order (FINDING_COLUMNS).
 *
 * Shares are in percent and their difference in percentage points. Means (a numeric question's
 * mean, a Likert question's mean score) are in the question's own units: `percent` and
 * `percent_rest` hold the two means, `difference_points` and `ci_low`/`ci_high` their difference
 * and its interval in those units; `measure` = 'mean' tells them apart.
 */
export interface FindingRow {
  question_id: string;
  question_label: string;
  measure: FindingMeasure;
  /** The option's label; a top-2 box's "Top 2: …" label; a mean's label ("Mean", "Mean score (1 = …, 5 = …)"). */
  option: string;
  /** The segment's label; '' when the selection is compared with the rest of its wave; the wave for a change between waves. */
  segment: string;
  percent: number | null;
  percent_rest: number | null;
  difference_points: number | null;
  /** The difference's interval (95% by default), as R gives it beside the test: prop.test's, t.test's or svyttest's; not adjusted for the scan. */
  ci_low: number | null;
  ci_high: number | null;
  /** Two-sided p of the comparison's own test. */
  p: number;
  /** Benjamini–Hochberg q over every test of the scan; null until the scan's tests are adjusted together. */
  q: number | null;
  /** Unweighted respondents in each side's base (a mean: respondents with a value). */
  base: number;
  base_rest: number;
  /**
   * Not exported: the option's and segment's values as filters name them (labels may differ), and
   * the effect the floor and the ranking read — the difference in points for a share, in the
   * question's standard deviations for a mean.
   */
  keys: { option: string; segment: string; effect: number; unit: 'points' | 'sd' };
}

/** Every test of a scan, in scan order, before the false discovery rate is controlled. */
export interface TestedScan {
  rows: FindingRow[];
  /** Comparisons left out because a base was under the minimum (or nothing could be tested): not tests. */
  untested: number;
}

/** The download's columns, in order (`keys` stays inside the app). */
export const FINDING_COLUMNS = [
  'question_id',
  'question_label',
  'measure',
  'option',
  'segment',
  'percent',
  'percent_rest',
  'difference_points',
  'ci_low',
  'ci_high',
  'p',
  'q',
  'base',
  'base_rest',
] as const satisfies readonly (keyof FindingRow)[];

export interface ComparedSides {
  question: { id: string; label: string };
  measure: FindingMeasure;
  option: { value: string; label: string };
  segment: { value: string; label: string };
  /** Shares 0..1, or means in the question's units. */
  value: number;
  valueRest: number;
  base: number;
  baseRest: number;
  difference: GroupDifference;
  /** For a mean, the question's standard deviation among the compared respondents (the effect's unit). */
  standardDeviation?: number;
}

/** A comparison as a row: shares scaled to percent and points, every figure cut to twelve significant digits (cleanNumber). */
export function makeFindingRow(sides: ComparedSides): FindingRow {
  const isMean = sides.measure === 'mean';
  const scale = isMean ? 1 : 100;
  const shown = (value: number) => cleanNumber(value * scale);
  return {
    question_id: sides.question.id,
    question_label: sides.question.label,
    measure: sides.measure,
    option: sides.option.label,
    segment: sides.segment.label,
    percent: shown(sides.value),
    percent_rest: shown(sides.valueRest),
    difference_points: shown(sides.difference.difference),
    ci_low: shown(sides.difference.low),
    ci_high: shown(sides.difference.high),
    p: sides.difference.p,
    q: null,
    base: sides.base,
    base_rest: sides.baseRest,
    keys: {
      option: sides.option.value,
      segment: sides.segment.value,
      effect: isMean ? sides.difference.difference / (sides.standardDeviation ?? NaN) : sides.difference.difference * 100,
      unit: isMean ? 'sd' : 'points',
    },
  };
}
