import type { Question } from '../survey/types';
import type { Selection } from './selection';
import { cleanNumber } from './aggregate-row';
import { answeredBits } from './answered';
import { crosstab, type CrosstabCell } from './crosstab';
import { describeIntervalMethod, INTERVAL_METHOD, type Figure, type FigureSettings } from './figure';
import { andBits, tallyBits } from './tally';
import { crosstabTest, type CrosstabTest } from './crosstab-test';

/** One cell of a crosstab download: one (row option, column option), with its three percentages. */
export interface CrosstabRow {
  dataset: string;
  wave: string;
  filters: string;
  base_rule: string;
  row_question: string;
  row_label: string;
  row_option: string;
  column_question: string;
  column_label: string;
  column_option: string;
  count: number | null;
  weighted_count: number | null;
  column_base: number | null;
  weighted_column_base: number | null;
  column_percent: number | null;
  ci_low: number | null;
  ci_high: number | null;
  ci_method: string;
  row_percent: number | null;
  total_percent: number | null;
  flags: string;
  test: string;
  test_statistic: number | null;
  test_df: string;
  test_p: number | null;
  /** Not exported: option values as filters name them. */
  keys: { row: string; column: string };
}

export const CROSSTAB_COLUMNS = [
  'dataset',
  'wave',
  'filters',
  'base_rule',
  'row_question',
  'row_label',
  'row_option',
  'column_question',
  'column_label',
  'column_option',
  'count',
  'weighted_count',
  'column_base',
  'weighted_column_base',
  'column_percent',
  'ci_low',
  'ci_high',
  'ci_method',
  'row_percent',
  'total_percent',
  'flags',
  'test',
  'test_statistic',
  'test_df',
  'test_p',
] as const satisfies readonly (keyof CrosstabRow)[];

export interface CrosstabTable {
  rows: CrosstabRow[];
  test: CrosstabTest | null;
}

/** The column every crosstab starts with: everyone in the selection who answered the row question. */
export const TOTAL_COLUMN = '(total)';

const percent = (share: number | null | undefined) => (share === null || share === undefined || Number.isNaN(share) ? null : cleanNumber(share * 100));

/**
 * A row question × a column (banner) question as download rows, for one wave and selection:
 * counts, the column percentage with its interval and significance mark (the engine's
 * crosstab), the row percentage (the same table turned round) and the share of everyone who
 * answered both, and the test of independence on every row. A suppressed cell withholds all.
 */
export function crosstabRows(
  context: { dataset: string; wave: string; filters: string },
  rowQuestion: Question,
  columnQuestion: Question,
  selection: Selection,
  settings: FigureSettings,
): CrosstabTable | string {
  const table = crosstab(rowQuestion, columnQuestion, selection, settings);
  if (typeof table === 'string') return table;
  const turned = crosstab(columnQuestion, rowQuestion, selection, settings);
  const both = andBits(andBits(selection.bits, answeredBits(rowQuestion, selection.size)), answeredBits(columnQuestion, selection.size));
  const bothTally = tallyBits(both, settings.weights, settings.recordKeys);
  const test = crosstabTest(rowQuestion, columnQuestion, selection, settings, table);
  const weighted = settings.weights !== undefined;
  const testFields = {
    test:
      test?.method ??
      (rowQuestion.kind === 'multi' || columnQuestion.kind === 'multi' ? 'none (a multiple-choice question puts respondents in several cells)' : 'none'),
    test_statistic: test ? cleanNumber(test.statistic) : null,
    test_df: test ? test.df : '',
    test_p: test ? cleanNumber(test.p) : null,
  };
  const toRow = (rowIndex: number, columnOption: string, columnValue: string, cell: Figure | CrosstabCell, rowShare: Figure | undefined): CrosstabRow => {
    const hidden = cell.suppressed;
    const mark = 'significance' in cell && cell.significance ? `significantly-${cell.significance}` : '';
    const total =
      bothTally.sumW > 0 && columnValue !== TOTAL_COLUMN
        ? (weighted ? cell.optionTally.sumW : cell.optionTally.count) / (weighted ? bothTally.sumW : bothTally.count)
        : null;
    return {
      ...context,
      base_rule: settings.baseRule,
      row_question: rowQuestion.id,
      row_label: rowQuestion.label,
      row_option: table.rows[rowIndex].label,
      column_question: columnQuestion.id,
      column_label: columnQuestion.label,
      column_option: columnOption,
      count: hidden ? null : cell.count,
      weighted_count: hidden ? null : cleanNumber(cell.weightedCount),
      column_base: hidden ? null : cell.base,
      weighted_column_base: hidden ? null : cleanNumber(cell.weightedBase),
      column_percent: hidden ? null : percent(cell.share),
      ci_low: hidden ? null : percent(cell.low),
      ci_high: hidden ? null : percent(cell.high),
      ci_method: describeIntervalMethod(weighted ? INTERVAL_METHOD.weighted : INTERVAL_METHOD.unweighted, settings.level),
      row_percent: hidden || !rowShare || rowShare.suppressed ? null : percent(rowShare.share),
      total_percent: hidden ? null : percent(total),
      flags: [hidden && 'suppressed', cell.unreliable && 'unreliable', mark].filter(Boolean).join(';'),
      ...testFields,
      keys: { row: table.rows[rowIndex].value, column: columnValue },
    };
  };
  const rows = table.rows.flatMap((row, r) => [
    toRow(r, TOTAL_COLUMN, TOTAL_COLUMN, row.total, undefined),
    ...row.cells.map((cell, c) => {
      const column = table.columns[c];
      // Row % is the column % of the table turned round: of those with this row option, the share in this column.
      const turnedRow = typeof turned === 'string' ? undefined : turned.rows.find((candidate) => candidate.value === column.value);
      const turnedColumn = typeof turned === 'string' ? -1 : turned.columns.findIndex((candidate) => candidate.value === row.value);
      return toRow(r, column.label, column.value, cell, turnedRow && turnedColumn >= 0 ? turnedRow.cells[turnedColumn] : undefined);
    }),
  ]);
  return { rows, test };
}
