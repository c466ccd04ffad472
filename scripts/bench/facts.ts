/**
 * The numbers a query answers, in one shape for both engines, so they can be compared: a key
 * (wave | segment | measure | option) → counts, bases, shares, weighted sums or a value.
 */
import type { AggregateRow } from '../../lib/analysis/aggregate-row';
import type { Crosstab } from '../../lib/analysis/crosstab';

export interface Fact {
  count?: number;
  base?: number;
  share?: number;
  /** Weighted count and base (sums of weights). */
  sumW?: number;
  baseW?: number;
  /** A value measure: mean, quartile, extreme. */
  value?: number;
}

export type Facts = Map<string, Fact>;

export const factKey = (wave: string, segment: string, measure: string, option: string) => `${wave}|${segment}|${measure}|${option}`;

const EXACT = ['count', 'base'] as const;
const CLOSE = ['share', 'sumW', 'baseW', 'value'] as const;
/** Shares, sums and quartiles agree to 1e-9 (relative above 1: salaries and weighted sums are large). */
export const TOLERANCE = 1e-9;

function close(a: number, b: number): boolean {
  if (Number.isNaN(a) && Number.isNaN(b)) return true;
  return Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}

const isZero = (fact: Fact) => fact.count === 0 && (fact.sumW === undefined || fact.sumW === 0);

/**
 * Every difference between two sets of facts, in words. A key on one side only is a difference
 * unless its count is 0 (SQL's GROUP BY has no row for an option nobody chose; our figures list
 * every option). `withheld` keys (suppressed by us: base under the threshold) must have a base
 * under `suppressBelow` on the other side, and are not compared further.
 */
export function compareFacts(ours: Facts, theirs: Facts, withheld: ReadonlySet<string> = new Set(), suppressBelow = 10): string[] {
  const problems: string[] = [];
  for (const key of withheld) {
    const other = theirs.get(key);
    if (other && other.base !== undefined && other.base >= suppressBelow) problems.push(`${key}: we withheld it, DuckDB's base is ${other.base}`);
  }
  for (const key of new Set([...ours.keys(), ...theirs.keys()])) {
    if (withheld.has(key)) continue;
    const a = ours.get(key);
    const b = theirs.get(key);
    if (!a || !b) {
      const present = (a ?? b)!;
      if (!isZero(present)) problems.push(`${key}: only ${a ? 'ours' : 'DuckDB'} has it (${JSON.stringify(present)})`);
      continue;
    }
    for (const field of EXACT)
      if (a[field] !== undefined && b[field] !== undefined && a[field] !== b[field]) problems.push(`${key}: ${field} ours ${a[field]} vs DuckDB ${b[field]}`);
    for (const field of CLOSE)
      if (a[field] !== undefined && b[field] !== undefined && !close(a[field]!, b[field]!))
        problems.push(`${key}: ${field} ours ${a[field]} vs DuckDB ${b[field]}`);
  }
  return problems;
}

const VALUE_MEASURES = new Set(['mean', 'median', 'q1', 'q3', 'min', 'max', 'mean_rank']);

/**
 * Facts of aggregateView rows (what the page and the export show), for the measures asked; rows
 * of the whole selection (segment '') left out with `segmentsOnly`. Suppressed rows are withheld.
 */
export function rowFacts(
  rows: readonly AggregateRow[],
  measures: readonly string[],
  options: { segmentsOnly?: boolean; weighted?: boolean } = {},
): { facts: Facts; withheld: Set<string> } {
  const facts: Facts = new Map();
  const withheld = new Set<string>();
  for (const row of rows) {
    if (!measures.includes(row.measure) || (options.segmentsOnly && row.keys.segment === '')) continue;
    const key = factKey(row.wave, row.keys.segment, row.measure, row.keys.option);
    if (VALUE_MEASURES.has(row.measure)) {
      facts.set(key, { value: row.value ?? NaN });
      continue;
    }
    if (row.count === null) {
      withheld.add(key);
      continue;
    }
    const fact: Fact = { count: row.count, base: row.base ?? NaN, share: row.percent === null ? NaN : row.percent / 100 };
    if (options.weighted) Object.assign(fact, { sumW: row.weighted_count ?? NaN, baseW: row.weighted_base ?? NaN });
    facts.set(key, fact);
  }
  return { facts, withheld };
}

/** Facts of a crosstab: per row option its total (segment "(total)") and its cell in each column. */
export function crosstabFacts(table: Crosstab, wave: string): Facts {
  const facts: Facts = new Map();
  for (const row of table.rows) {
    facts.set(factKey(wave, '(total)', 'share', row.value), { count: row.total.count, base: row.total.base, share: row.total.share });
    row.cells.forEach((cell, c) =>
      facts.set(factKey(wave, table.columns[c].value, 'share', row.value), { count: cell.count, base: cell.base, share: cell.share }),
    );
  }
  return facts;
}
