/**
 * Queries on a loaded survey, ours against DuckDB on its loaded table, in a process of its own:
 * ours on the model its ingest run saved (the persisted cache's V8 format), DuckDB on the table
 * its ingest run saved (a database file, opened read-only); the two engines take turns, a first
 * run apart, then the medians of `runs` runs (fewer, at least MIN_RUNS, for slow queries), and
 * the last answers asserted equal (facts.ts). Ours runs the functions the page and the export run
 * (aggregateView; crosstab for the crosstab), so its times include intervals and significance
 * marks that the SQL does not compute. Prints one `BENCH_RESULT {json}` line.
 *
 *   node --import tsx scripts/bench/query-child.ts '<QueryJob as JSON>'
 */
import { readFileSync } from 'node:fs';
import { deserialize } from 'node:v8';
import type { DuckDBConnection } from '@duckdb/node-api';
// Timed afresh on every run: through the server's view cache the second run would time a lookup.
import { aggregateViewUncached as aggregateView } from '../../lib/analysis/aggregate-view';
import type { AggregateQuery, DatasetWaves } from '../../lib/analysis/aggregate-query';
import { crosstab } from '../../lib/analysis/crosstab';
import type { Filter } from '../../lib/analysis/filters';
import { numericBins } from '../../lib/analysis/numeric-bins';
import { selectAll } from '../../lib/analysis/selection';
import type { NumericQuestion, Question, Survey } from '../../lib/survey/types';
import { printResult } from './child-result';
import { compareFacts, crosstabFacts as ourCrosstabFacts, rowFacts, type Facts } from './facts';
import { openDuckdb } from './ingest-child';
import * as sql from './query-sql';
import { summarise, type Summary } from './stats';
import { aggregatable } from '../../lib/analysis/question-figures';
import { buildFacets } from '../../lib/view/figures/build-facets';
import { buildQuestionView } from '../../lib/view/figures/question-view';
import { ask } from './ask';
import { parseViewState } from '../../lib/view/state/parse-view-state';
import { resolveViewState } from '../../lib/view/state/resolve-view-state';

/** What to compare, per kind of dataset: question ids, filters (ours and as SQL), the weight. */
export interface QuerySpec {
  single: string;
  multi: string;
  excluded: string[];
  filters: Filter[];
  filterSql: string;
  by: string;
  crossRows: string;
  crossColumns: string;
  /** The weight column, or none: then a stand-in weight of each respondent's position (the same formula in SQL). */
  weight?: string;
  numeric: string;
  trend?: string;
  /** A question page's URL query (two filters and a comparison), for the page timings. */
  pageQuery: string;
}

export const SPECS: Record<'so2019' | 'generated', QuerySpec> = {
  so2019: {
    single: 'Country',
    multi: 'LanguageWorkedWith',
    excluded: ['Other(s):'],
    filters: [
      { question: 'MainBranch', op: 'in', values: ['I am a developer by profession'] },
      { question: 'LanguageWorkedWith', op: 'in', values: ['Python', 'Go'] },
    ],
    filterSql: `"MainBranch" IN ('I am a developer by profession') AND list_has_any(string_split("LanguageWorkedWith", ';'), ['Python', 'Go'])`,
    by: 'OpSys',
    crossRows: 'CareerSat',
    crossColumns: 'WorkLoc',
    numeric: 'ConvertedComp',
    pageQuery: 'MainBranch=I+am+a+developer+by+profession&LanguageWorkedWith=Python&_by=Gender',
  },
  generated: {
    single: 'role',
    multi: 'languages',
    excluded: [],
    filters: [
      { question: 'region', op: 'in', values: ['Europe'] },
      { question: 'languages', op: 'in', values: ['Python', 'Go'] },
    ],
    filterSql: `"region" IN ('Europe') AND list_has_any(string_split("languages", ';'), ['Python', 'Go'])`,
    by: 'work_arrangement',
    crossRows: 'job_satisfaction',
    crossColumns: 'region',
    weight: 'weight',
    numeric: 'salary_usd',
    trend: 'hot_trends',
    pageQuery: 'region=Europe&languages=Python&_by=work_arrangement',
  },
};

