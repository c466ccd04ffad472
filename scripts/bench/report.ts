/** The benchmark's results: their shape (written as JSON) and the tables printed from them. */
import type { Engine } from './ingest-child';
import type { QueryTiming } from './query-child';
import type { FindingsRun } from './findings-child';
import type { Summary } from './stats';
import type { VisitorRow } from './visitor-child';
import { schemaTable, schemaTargets, type SchemaRow } from './schema-bench';

export interface IngestRow {
  dataset: string;
  title: string;
  engine: Engine;
  csvBytes: number;
  fileBytes: number;
  generatedRows?: number;
  rows: number | null;
  ms: Summary | null;
  maxRss: Summary | null;
  modelBytes: number | null;
  savedBytes: number | null;
  failure?: string;
}

export interface QueryRun {
  dataset: string;
  respondents: number;
  duckdbOpenMs: number;
  modelReadMs: number;
  problems: string[];
  queries: QueryTiming[];
  pages: { name: string; ours: Summary }[];
  failure?: string;
}

export interface RestartRow {
  dataset: string;
  title: string;
  respondents: number;
  /** Every warm run found the cache and no cold run did. */
  warmWasWarm: boolean;
  cold: { toPage: Summary; load: Summary; sinceStart: Summary };
  warm: { toPage: Summary; load: Summary; sinceStart: Summary };
  failure?: string;
}

export interface BenchResults {
  when: string;
  machine: { node: string; cpus: number; cpuModel: string; loadAverageAtStart: number; loadAverageAtEnd: number };
  settings: { reps: number; runs: number; seed: number; sizes: number[] };
  missingSharedData: string[];
  generation: { ms: number };
  ingest: IngestRow[];
  queries: QueryRun[];
  restart: RestartRow[];
  growth: { engine: Engine; points: { rows: number; ms: number; maxRss: number }[]; timeExponent: number | null; rssExponent: number | null }[];
  visitor: VisitorRow[];
  findings: FindingsRun[];
  schema: SchemaRow[];
  wallMs: number;
}

const MB = 2 ** 20;
const pad = (text: string, width: number) => (text.length >= width ? text : text + ' '.repeat(width - text.length));
const left = (text: string, width: number) => (text.length >= width ? text : ' '.repeat(width - text.length) + text);
const fixed = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : '—');
/** Significant enough digits for a timing in ms, from 0.05 to 50,000. */
const ms = (value: number) => (value >= 100 ? fixed(value, 0) : value >= 10 ? fixed(value, 1) : fixed(value, 2));
const range = (s: Summary | null, scale: number, digits: number) =>
  s ? `${fixed(s.median / scale, digits)} [${fixed(s.min / scale, digits)}–${fixed(s.max / scale, digits)}]` : 'failed';
const msRange = (s: Summary | null) => (s ? `${ms(s.median)} [${ms(s.min)}–${ms(s.max)}]` : '—');

