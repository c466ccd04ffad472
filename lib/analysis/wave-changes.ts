import type { AggregateRow } from './aggregate-row';
import { makeFindingRow, type FindingMeasure, type FindingRow, type TestedScan } from './finding-row';
import { shareDifferenceInterval } from './group-difference';
import { testIndependentSamples } from './proportion-tests';
import { normalApproximationHolds, shareSkewness } from './normal-approximation';
import { DEFAULT_MIN_BASE } from './scan-findings';

/** The figures a change is tested on: the scan's shares (a trend's other shares — bins, ranked in the top 3 or at all, bottom-2 — are not scanned). */
const CHANGE_MEASURES: ReadonlyMap<AggregateRow['measure'], FindingMeasure> = new Map([
  ['share', 'share'],
  ['top2', 'top2'],
  ['ranked_first', 'ranked_first'],
]);

export interface WaveChangesRequest {
  /**
   * One entry per linked question: its rows in the previous and the latest wave, as aggregateView
   * gives them for the two waves (a question's id can differ between waves; its rows are matched
   * by segment, measure and option value, as trend changes match them).
   */
  questions: readonly (readonly AggregateRow[])[];
  previous: string;
  latest: string;
  weighted: boolean;
  level?: number;
  /** Default DEFAULT_MIN_BASE. */
  minBase?: number;
}

type Sample = NonNullable<AggregateRow['keys']['sample']>;

const shareOf = (sample: Sample, weighted: boolean) => (weighted ? sample.option.sumW / sample.base.sumW : sample.option.count / sample.base.count);

/** Both bases at least the minimum and large enough for the normal approximation, the skewness read on both waves together (lib/analysis/normal-approximation). */
function testable(a: Sample, b: Sample, minBase: number, weighted: boolean): boolean {
  const pooled = weighted ? (a.option.sumW + b.option.sumW) / (a.base.sumW + b.base.sumW) : (a.option.count + b.option.count) / (a.base.count + b.base.count);
  const skewness = shareSkewness(pooled);
  return [a, b].every((sample) => sample.base.count >= minBase && normalApproximationHolds(sample.base.count, skewness));
}

/**
 * "What changed": each share of the latest wave against the previous wave's, with the trend's own
 * test for two independent samples (lib/analysis/proportion-tests testIndependentSamples, as
 * lib/analysis/trend-changes uses it: pooled z unweighted, waves as strata weighted), and its
 * interval. Rows are the scan's: `percent` is the latest wave's, `percent_rest` the previous one's,
 * `segment` the segment the change is within ('' for everyone). Shares withheld in either wave
 * (suppressed: no tallies), bases under the minimum and bases too small for the normal
 * approximation (lib/analysis/normal-approximation) are not tested. The false discovery rate is
 * then controlled by pickFindings, over these tests alone or together with a scan's.
 */
export function testWaveChanges(request: WaveChangesRequest): TestedScan {
  const minBase = request.minBase ?? DEFAULT_MIN_BASE;
  const rows: FindingRow[] = [];
  let untested = 0;
  for (const questionRows of request.questions) {
    const key = (row: AggregateRow) => `${row.keys.segment}\u0000${row.measure}\u0000${row.keys.option}`;
    const previous = new Map(questionRows.filter((row) => row.wave === request.previous).map((row) => [key(row), row]));
    for (const row of questionRows) {
      const measure = CHANGE_MEASURES.get(row.measure);
      const before = previous.get(key(row));
      if (row.wave !== request.latest || !measure || !before) continue;
      const [a, b] = [row.keys.sample, before.keys.sample];
      if (!a || !b || !testable(a, b, minBase, request.weighted)) {
        untested++;
        continue;
      }
      const test = testIndependentSamples(a, b, request.weighted);
      if (Number.isNaN(test.p)) {
        untested++;
        continue;
      }
      const { low, high } = shareDifferenceInterval(test, a, b, request.level);
      rows.push(
        makeFindingRow({
          question: { id: row.question_id, label: row.question_label },
          measure,
          option: { value: row.keys.option, label: row.option },
          segment: { value: row.keys.segment, label: row.keys.segment === '' ? '' : row.segment },
          value: shareOf(a, request.weighted),
          valueRest: shareOf(b, request.weighted),
          base: a.base.count,
          baseRest: b.base.count,
          difference: { difference: test.difference, low, high, statistic: test.statistic, df: test.df, p: test.p, method: test.method },
        }),
      );
    }
  }
  return { rows, untested };
}