export interface QueryJob {
  dataset: string;
  spec: keyof typeof SPECS;
  wave: string;
  /** Our model, V8-serialised by the ingest run (the persisted cache's format). */
  model: string;
  /** DuckDB's loaded table, saved by its ingest run (a database file holding table t). */
  duckdb: string;
  /** Earlier waves for the trend (the latest is this one). */
  trendWaves?: { id: string; model: string; duckdb: string }[];
  runs: number;
}

export interface QueryTiming {
  name: string;
  /** `first`: the run before the timed ones (in a fresh process, the uncached one). */
  ours: Summary & { first: number };
  duckdb: Summary & { first: number };
  /** Facts compared, and every difference found (empty = equal). */
  compared: number;
  mismatches: string[];
}

const STAND_IN_WEIGHT = { js: (i: number) => 0.5 + ((i * 2654435761) % 1000) / 666, sql: '0.5 + ((rowid * 2654435761) % 1000) / 666' };

/** Stack Overflow publishes no weights: a stand-in weight column (0.5–2.0 by position) exercises the weighted path alike in both engines. */
function withStandInWeight(survey: Survey): Survey {
  const values = Float64Array.from({ length: survey.size }, (_, i) => STAND_IN_WEIGHT.js(i));
  const source = { columns: [], indexes: [] } as NumericQuestion['source'];
  const weight: NumericQuestion = { kind: 'numeric', id: 'bench_weight', label: 'Stand-in weight', source, answeredCount: survey.size, values };
  return { ...survey, questions: [...survey.questions, weight], weightQuestionId: weight.id };
}

function question(survey: Survey, id: string): Question {
  const found = survey.questions.find((q) => q.id === id);
  if (!found) throw new Error(`no question "${id}" in the survey`);
  return found;
}

/** The `stem[item]` column of a ranking item. */
function columnOf(columns: string[], item: string): string {
  const column = columns.find((name) => name.endsWith(`[${item}]`));
  if (!column) throw new Error(`no column for ranking item "${item}"`);
  return column;
}

export interface Query {
  name: string;
  ours: () => unknown;
  statements: string[];
  oursFacts: (answer: unknown) => { facts: Facts; withheld?: Set<string> };
  theirFacts: (results: sql.SqlRow[][]) => Facts;
}

