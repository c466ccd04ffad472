import { SHARE_MEASURES } from './measures';
import { cleanNumber, type AggregateRow } from './aggregate-row';
import { holmAdjust } from './multiple-comparisons';
import { testIndependentSamples } from './proportion-tests';

/** Measures that are shares of a base, so a change between waves can be tested. */

interface PendingTest {
  row: number;
  kind: 'previous' | 'first';
  p: number;
  difference: number;
}

function familyKey(row: AggregateRow): string {
  return `${row.segment}\u0000${row.measure}`;
}

/**
 * A trend's changes, per option (and segment and measure): from the previous wave that has the
 * figure, and since the first, in percentage points, each with the test for two independent
 * samples (lib/analysis/proportion-tests: pooled z unweighted, the waves-as-strata design-based
 * test weighted). Holm-corrected within each segment's measure, over every option and both
 * comparisons; significant changes are flagged up-/down-from-previous and up-/down-since-first.
 */
export function withTrendChanges(rows: readonly AggregateRow[], waveOrder: readonly string[], weighted: boolean): AggregateRow[] {
  const result = rows.map((row) => ({ ...row }));
  const series = new Map<string, number[]>();
  result.forEach((row, index) => {
    if (!SHARE_MEASURES.has(row.measure) || !row.keys.sample) return;
    const key = `${familyKey(row)}\u0000${row.keys.option}`;
    series.set(key, [...(series.get(key) ?? []), index]);
  });
  const tests = new Map<string, PendingTest[]>();
  for (const indexes of series.values()) {
    const ordered = [...indexes].sort((a, b) => waveOrder.indexOf(result[a].wave) - waveOrder.indexOf(result[b].wave));
    const first = result[ordered[0]];
    ordered.forEach((index, k) => {
      if (k === 0) return;
      const row = result[index];
      const compare = (earlier: AggregateRow, kind: PendingTest['kind']) => {
        const test = testIndependentSamples(row.keys.sample!, earlier.keys.sample!, weighted);
        const family = familyKey(row);
        tests.set(family, [...(tests.get(family) ?? []), { row: index, kind, p: test.p, difference: test.difference }]);
        return { points: cleanNumber(test.difference * 100), p: Number.isNaN(test.p) ? null : cleanNumber(test.p) };
      };
      const previous = result[ordered[k - 1]];
      const fromPrevious = compare(previous, 'previous');
      Object.assign(row, { change_from: previous.wave, change_points: fromPrevious.points, change_p: fromPrevious.p });
      if (k > 1) {
        const sinceFirst = compare(first, 'first');
        Object.assign(row, { change_since: first.wave, change_since_points: sinceFirst.points, change_since_p: sinceFirst.p });
      }
    });
  }
  for (const family of tests.values()) {
    const adjusted = holmAdjust(family.map((test) => test.p));
    family.forEach((test, k) => {
      if (!(adjusted[k] < 0.05)) return;
      const row = result[test.row];
      const flag = `${test.difference > 0 ? 'up' : 'down'}-${test.kind === 'previous' ? 'from-previous' : 'since-first'}`;
      row.flags = row.flags ? `${row.flags};${flag}` : flag;
    });
  }
  return result;
}
