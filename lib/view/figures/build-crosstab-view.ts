import { intervalLevelOf } from '../../analysis/figure';
import { describeIntervalName } from '../words/format-figure';
import { TOTAL_COLUMN, type CrosstabRow, type CrosstabTable } from '../../analysis/crosstab-rows';
import { roundPercent } from '../../analysis/round-shares';
import { formatFigure } from '../words/format-figure';
import type { CrosstabPercent } from '../state/view-state';

export interface CrosstabCellView {
  /** Display percentage of the chosen kind (rounded), null when withheld. */
  percent: number | null;
  count: number | null;
  /** Column-% interval, in percent (only column percentages carry one). */
  low: number | null;
  high: number | null;
  significance: 'higher' | 'lower' | null;
  suppressed: boolean;
  unreliable: boolean;
  /** Heat-map shade, 0–1: the percentage against the largest in the table. */
  shade: number;
}

export interface CrosstabTableView {
  rowQuestion: { id: string; label: string };
  columnQuestion: { id: string; label: string };
  columns: { key: string; label: string; base: number | null }[];
  rows: { key: string; label: string; cells: CrosstabCellView[] }[];
  /** The test of independence in one line, or why there is none. */
  test: string;
  /** “95% interval” (or 90%, 99%): the name of the cells' intervals. */
  intervalName: string;
}

const FIELD: Record<CrosstabPercent, keyof Pick<CrosstabRow, 'column_percent' | 'row_percent' | 'total_percent'>> = {
  column: 'column_percent',
  row: 'row_percent',
  total: 'total_percent',
};

function formatP(p: number | null): string {
  if (p === null) return 'p = –';
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

/** The test line under a crosstab: “Pearson χ² = 12.3, df = 4, p = 0.015”. */
function describeTest(row: CrosstabRow): string {
  if (row.test_statistic === null)
    return `No test of independence: ${row.test.replace(/^none ?/, '').replace(/^\((.*)\)$/, '$1') || 'too few rows or columns with answers'}.`;
  const statistic = row.test.startsWith('Rao') ? 'F' : 'χ²';
  return `${row.test}: ${statistic} = ${formatFigure(row.test_statistic, 'rank')}, df = ${row.test_df}, ${formatP(row.test_p)}.`;
}

/**
 * A crosstab as a page draws it, from the rows of its download: one column per banner option
 * (the total first) with its base, one row per row option, each cell the chosen percentage with
 * its count, interval, mark and heat-map shade.
 */
export function buildCrosstabView(table: CrosstabTable, pct: CrosstabPercent): CrosstabTableView | undefined {
  const first = table.rows[0];
  if (!first) return undefined;
  const field = FIELD[pct];
  const columnKeys = [...new Set(table.rows.map((row) => row.keys.column))];
  const rowKeys = [...new Set(table.rows.map((row) => row.keys.row))];
  const at = (rowKey: string, columnKey: string) => table.rows.find((row) => row.keys.row === rowKey && row.keys.column === columnKey);
  // The total column has no row or total percentage of its own: it shows the column percentage.
  const valueOf = (row: CrosstabRow | undefined) => (row === undefined ? null : row.keys.column === TOTAL_COLUMN ? row.column_percent : row[field]);
  const largest = Math.max(1e-9, ...table.rows.filter((row) => row.keys.column !== TOTAL_COLUMN).map((row) => valueOf(row) ?? 0));
  return {
    intervalName: describeIntervalName(intervalLevelOf(first.ci_method)),
    rowQuestion: { id: first.row_question, label: first.row_label },
    columnQuestion: { id: first.column_question, label: first.column_label },
    columns: columnKeys.map((key) => {
      const sample = table.rows.find((row) => row.keys.column === key && !row.flags.includes('suppressed'));
      return {
        key,
        label: key === TOTAL_COLUMN ? 'Total' : (table.rows.find((row) => row.keys.column === key)?.column_option ?? key),
        base: sample?.column_base ?? null,
      };
    }),
    rows: rowKeys.map((rowKey) => ({
      key: rowKey,
      label: table.rows.find((row) => row.keys.row === rowKey)?.row_option ?? rowKey,
      cells: columnKeys.map((columnKey) => {
        const row = at(rowKey, columnKey);
        const value = valueOf(row);
        const significance = row?.flags.includes('significantly-higher') ? 'higher' : row?.flags.includes('significantly-lower') ? 'lower' : null;
        return {
          percent: value === null ? null : roundPercent(value / 100),
          count: row?.count ?? null,
          low: pct === 'column' || columnKey === TOTAL_COLUMN ? (row?.ci_low ?? null) : null,
          high: pct === 'column' || columnKey === TOTAL_COLUMN ? (row?.ci_high ?? null) : null,
          significance,
          suppressed: row?.flags.includes('suppressed') ?? false,
          unreliable: row?.flags.includes('unreliable') ?? false,
          shade: value === null || columnKey === TOTAL_COLUMN ? 0 : Math.min(1, value / largest),
        };
      }),
    })),
    test: describeTest(first),
  };
}