function buildQueries(job: QueryJob, waves: DatasetWaves['waves']): Query[] {
  const spec = SPECS[job.spec];
  const latest = waves.at(-1)!;
  const survey = spec.weight ? latest.survey : withStandInWeight(latest.survey);
  const one: DatasetWaves = { id: job.dataset, waves: [{ id: job.wave, survey }] };
  const view = (query: Partial<AggregateQuery>) => () => aggregateView(one, { questionId: spec.multi, filters: [], baseRule: 'answered', ...query }, '');
  const rowsOf = (answer: unknown) => (answer as ReturnType<typeof aggregateView>).rows;
  const multi = { table: 't', column: spec.multi, excluded: spec.excluded };
  const weightSql = spec.weight
    ? `CASE WHEN TRY_CAST(${sql.ident(spec.weight)} AS DOUBLE) > 0 THEN TRY_CAST(${sql.ident(spec.weight)} AS DOUBLE) ELSE 0 END`
    : STAND_IN_WEIGHT.sql;
  const bins = numericBins(question(survey, spec.numeric) as NumericQuestion, selectAll(survey.size));
  const queries: Query[] = [
    {
      name: 'single choice',
      ours: view({ questionId: spec.single }),
      statements: [sql.singleSql('t', spec.single)],
      oursFacts: (a) => rowFacts(rowsOf(a), ['share']),
      theirFacts: ([rows]) => sql.singleFacts(rows, job.wave),
    },
    {
      name: 'multi-select',
      ours: view({}),
      statements: [sql.multiSql(multi)],
      oursFacts: (a) => rowFacts(rowsOf(a), ['share']),
      theirFacts: ([rows]) => sql.multiFacts(rows, job.wave, spec.excluded, false),
    },
    {
      name: 'two filters',
      ours: view({ filters: spec.filters }),
      statements: [sql.multiSql({ ...multi, where: spec.filterSql })],
      oursFacts: (a) => rowFacts(rowsOf(a), ['share']),
      theirFacts: ([rows]) => sql.multiFacts(rows, job.wave, spec.excluded, false),
    },
    {
      name: 'segment (compare by)',
      ours: view({ by: spec.by }),
      statements: [sql.multiSql({ ...multi, segment: spec.by })],
      oursFacts: (a) => rowFacts(rowsOf(a), ['share'], { segmentsOnly: true }),
      theirFacts: ([rows]) => sql.multiFacts(rows, job.wave, spec.excluded, false),
    },
    {
      name: 'crosstab',
      ours: () => crosstab(question(survey, spec.crossRows), question(survey, spec.crossColumns), selectAll(survey.size)),
      statements: [sql.crosstabSql('t', spec.crossRows, spec.crossColumns)],
      oursFacts: (a) => {
        if (typeof a === 'string') throw new Error(a);
        return { facts: ourCrosstabFacts(a as Exclude<ReturnType<typeof crosstab>, string>, job.wave) };
      },
      theirFacts: ([rows]) => sql.crosstabFacts(rows, job.wave),
    },
    {
      name: 'weighted multi-select',
      ours: view({ weight: true }),
      statements: [sql.multiSql({ ...multi, weight: weightSql })],
      oursFacts: (a) => rowFacts(rowsOf(a), ['share'], { weighted: true }),
      theirFacts: ([rows]) => sql.multiFacts(rows, job.wave, spec.excluded, true),
    },
    {
      name: 'numeric quartiles + histogram',
      ours: view({ questionId: spec.numeric }),
      statements: sql.numericSql('t', spec.numeric, bins),
      oursFacts: (a) => rowFacts(rowsOf(a), ['bin', 'mean', 'median', 'q1', 'q3', 'min', 'max']),
      theirFacts: (results) => sql.numericFacts(results, job.wave, bins),
    },
  ];
  if (spec.trend && waves.length > 1) {
    const ranking = question(latest.survey, spec.trend);
    if (ranking.kind !== 'ranking') throw new Error(`${spec.trend} is not a ranking`);
    const rankingSpec = {
      waves: waves.map((wave, k) => ({ id: wave.id, table: k === waves.length - 1 ? 't' : `w${wave.id}.t` })),
      items: ranking.options.map((option) => ({ value: option.value, column: columnOf(ranking.source.columns, option.value) })),
    };
    queries.push({
      name: `trend, ${waves.length} waves (ranked first)`,
      ours: () => aggregateView({ id: job.dataset, waves }, { questionId: spec.trend!, filters: [], baseRule: 'answered' }, ''),
      statements: [sql.rankingSql(rankingSpec)],
      oursFacts: (a) => rowFacts(rowsOf(a), ['ranked_first', 'ranked_at_all']),
      theirFacts: ([rows]) => sql.rankingFacts(rows, rankingSpec),
    });
  }
  return queries;
}

async function runSql(connection: DuckDBConnection, statements: string[]): Promise<sql.SqlRow[][]> {
  const results: sql.SqlRow[][] = [];
  for (const statement of statements) results.push((await connection.runAndReadAll(statement)).getRows() as sql.SqlRow[]);
  return results;
}

/** The first run of each engine is kept apart (ours sorts a numeric question's answers once, DuckDB reads its pages and plans). */
const WARM_UP = 1;
/** Timed runs stop at `runs`, or once both engines have MIN_RUNS and one has spent BUDGET_MS: a 4-second query at 1M is not run 20 times. */
const MIN_RUNS = 3;
const BUDGET_MS = 3000;

