/**
 * DuckDB SQL computing the same numbers as our figures, on the table read_csv loaded (types as
 * DuckDB detected them; "no answer" strings read as NULL), and the facts of its answers.
 * Our definitions, restated in SQL: multi-select counts respondents (a cell's options made
 * distinct), its "answered" base leaves out respondents whose only options are excluded from the
 * base, an excluded option is a share of everyone who answered; numeric quartiles are R's type 7
 * (DuckDB's quantile_cont interpolates the same way); blanks never count as zero.
 */
import type { NumericBin } from '../../lib/analysis/numeric-bins';
import { factKey, type Fact, type Facts } from './facts';

export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
export const text = (value: string) => `'${value.replace(/'/g, "''")}'`;
const list = (values: readonly string[]) => values.map(text).join(', ');

export type SqlRow = unknown[];
const num = (value: unknown): number => (value === null || value === undefined ? NaN : Number(value));

export interface MultiSql {
  table: string;
  column: string;
  excluded: readonly string[];
  /** Extra WHERE conditions (filters), already SQL. */
  where?: string;
  /** Segment column: one group per answer, respondents without one left out. */
  segment?: string;
  /** Weight expression (SQL), or none. */
  weight?: string;
}

/** Respondents per option (and the answered and counted bases), per segment, with weighted sums. */
export function multiSql(spec: MultiSql): string {
  const c = ident(spec.column);
  const conditions = [`${c} IS NOT NULL`, spec.segment ? `${ident(spec.segment)} IS NOT NULL` : '', spec.where ?? ''].filter(Boolean).join(' AND ');
  const inBase = spec.excluded.length ? `len(list_filter(os, x -> x NOT IN (${list(spec.excluded)}))) > 0` : 'true';
  return `WITH r AS (SELECT ${spec.segment ? ident(spec.segment) : "''"} AS g, ${spec.weight ?? 'NULL::DOUBLE'} AS w, list_distinct(string_split(${c}, ';')) AS os FROM ${spec.table} WHERE ${conditions})
SELECT g, 'option' AS kind, o, count(*) AS n, sum(w) AS sw FROM (SELECT g, w, unnest(os) AS o FROM r) GROUP BY g, o
UNION ALL SELECT g, 'base', NULL, count(*) FILTER (WHERE ${inBase}), sum(w) FILTER (WHERE ${inBase}) FROM r GROUP BY g
UNION ALL SELECT g, 'answered', NULL, count(*), sum(w) FROM r GROUP BY g`;
}

export function multiFacts(rows: SqlRow[], wave: string, excluded: readonly string[], weighted: boolean): Facts {
  const bases = new Map<string, { base: number[]; answered: number[] }>();
  for (const [g, kind, , n, sw] of rows) {
    if (kind === 'option') continue;
    const entry = bases.get(String(g)) ?? { base: [0, 0], answered: [0, 0] };
    entry[kind as 'base' | 'answered'] = [num(n), num(sw)];
    bases.set(String(g), entry);
  }
  const facts: Facts = new Map();
  for (const [g, kind, o, n, sw] of rows) {
    if (kind !== 'option' || o === '') continue;
    const entry = bases.get(String(g))!;
    const [base, baseW] = excluded.includes(String(o)) ? entry.answered : entry.base;
    const fact: Fact = { count: num(n), base, share: weighted ? num(sw) / baseW : num(n) / base };
    if (weighted) Object.assign(fact, { sumW: num(sw), baseW });
    facts.set(factKey(wave, String(g), 'share', String(o)), fact);
  }
  return facts;
}

/** Respondents per answer of a single-choice question. */
export function singleSql(table: string, column: string): string {
  const c = ident(column);
  return `SELECT ${c} AS o, count(*) AS n FROM ${table} WHERE ${c} IS NOT NULL GROUP BY ALL`;
}

export function singleFacts(rows: SqlRow[], wave: string): Facts {
  const base = rows.reduce((sum, row) => sum + num(row[1]), 0);
  return new Map(rows.map(([o, n]) => [factKey(wave, '', 'share', String(o)), { count: num(n), base, share: num(n) / base }]));
}

/** Row question × column question: counts per pair, and per row answer over every column answer or none. */
export function crosstabSql(table: string, rowColumn: string, columnColumn: string): string {
  return `SELECT ${ident(rowColumn)} AS r, ${ident(columnColumn)} AS c, count(*) AS n FROM ${table} WHERE ${ident(rowColumn)} IS NOT NULL GROUP BY ALL`;
}

