import type { Figure, FigureSettings } from './figure';
import { holmAdjust } from './multiple-comparisons';
import { testSegmentAgainstRest, type GroupTally } from './proportion-tests';
import type { Tally } from './tally';

export type Significance = 'higher' | 'lower' | null;

export interface SegmentMark {
  /** p₁ − p₂: the segment's share minus the rest of the selection's. */
  difference: number;
  /** z (unweighted) or t (weighted, design-based). */
  statistic: number;
  p: number;
  /** Holm-adjusted over every tested cell of the table. */
  adjustedP: number;
  significance: Significance;
}

const minus = (a: Tally, b: Tally): Tally => ({ count: a.count - b.count, sumW: a.sumW - b.sumW, sumW2: a.sumW2 - b.sumW2 });

/**
 * Each segment's share against the rest of the selection, for every option: a two-proportion
 * z-test when unweighted, the design-based t-test when weighted (lib/analysis/proportion-tests),
 * Holm-corrected over the whole table — with many cells, one in twenty would look "significant"
 * by chance without it. The rest is the total minus the segment, base and option alike, which
 * holds for overlapping (multi-select) segments too. Suppressed cells are not tested. Cells of a
 * segment whose base is under the reliability threshold (30 by default) keep their statistic but
 * are left out of the Holm family and never marked: the rule that pales them withholds their marks.
 */
export function markSegments(total: readonly Figure[], segments: readonly (readonly Figure[])[], settings: FigureSettings): SegmentMark[][] {
  const weighted = settings.weights !== undefined;
  const surveySize = settings.surveySize ?? 0;
  const raw = segments.map((figures) =>
    figures.map((cell, r) => {
      const whole = total[r];
      if (!whole || cell.suppressed) return { difference: NaN, statistic: NaN, p: NaN, marked: false };
      const segment: GroupTally = { option: cell.optionTally, base: cell.baseTally };
      const rest: GroupTally = { option: minus(whole.optionTally, cell.optionTally), base: minus(whole.baseTally, cell.baseTally) };
      const test = testSegmentAgainstRest(segment, rest, weighted, Math.max(surveySize, whole.baseTally.count));
      // A segment under the reliability threshold (its cells drawn pale) keeps its statistic but gets no mark: it would stand on a few respondents.
      return { difference: test.difference, statistic: test.statistic, p: test.p, marked: !cell.unreliable };
    }),
  );
  const adjusted = holmAdjust(raw.flat().map(({ p, marked }) => (marked ? p : NaN)));
  let k = 0;
  return raw.map((row) =>
    row.map(({ difference, statistic, p }) => {
      const adjustedP = adjusted[k++];
      const significance: Significance = adjustedP < 0.05 ? (difference > 0 ? 'higher' : 'lower') : null;
      return { difference, statistic, p, adjustedP, significance };
    }),
  );
}