/** One query: both engines in turn (ours, DuckDB, ours, …), then their last answers compared. */
export async function timeQuery(query: Query, connection: DuckDBConnection, runs: number): Promise<QueryTiming> {
  const oursMs: number[] = [];
  const theirMs: number[] = [];
  let answer: unknown;
  let results: sql.SqlRow[][] = [];
  const spent = (list: number[]) => list.slice(WARM_UP).reduce((a, b) => a + b, 0);
  while (oursMs.length < WARM_UP + runs) {
    let start = performance.now();
    answer = query.ours();
    oursMs.push(performance.now() - start);
    start = performance.now();
    results = await runSql(connection, query.statements);
    theirMs.push(performance.now() - start);
    if (oursMs.length >= WARM_UP + MIN_RUNS && Math.max(spent(oursMs), spent(theirMs)) > BUDGET_MS) break;
  }
  const ours = query.oursFacts(answer);
  const theirs = query.theirFacts(results);
  const mismatches = compareFacts(ours.facts, theirs, ours.withheld);
  const summary = (all: number[]) => ({ ...summarise(all.slice(WARM_UP)), first: all[0] });
  return { name: query.name, ours: summary(oursMs), duckdb: summary(theirMs), compared: ours.facts.size, mismatches };
}

/**
 * What the server computes for one filter change (ours only: DuckDB has no page): the URL parsed
 * and checked, the facets' live counts, and the question page's figures, or the overview's cards.
 */
function pageTimings(job: QueryJob, survey: Survey): { name: string; ours: Summary }[] {
  const spec = SPECS[job.spec];
  const dataset = { id: job.dataset, waves: [{ id: job.wave, survey }] };
  const defaults = { waveIds: [job.wave], weighted: false, suppressBelow: 10 };
  const viewOf = () => resolveViewState(parseViewState(new URLSearchParams(spec.pageQuery), defaults).value, survey).value;
  const pages: [string, () => unknown][] = [
    [
      'question page: view + facets + figures',
      () => {
        const state = viewOf();
        buildFacets(survey, state, 10);
        return buildQuestionView(dataset, ask(dataset, defaults, state, spec.multi), state, { limit: 40 });
      },
    ],
    [
      'overview: view + facets + 24 cards',
      () => {
        const state = viewOf();
        buildFacets(survey, state, 10);
        return survey.questions
          .filter(aggregatable)
          .slice(0, 24)
          .map((q) => buildQuestionView(dataset, ask(dataset, defaults, { ...state, wave: job.wave }, q.id, false), state, { limit: 8 }));
      },
    ],
  ];
  return pages.map(([name, run]) => {
    for (let i = 0; i < WARM_UP; i++) run();
    const ms: number[] = [];
    while (ms.length < job.runs && !(ms.length >= MIN_RUNS && ms.reduce((a, b) => a + b, 0) > BUDGET_MS)) {
      const start = performance.now();
      run();
      ms.push(performance.now() - start);
    }
    return { name, ours: summarise(ms) };
  });
}

export function readModel(file: string): Survey {
  return deserialize(readFileSync(file)) as Survey;
}

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2]) as QueryJob;
  let start = performance.now();
  const connection = await openDuckdb(job.duckdb);
  for (const wave of job.trendWaves ?? []) await connection.run(`ATTACH ${sql.text(wave.duckdb)} AS w${wave.id} (READ_ONLY)`);
  const duckdbOpenMs = performance.now() - start;
  start = performance.now();
  const waves = [...(job.trendWaves ?? []).map((wave) => ({ id: wave.id, survey: readModel(wave.model) })), { id: job.wave, survey: readModel(job.model) }];
  const modelReadMs = performance.now() - start;
  const duckdbRows = Number((await connection.runAndReadAll('SELECT count(*) FROM t')).getRows()[0][0]);
  const respondents = waves.at(-1)!.survey.size;
  const problems = duckdbRows === respondents ? [] : [`respondents: ours ${respondents}, DuckDB ${duckdbRows} rows`];
  const timings: QueryTiming[] = [];
  for (const query of buildQueries(job, waves)) timings.push(await timeQuery(query, connection, job.runs));
  printResult({ dataset: job.dataset, respondents, duckdbOpenMs, modelReadMs, problems, queries: timings, pages: pageTimings(job, waves.at(-1)!.survey) });
}

const isMain = process.argv[1]?.endsWith('query-child.ts');
if (isMain) {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