export function crosstabFacts(rows: SqlRow[], wave: string): Facts {
  const totals = new Map<string, number>();
  const columnBases = new Map<string, number>();
  let answered = 0;
  for (const [r, c, n] of rows) {
    totals.set(String(r), (totals.get(String(r)) ?? 0) + num(n));
    answered += num(n);
    if (c !== null) columnBases.set(String(c), (columnBases.get(String(c)) ?? 0) + num(n));
  }
  const facts: Facts = new Map();
  for (const [r, total] of totals) facts.set(factKey(wave, '(total)', 'share', r), { count: total, base: answered, share: total / answered });
  for (const [r, c, n] of rows) {
    if (c === null) continue;
    const base = columnBases.get(String(c))!;
    facts.set(factKey(wave, String(c), 'share', String(r)), { count: num(n), base, share: num(n) / base });
  }
  return facts;
}

/** Count, mean, quartiles (type 7) and extremes of a numeric column, then the histogram on our bin edges. */
export function numericSql(table: string, column: string, bins: readonly NumericBin[]): string[] {
  const v = `TRY_CAST(${ident(column)} AS DOUBLE)`;
  const cases = bins.map((bin, b) => `WHEN v < ${bin.to === Infinity ? "'Infinity'::DOUBLE" : bin.to} THEN ${b}`).join(' ');
  return [
    `SELECT count(v), avg(v), quantile_cont(v, [0.25, 0.5, 0.75]), min(v), max(v) FROM (SELECT ${v} AS v FROM ${table}) WHERE v IS NOT NULL`,
    `SELECT CASE ${cases} ELSE ${bins.length - 1} END AS b, count(*) FROM (SELECT ${v} AS v FROM ${table}) WHERE v IS NOT NULL GROUP BY b`,
  ];
}

const items = (value: unknown): unknown[] => (Array.isArray(value) ? value : ((value as { items: unknown[] }).items ?? []));

export function numericFacts(results: SqlRow[][], wave: string, bins: readonly NumericBin[]): Facts {
  const [[count, mean, quartiles, min, max]] = results[0];
  const [q1, median, q3] = items(quartiles).map(num);
  const facts: Facts = new Map(
    [
      ['mean', mean],
      ['median', median],
      ['q1', q1],
      ['q3', q3],
      ['min', min],
      ['max', max],
    ].map(([measure, value]) => [factKey(wave, '', String(measure), ''), { value: num(value) }]),
  );
  for (const [b, n] of results[1]) facts.set(factKey(wave, '', 'bin', bins[num(b)].value), { count: num(n), base: num(count), share: num(n) / num(count) });
  return facts;
}

export interface RankingSql {
  /** Per wave, its table. */
  waves: { id: string; table: string }[];
  /** Item values and their columns. */
  items: { value: string; column: string }[];
}

/** Per wave: who ranked anything (the base), and per item who ranked it first and who ranked it at all. */
export function rankingSql(spec: RankingSql): string {
  const any = spec.items.map((item) => `${ident(item.column)} IS NOT NULL`).join(' OR ');
  const perItem = spec.items
    .map((item, k) => `count(*) FILTER (WHERE TRY_CAST(${ident(item.column)} AS INTEGER) = 1) AS f${k}, count(${ident(item.column)}) AS a${k}`)
    .join(', ');
  return spec.waves
    .map((wave) => `SELECT ${text(wave.id)} AS wave, count(*) FILTER (WHERE ${any}) AS base, ${perItem} FROM ${wave.table}`)
    .join('\nUNION ALL ');
}

export function rankingFacts(rows: SqlRow[], spec: RankingSql): Facts {
  const facts: Facts = new Map();
  for (const row of rows) {
    const wave = String(row[0]);
    const base = num(row[1]);
    spec.items.forEach((item, k) => {
      const first = num(row[2 + 2 * k]);
      const atAll = num(row[3 + 2 * k]);
      facts.set(factKey(wave, '', 'ranked_first', item.value), { count: first, base, share: first / base });
      facts.set(factKey(wave, '', 'ranked_at_all', item.value), { count: atAll, base, share: atAll / base });
    });
  }
  return facts;
}
