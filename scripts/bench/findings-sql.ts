/**
 * DuckDB SQL counting what a findings scan compares, for the selection (one filter) and the rest of
 * the wave: respondents per option of every single-choice and multi-select question on each side
 * (multi-select through query-sql's multiSql, with its base rules), and each numeric question's
 * respondents and mean. The scan's tests are ours alone; these counts are what they rest on.
 */
import { factKey, type Facts } from './facts';
import { ident, multiFacts, multiSql, type SqlRow } from './query-sql';

export interface SidedTable {
  table: string;
  /** SQL condition: in the selection (NULL counts as the rest, as our filter leaves non-answers out). */
  selected: string;
}

/** The table with a `side__` column: 'selection' or 'rest'. */
const sided = (spec: SidedTable) => `(SELECT *, CASE WHEN ${spec.selected} THEN 'selection' ELSE 'rest' END AS side__ FROM ${spec.table})`;
const num = (value: unknown): number => (value === null || value === undefined ? NaN : Number(value));

export type ScannedColumn = { id: string; kind: 'single' } | { id: string; kind: 'multi'; excluded: readonly string[] } | { id: string; kind: 'numeric' };

export function findingsSql(spec: SidedTable, column: ScannedColumn): string {
  const c = ident(column.id);
  if (column.kind === 'multi') return multiSql({ table: sided(spec), column: column.id, excluded: column.excluded, segment: 'side__' });
  if (column.kind === 'numeric')
    return `SELECT side__, count(v), avg(v) FROM (SELECT side__, TRY_CAST(${c} AS DOUBLE) AS v FROM ${sided(spec)}) WHERE v IS NOT NULL GROUP BY side__`;
  return `SELECT side__, ${c} AS o, count(*) FROM ${sided(spec)} WHERE ${c} IS NOT NULL GROUP BY ALL`;
}

/** Facts keyed question | side | measure | option: a share's base and share, a mean's respondents and value. */
export function findingsFacts(rows: SqlRow[], column: ScannedColumn): Facts {
  if (column.kind === 'multi') return multiFacts(rows, column.id, column.excluded, false);
  if (column.kind === 'numeric')
    return new Map(rows.map(([side, n, mean]) => [factKey(column.id, String(side), 'mean', ''), { base: num(n), value: num(mean) }]));
  const bases = new Map<string, number>();
  for (const [side, , n] of rows) bases.set(String(side), (bases.get(String(side)) ?? 0) + num(n));
  return new Map(
    rows.map(([side, o, n]) => {
      const base = bases.get(String(side))!;
      return [factKey(column.id, String(side), 'share', String(o)), { count: num(n), base, share: num(n) / base }];
    }),
  );
}
