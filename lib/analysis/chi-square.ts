import { chiSquareUpperP } from './distributions';

export interface ChiSquareTest {
  statistic: number;
  df: number;
  p: number;
}

/**
 * Pearson's chi-square test of independence on a table of counts, without Yates' continuity
 * correction (R: chisq.test(table, correct = FALSE)). Empty rows and columns are dropped first,
 * as they carry no information and would divide by zero.
 */
export function chiSquareTest(table: readonly (readonly number[])[]): ChiSquareTest | null {
  const rowTotals = table.map((row) => row.reduce((a, b) => a + b, 0));
  const rows = table.filter((_, r) => rowTotals[r] > 0);
  if (rows.length < 2) return null;
  const columnTotals = rows[0].map((_, c) => rows.reduce((sum, row) => sum + row[c], 0));
  const keep = columnTotals.map((total, c) => (total > 0 ? c : -1)).filter((c) => c >= 0);
  if (keep.length < 2) return null;
  const n = columnTotals.reduce((a, b) => a + b, 0);
  let statistic = 0;
  for (const row of rows) {
    const rowTotal = row.reduce((a, b) => a + b, 0);
    for (const c of keep) {
      const expected = (rowTotal * columnTotals[c]) / n;
      statistic += (row[c] - expected) ** 2 / expected;
    }
  }
  const df = (rows.length - 1) * (keep.length - 1);
  return { statistic, df, p: chiSquareUpperP(statistic, df) };
}