function table(headings: string[], rows: string[][], widths: number[]): string {
  const line = (cells: string[]) => cells.map((cell, k) => (k === 0 ? pad(cell, widths[k]) : left(cell, widths[k]))).join('  ');
  return [line(headings), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function ingestTables(results: BenchResults): string {
  const ids = [...new Set(results.ingest.map((row) => row.dataset))];
  const of = (id: string, engine: Engine) => results.ingest.find((row) => row.dataset === id && row.engine === engine)!;
  const ratio = (a: IngestRow, b: IngestRow) => (a.ms && b.ms ? fixed(a.ms.median / b.ms.median, 1) + '×' : '—');
  const times = ids.map((id) => {
    const [ours, papa, duck] = [of(id, 'ours'), of(id, 'papaparse'), of(id, 'duckdb')];
    return [
      ours.title,
      fixed(ours.csvBytes / MB, 1),
      ours.rows?.toLocaleString('en-US') ?? '—',
      range(ours.ms, 1000, 2),
      range(papa.ms, 1000, 2),
      range(duck.ms, 1000, 2),
      ours.ms ? fixed(ours.csvBytes / MB / (ours.ms.median / 1000), 1) : '—',
      ratio(ours, papa),
      ratio(ours, duck),
    ];
  });
  const memory = ids.map((id) => {
    const [ours, papa, duck] = [of(id, 'ours'), of(id, 'papaparse'), of(id, 'duckdb')];
    const rss = (row: IngestRow) => (row.maxRss ? fixed(row.maxRss.median / MB, 0) : '—');
    return [
      ours.title,
      fixed(ours.csvBytes / MB, 1),
      rss(ours),
      rss(papa),
      rss(duck),
      ours.maxRss ? fixed(ours.maxRss.median / ours.csvBytes, 2) + '×' : '—',
      ours.modelBytes !== null ? fixed(ours.modelBytes / MB, 1) : '—',
      ours.savedBytes !== null ? fixed(ours.savedBytes / MB, 1) : '—',
    ];
  });
  const failures = results.ingest.filter((row) => row.failure).map((row) => `  FAILED ${row.dataset} ${row.engine}: ${row.failure}`);
  return [
    `Ingest — seconds, median of ${results.settings.reps} [min–max], each run its own process, engines' order rotating; MB/s of CSV text`,
    table(['dataset', 'CSV MB', 'rows', 'ours s', 'papaparse s', 'DuckDB s', 'ours MB/s', '÷papa', '÷DuckDB'], times, [34, 7, 10, 22, 19, 19, 9, 6, 8]),
    '',
    'Ingest — peak RSS of the process (MB, median); the model: its typed arrays and its V8-serialised cache entry',
    table(['dataset', 'CSV MB', 'ours', 'papaparse', 'DuckDB', 'ours/CSV', 'arrays MB', 'cache MB'], memory, [34, 7, 7, 10, 7, 9, 10, 9]),
    ...failures,
  ].join('\n');
}

function queryTables(results: BenchResults): string {
  return results.queries
    .map((run) => {
      if (run.failure) return `Queries on ${run.dataset}: FAILED — ${run.failure}`;
      const rows = run.queries.map((q) => [
        q.name,
        msRange(q.ours),
        msRange(q.duckdb),
        fixed(q.ours.median / q.duckdb.median, 2),
        String(q.ours.runs),
        q.mismatches.length ? `${q.mismatches.length} DIFFER` : `${q.compared} equal`,
      ]);
      const pages = run.pages.map((p) => [p.name, msRange(p.ours), '—', '—', String(p.ours.runs), '']);
      const differences = run.queries.flatMap((q) => q.mismatches.slice(0, 10).map((m) => `  ≠ ${q.name}: ${m}`));
      return [
        `Queries on ${run.dataset} (${run.respondents.toLocaleString('en-US')} respondents) — ms, median [min–max] of ${results.settings.runs} runs after a first (fewer, ≥ 3, once a query's runs pass 3 s); ours = aggregateView or crosstab (figures with intervals and marks), DuckDB = SQL on its table`,
        table(['query', 'ours', 'DuckDB', 'ours÷DuckDB', 'runs', 'answers'], [...rows, ...pages], [40, 22, 24, 11, 4, 12]),
        ...run.problems.map((p) => `  ≠ ${p}`),
        ...differences,
      ].join('\n');
    })
    .join('\n\n');
}

function restartTable(results: BenchResults): string {
  const rows = results.restart.map((row) =>
    row.failure
      ? [row.title, '—', 'FAILED', row.failure.slice(0, 60), '', '', '']
      : [
          row.title,
          row.respondents.toLocaleString('en-US'),
          msRange(row.cold.toPage),
          msRange(row.warm.toPage),
          fixed((100 * row.warm.toPage.median) / row.cold.toPage.median, 1) + '%',
          `${ms(row.cold.load.median)} / ${ms(row.warm.load.median)}`,
          fixed((100 * row.warm.load.median) / row.cold.load.median, 1) + '%',
          `${ms(row.cold.sinceStart.median)} / ${ms(row.warm.sinceStart.median)}`,
          row.warmWasWarm ? 'yes' : 'NO',
        ],
  );
  return [
    `Restart — a fresh process through the app's store (file hash, then the persisted cache or a parse) to the overview's first page of cards (24), ms, median of ${results.settings.reps} [min–max]`,
    table(
      ['dataset', 'respondents', 'to page, no cache', 'warm cache', 'warm/cold', 'store only cold / warm', 'warm/cold', 'since process start', 'hit'],
      rows,
      [22, 11, 20, 18, 9, 22, 9, 18, 3],
    ),
  ].join('\n');
}

function growthTable(results: BenchResults): string {
  const sizes = results.growth.find((g) => g.points.length)?.points.map((p) => p.rows) ?? [];
  if (sizes.length < 2) return 'Growth — needs two generated sizes or more';
  const label = (rows: number) => (rows >= 1e6 ? `${rows / 1e6}M` : `${rows / 1e3}k`);
  const rows = results.growth.map((g) => [
    g.engine,
    ...g.points.map((p) => fixed(p.ms / 1000, 2)),
    fixed(g.timeExponent ?? NaN, 2),
    ...g.points.map((p) => fixed(p.maxRss / MB, 0)),
    fixed(g.rssExponent ?? NaN, 2),
  ]);
  const widths = [10, ...sizes.map(() => 8), 9, ...sizes.map(() => 8), 9];
  return [
    'Growth — generated survey, ingest median seconds and peak RSS (MB) by respondents; exponents of a log-log least-squares fit',
    table(['engine', ...sizes.map((s) => `${label(s)} s`), 'time exp', ...sizes.map((s) => `${label(s)} MB`), 'RSS exp'], rows, widths),
  ].join('\n');
}

/** Issue 23's scan: ours (tests, BH, floors) against DuckDB counting the same options, and the 2-second target on the uncached first run. */
function findingsLines(findings: readonly FindingsRun[]): { table: string; targets: string[] } {
  const mark = (ok: boolean) => (ok ? ' ok' : 'MISS');
  const rows = findings.map((run) =>
    run.failure
      ? [run.dataset, 'FAILED', run.failure.slice(0, 60), '', '', '', '']
      : [
          `${run.dataset}: ${run.filter} (${run.selected.toLocaleString('en-US')} of ${run.respondents.toLocaleString('en-US')})`,
          ms(run.timing.ours.first),
          msRange(run.timing.ours),
          msRange(run.timing.duckdb),
          fixed(run.timing.ours.median / run.timing.duckdb.median, 3),
          `${run.tests} tests, ${run.findings} findings`,
          run.timing.mismatches.length ? `${run.timing.mismatches.length} DIFFER` : `${run.timing.compared} equal`,
        ],
  );
  const text = [
    'Findings scan (issue 23) — ms: the first run in a fresh process (uncached), then median [min–max] of the runs after it; DuckDB = SQL counting the same options on both sides',
    table(['scan', 'ours first', 'ours', 'DuckDB', 'ours÷DuckDB', 'tests', 'answers'], rows, [52, 10, 22, 24, 11, 24, 10]),
    ...findings.flatMap((run) => run.timing?.mismatches.slice(0, 10).map((m) => `  ≠ ${m}`) ?? []),
  ].join('\n');
  const targets = findings
    .filter((run) => !run.failure)
    .flatMap((run) => [
      `${mark(run.timing.ours.first <= 2000)} findings scan of ${run.dataset} with one filter ≤ 2 s uncached: ${ms(run.timing.ours.first)} ms first, ${ms(run.timing.ours.median)} ms median (${fixed(run.timing.ours.median / run.timing.duckdb.median, 3)}× DuckDB's counts)`,
      `${mark(run.timing.mismatches.length === 0)} findings scan's bases, shares and means equal to DuckDB's on ${run.dataset}`,
    ]);
  return { table: text, targets };
}

/** `npm run bench -- --findings-only`: the findings table and its targets alone. */
export function printFindings(findings: readonly FindingsRun[]): void {
  const { table, targets } = findingsLines(findings);
  console.log(['', table, '', 'Targets (issue 23)', ...targets.map((line) => `  ${line}`)].join('\n'));
}

/** The issue's targets, each with its measured figure. */
function targetLines(results: BenchResults): string {
  const lines: string[] = [];
  const mark = (ok: boolean | null) => (ok === null ? '  ?' : ok ? ' ok' : 'MISS');
  const ingestOf = (dataset: string, engine: Engine) => results.ingest.find((row) => row.dataset === dataset && row.engine === engine);
  const ingestIds = [...new Set(results.ingest.map((row) => row.dataset))].filter((id) => id === 'so2019' || id.startsWith('generated-'));
  for (const id of ingestIds.filter((id, k, all) => id === 'so2019' || k === all.findIndex((x) => x.startsWith('generated-')) || k === all.length - 1)) {
    const [ours, papa, duck] = (['ours', 'papaparse', 'duckdb'] as Engine[]).map((engine) => ingestOf(id, engine)?.ms?.median ?? NaN);
    lines.push(`${mark(ours / papa <= 1.5)} ingest ≤ 1.5× papaparse on ${id}: ${fixed(ours / papa, 2)}×`);
    lines.push(`${mark(ours / duck <= 2)} ingest ≤ 2× DuckDB on ${id}: ${fixed(ours / duck, 2)}×`);
  }
  const largest = results.ingest.filter((row) => row.engine === 'ours' && row.generatedRows).at(-1);
  if (largest?.maxRss)
    lines.push(
      `${mark(largest.maxRss.median <= 2 * largest.csvBytes)} peak RSS ≤ 2× the file at ${largest.dataset}: ${fixed(largest.maxRss.median / largest.csvBytes, 2)}× (${fixed(largest.maxRss.median / MB, 0)} MB for ${fixed(largest.csvBytes / MB, 0)} MB)`,
    );
  for (const run of results.queries.filter((r) => !r.failure)) {
    const limit = run.respondents >= 1e6 ? 50 : run.respondents >= 1e5 ? 5 : null;
    const slow = run.queries.filter((q) => limit !== null && q.ours.median > limit).map((q) => `${q.name} ${ms(q.ours.median)} ms`);
    const behind = run.queries.filter((q) => q.ours.median >= q.duckdb.median).map((q) => `${q.name} ${ms(q.ours.median)} vs ${ms(q.duckdb.median)} ms`);
    if (limit !== null) lines.push(`${mark(slow.length === 0)} every query ≤ ${limit} ms on ${run.dataset}${slow.length ? `: over — ${slow.join('; ')}` : ''}`);
    lines.push(`${mark(behind.length === 0)} every query faster than DuckDB on ${run.dataset}${behind.length ? `: not — ${behind.join('; ')}` : ''}`);
    const differing = run.queries.filter((q) => q.mismatches.length).map((q) => q.name);
    lines.push(
      `${mark(differing.length === 0 && run.problems.length === 0)} answers equal to DuckDB's on ${run.dataset}${differing.length ? `: differ — ${differing.join(', ')}` : ''}`,
    );
  }
  for (const row of results.restart.filter((r) => !r.failure))
    lines.push(
      `${mark(row.warm.toPage.median <= 0.1 * row.cold.toPage.median)} restart to the first page with a warm cache ≤ 10% of a fresh parse on ${row.dataset}: ${fixed((100 * row.warm.toPage.median) / row.cold.toPage.median, 1)}% (the store's part alone: ${fixed((100 * row.warm.load.median) / row.cold.load.median, 1)}%)`,
    );
  for (const g of results.growth.filter((x) => x.timeExponent !== null && x.engine === 'ours')) {
    lines.push(`${mark(g.timeExponent! >= 0.9 && g.timeExponent! <= 1.1)} ingest time exponent in [0.9, 1.1]: ${fixed(g.timeExponent!, 2)}`);
    lines.push(`${mark(g.rssExponent! >= 0.9 && g.rssExponent! <= 1.1)} peak RSS exponent in [0.9, 1.1]: ${fixed(g.rssExponent!, 2)}`);
  }
  lines.push(...findingsLines(results.findings ?? []).targets);
  lines.push(...schemaTargets(results.schema ?? []));
  return ['Targets (issues 14, 23 and 25)', ...lines.map((line) => `  ${line}`)].join('\n');
}

/** The visitor against the loop it replaced: medians and ranges, and their ratio (1.00 = it costs nothing). */
function visitorTable(results: BenchResults): string {
  if (results.visitor.length === 0) return '';
  const lines = ['One loop over selected respondents: forEachSelected vs the same loop inline (weighted tally, 1,000,000 respondents), ms median [min–max]'];
  for (const row of results.visitor)
    lines.push(
      `  ${pad(row.selection, 12)} ${left(row.selected.toLocaleString('en-US'), 9)} selected   inline ${range(row.inline, 1, 2)}   visitor ${range(row.visitor, 1, 2)}   ratio of medians ${fixed(row.visitor.median / row.inline.median, 2)}, of minima ${fixed(row.visitor.min / row.inline.min, 2)}${row.wordLoop ? `   word loop ${range(row.wordLoop, 1, 2)}, ratio of medians ${fixed(row.wordLoop.median / row.inline.median, 2)}` : ''}`,
    );
  return lines.join('\n');
}

export function printReport(results: BenchResults): void {
  const m = results.machine;
  const header = [
    `Survey Lens benchmark — ${results.when} · Node ${m.node} · ${m.cpus} × ${m.cpuModel} · load average ${fixed(m.loadAverageAtStart, 1)} at start, ${fixed(m.loadAverageAtEnd, 1)} at end`,
    `Data: Stack Overflow 2019 (ODbL 1.0 + DbCL), Kaggle ML & DS Survey 2022 (CC BY 2.0), generated by scripts/bench/generate-wide.ts (seed ${results.settings.seed})`,
    ...results.missingSharedData.map((file) => `!!! SKIPPED, shared data missing: ${file}`),
  ];
  console.log(
    [
      '',
      ...header,
      '',
      ingestTables(results),
      '',
      queryTables(results),
      '',
      restartTable(results),
      '',
      growthTable(results),
      '',
      visitorTable(results),
      '',
      findingsLines(results.findings ?? []).table,
      '',
      schemaTable(results.schema ?? []),
      '',
      targetLines(results),
    ].join('\n'),
  );
}
