/**
 * npm run bench — Survey Lens side by side with papaparse and DuckDB, in one run:
 *
 * - ingest: our loader, papaparse alone streaming the same file into nothing (the floor) and
 *   DuckDB's table load (`@duckdb/node-api`, threads = 2), each run in its own process (so peak
 *   RSS is the run's own), the engines' order rotating between repetitions; median of --reps
 *   (default 3) with min–max, MB/s of CSV text and peak RSS; on Stack Overflow 2019 (ODbL),
 *   Kaggle 2022 (CC BY 2.0) and a generated survey (scripts/bench/generate-wide.ts) at 100k,
 *   300k and 1M respondents × 80 columns;
 * - queries on a loaded survey, ours (aggregateView, crosstab) against DuckDB SQL on its loaded
 *   table, every answer asserted equal, median of --runs (default 21);
 * - restart: a fresh process to the first dataset page's figures, with a warm cache and with none;
 * - growth: ingest time and peak RSS against respondents, with the fitted exponents;
 * - visitor: the one loop over selected respondents (forEachSelected) against the same loop inline.
 * - schema: `survey-lens schema <file>` as a whole process, cold and warm (the persisted cache),
 *   against papaparse streaming the same file in a process of its own, on generated surveys with
 *   eight free-text columns (scripts/bench/schema-bench.ts); `--schema-sizes` (default 30k, 300k)
 *   and `--schema-baseline <launcher.mjs>` (another build of the CLI, timed the same way).
 * - findings: the findings scan (issue 23) of Stack Overflow 2019 with one filter, against DuckDB
 *   counting the same options on both sides (scripts/bench/findings-child.ts); `--findings-only`
 *   reads Stack Overflow 2019 once per engine and runs this part alone.
 *
 * Prints the tables and writes bench-results/latest.json. Generated files are kept in
 * .bench-data/ and reused while their seed and size are unchanged. Without ../shared/data the
 * real datasets are skipped, loudly.
 *
 *   npm run bench [-- --reps 3 --runs 21 --sizes 100000,300000,1000000 --seed 1592594466]
 *   npm run bench -- --only visitor          # some sections only (ingest, queries, restart, visitor, schema);
 *                                            # queries and restart need ingest's loads
 *   npm run bench -- --findings-only [--runs 21]
 */
import { createReadStream, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { DEFAULT_SEED, ensureBenchData, ensurePlainFiles, SCHEMA_SIZES, SIZES, type GeneratedDataset } from './bench/generate-wide';
import { runSchemaBench, schemaTable, schemaTargets } from './bench/schema-bench';
import { runChild } from './bench/child-result';
// @ts-expect-error a plain ES module of the launcher's, without types
import { buildDistIfStale, namePartWorker } from '../bin/fresh-dist.mjs';
import { SPLIT_FROM_BYTES } from '../lib/store/read-in-two';
import type { Engine, IngestResult } from './bench/ingest-child';
import type { QueryJob } from './bench/query-child';
import type { FindingsJob, FindingsRun } from './bench/findings-child';
import type { RestartResult } from './bench/restart-child';
import type { VisitorRow } from './bench/visitor-child';
import { fitExponent, summarise } from './bench/stats';
import { printFindings, printReport, type BenchResults, type IngestRow, type QueryRun, type RestartRow } from './bench/report';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = path.resolve(root, '../shared/data');
const WORK = path.join(root, '.bench-data');
const MODELS = path.join(WORK, '_models');
const ENGINES: Engine[] = ['ours', 'papaparse', 'duckdb'];

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : process.argv[at + 1];
}

const log = (line: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

interface BenchDataset {
  id: string;
  title: string;
  file: string;
  codebook?: string;
  /** Bytes of CSV text (after gunzip). */
  csvBytes: number;
  fileBytes: number;
  generatedRows?: number;
}

async function textBytes(file: string): Promise<number> {
  if (!file.endsWith('.gz')) return statSync(file).size;
  let bytes = 0;
  for await (const chunk of createReadStream(file).pipe(createGunzip())) bytes += (chunk as Buffer).length;
  return bytes;
}

/** The real datasets, or a loud message naming what is missing: the benchmark goes on without them. */
async function sharedDatasets(): Promise<{ datasets: BenchDataset[]; missing: string[] }> {
  const wanted = [
    {
      id: 'so2019',
      title: 'Stack Overflow 2019 (ODbL)',
      file: path.join(SHARED, 'stackoverflow-2019/survey_results_public_2019_subset21cols.csv.gz'),
      codebook: path.join(root, 'data/_codebooks/stackoverflow-2019.json'),
    },
    { id: 'kaggle2022', title: 'Kaggle 2022 (CC BY 2.0)', file: path.join(SHARED, 'kaggle-2022/kaggle_survey_2022_responses.csv.gz') },
  ];
  const datasets: BenchDataset[] = [];
  const missing: string[] = [];
  for (const entry of wanted) {
    if (!existsSync(entry.file)) {
      missing.push(entry.file);
      continue;
    }
    datasets.push({ ...entry, csvBytes: await textBytes(entry.file), fileBytes: statSync(entry.file).size });
  }
  if (missing.length) {
    const bar = '!'.repeat(100);
    console.error(
      `\n${bar}\n!!! SHARED DATA MISSING — these datasets are SKIPPED (expected under ${SHARED}):\n${missing.map((file) => `!!!   ${file}`).join('\n')}\n${bar}\n`,
    );
  }
  return { datasets, missing };
}

function generatedDataset(dataset: GeneratedDataset): BenchDataset {
  const bytes = statSync(dataset.file).size;
  return {
    id: dataset.id,
    title: `generated ${dataset.rows.toLocaleString('en-US')} × 80`,
    file: dataset.file,
    codebook: dataset.codebook,
    csvBytes: bytes,
    fileBytes: bytes,
    generatedRows: dataset.rows,
  };
}

/** Where an ingest run keeps what it loaded for the query benchmark: our model, or DuckDB's table. */
const modelOf = (id: string) => path.join(MODELS, `${id}.v8`);
const tableOf = (id: string) => path.join(MODELS, `${id}.duckdb`);
const savedAs = (engine: Engine, id: string) => (engine === 'ours' ? ['--save', modelOf(id)] : engine === 'duckdb' ? ['--save', tableOf(id)] : []);
const rotate = <T>(list: readonly T[], by: number) => list.map((_, k) => list[(k + by) % list.length]);

/** Every engine on every dataset, `reps` times, each run a fresh process; the engines' order rotates. Ours and DuckDB save what they loaded on the last run. */
function runIngest(datasets: BenchDataset[], reps: number): IngestRow[] {
  const runs = new Map<string, IngestResult[]>();
  const failures = new Map<string, string>();
  for (let rep = 0; rep < reps; rep++) {
    datasets.forEach((dataset, d) => {
      for (const engine of rotate(ENGINES, rep + d)) {
        const key = `${dataset.id}\u0000${engine}`;
        if (failures.has(key)) continue;
        const save = rep === reps - 1 ? savedAs(engine, dataset.id) : [];
        try {
          const result = runChild<IngestResult>('ingest-child.ts', [engine, dataset.file, ...(dataset.codebook ? [dataset.codebook] : []), ...save]);
          runs.set(key, [...(runs.get(key) ?? []), result]);
          log(`ingest ${dataset.id} ${engine} ${rep + 1}/${reps}: ${(result.ms / 1000).toFixed(2)} s, ${(result.maxRss / 2 ** 20).toFixed(0)} MB peak`);
        } catch (error) {
          failures.set(key, (error as Error).message.slice(0, 300));
          log(`ingest ${dataset.id} ${engine} FAILED: ${(error as Error).message.slice(0, 300)}`);
        }
      }
    });
  }
  return datasets.flatMap((dataset) =>
    ENGINES.map((engine) => {
      const results = runs.get(`${dataset.id}\u0000${engine}`) ?? [];
      const failure = failures.get(`${dataset.id}\u0000${engine}`);
      return {
        dataset: dataset.id,
        title: dataset.title,
        engine,
        csvBytes: dataset.csvBytes,
        fileBytes: dataset.fileBytes,
        generatedRows: dataset.generatedRows,
        rows: results[0]?.rows ?? null,
        ms: results.length ? summarise(results.map((r) => r.ms)) : null,
        maxRss: results.length ? summarise(results.map((r) => r.maxRss)) : null,
        modelBytes: results.find((r) => r.modelBytes !== undefined)?.modelBytes ?? null,
        savedBytes: results.find((r) => r.savedBytes !== undefined)?.savedBytes ?? null,
        ...(failure ? { failure } : {}),
      };
    }),
  );
}

/** Queries on SO 2019 and the smallest and largest generated surveys, the latter with a three-wave trend. */
function runQueries(shared: BenchDataset[], generated: { datasets: GeneratedDataset[]; trends: GeneratedDataset[] }, runs: number): QueryRun[] {
  const jobs: QueryJob[] = [];
  const so = shared.find((dataset) => dataset.id === 'so2019');
  const ready = (id: string) => existsSync(modelOf(id)) && existsSync(tableOf(id));
  if (so && ready(so.id)) jobs.push({ dataset: so.id, spec: 'so2019', wave: '2019', model: modelOf(so.id), duckdb: tableOf(so.id), runs });
  const earlier = generated.trends[0];
  for (const dataset of [...new Set([generated.datasets[0], generated.datasets.at(-1)!])]) {
    if (!ready(dataset.id)) continue;
    const trendWaves = ['2020', '2021'].map((id) => ({ id, model: modelOf(`${earlier.id}-${id}`), duckdb: tableOf(`${earlier.id}-${id}`) }));
    const trendReady = ['2020', '2021'].every((id) => ready(`${earlier.id}-${id}`));
    jobs.push({
      dataset: dataset.id,
      spec: 'generated',
      wave: '2022',
      model: modelOf(dataset.id),
      duckdb: tableOf(dataset.id),
      runs,
      ...(trendReady ? { trendWaves } : {}),
    });
  }
  return jobs.map((job) => {
    log(`queries on ${job.dataset} (${runs} runs each)…`);
    try {
      return runChild<QueryRun>('query-child.ts', [JSON.stringify(job)]);
    } catch (error) {
      log(`queries on ${job.dataset} FAILED: ${(error as Error).message.slice(0, 300)}`);
      return { dataset: job.dataset, failure: (error as Error).message.slice(0, 300) } as QueryRun;
    }
  });
}

/** The findings scan of Stack Overflow 2019 with one filter (the largest country), on what its ingest runs saved. */
function runFindings(shared: BenchDataset[], runs: number): FindingsRun[] {
  const so = shared.find((dataset) => dataset.id === 'so2019');
  if (!so || !existsSync(modelOf(so.id)) || !existsSync(tableOf(so.id))) return [];
  const job: FindingsJob = { dataset: so.id, model: modelOf(so.id), duckdb: tableOf(so.id), runs, filter: { question: 'Country', value: 'United States' } };
  log(`findings scan on ${so.id} (${runs} runs)…`);
  try {
    return [runChild<FindingsRun>('findings-child.ts', [JSON.stringify(job)])];
  } catch (error) {
    log(`findings scan on ${so.id} FAILED: ${(error as Error).message.slice(0, 300)}`);
    return [{ dataset: so.id, failure: (error as Error).message.slice(0, 300) } as FindingsRun];
  }
}

/** Both engines' loads of the two earlier trend waves, kept for the trend query (not timed). */
function saveTrendWaves(trend: GeneratedDataset): void {
  for (const id of ['2020', '2021']) {
    for (const engine of ['ours', 'duckdb'] as const) {
      const name = `${trend.id}-${id}`;
      rmSync(engine === 'ours' ? modelOf(name) : tableOf(name), { force: true });
      try {
        runChild<IngestResult>('ingest-child.ts', [engine, path.join(trend.dir, `${id}.csv`), trend.codebook, ...savedAs(engine, name)]);
      } catch (error) {
        log(`reading the ${id} trend wave (${engine}) FAILED: ${(error as Error).message.slice(0, 300)}`);
      }
    }
  }
}

/** A fresh process to the first page's figures: cold (empty cache folder) then warm (the cache it wrote), `reps` times. */
function runRestart(targets: { id: string; data: string; title: string }[], reps: number): RestartRow[] {
  return targets.map((target) => {
    const cold: RestartResult[] = [];
    const warm: RestartResult[] = [];
    try {
      for (let rep = 0; rep < reps; rep++) {
        const cache = path.join(WORK, '_restart-cache', `${target.id}-${rep}`);
        rmSync(cache, { recursive: true, force: true });
        const env = { SURVEY_LENS_DATA: target.data, SURVEY_LENS_CACHE: cache };
        for (const list of [cold, warm]) list.push(runChild<RestartResult>('restart-child.ts', [target.id], { env, nodeFlags: ['--conditions=react-server'] }));
        log(
          `restart ${target.id} ${rep + 1}/${reps}: cold ${(cold.at(-1)!.loadMs + cold.at(-1)!.pageMs).toFixed(0)} ms, warm ${(warm.at(-1)!.loadMs + warm.at(-1)!.pageMs).toFixed(0)} ms`,
        );
        rmSync(cache, { recursive: true, force: true });
      }
    } catch (error) {
      log(`restart ${target.id} FAILED: ${(error as Error).message.slice(0, 300)}`);
      return { dataset: target.id, title: target.title, failure: (error as Error).message.slice(0, 300) } as RestartRow;
    }
    const toPage = (list: RestartResult[]) => summarise(list.map((r) => r.loadMs + r.pageMs));
    return {
      dataset: target.id,
      title: target.title,
      respondents: cold[0].respondents,
      warmWasWarm: warm.every((r) => r.warm) && cold.every((r) => !r.warm),
      cold: { toPage: toPage(cold), load: summarise(cold.map((r) => r.loadMs)), sinceStart: summarise(cold.map((r) => r.sinceStartMs)) },
      warm: { toPage: toPage(warm), load: summarise(warm.map((r) => r.loadMs)), sinceStart: summarise(warm.map((r) => r.sinceStartMs)) },
    };
  });
}

function growthOf(ingest: IngestRow[]): BenchResults['growth'] {
  return ENGINES.map((engine) => {
    const rows = ingest.filter((row) => row.engine === engine && row.generatedRows !== undefined && row.ms && row.maxRss);
    if (rows.length < 2) return { engine, points: [], timeExponent: null, rssExponent: null };
    const xs = rows.map((row) => row.generatedRows!);
    return {
      engine,
      points: rows.map((row) => ({ rows: row.generatedRows!, ms: row.ms!.median, maxRss: row.maxRss!.median })),
      timeExponent: fitExponent(
        xs,
        rows.map((row) => row.ms!.median),
      ),
      rssExponent: fitExponent(
        xs,
        rows.map((row) => row.maxRss!.median),
      ),
    };
  });
}

async function main(): Promise<void> {
  const started = performance.now();
  const reps = Math.max(1, Number(option('reps', '3')));
  const runs = Math.max(1, Number(option('runs', '21')));
  const seed = Number(option('seed', String(DEFAULT_SEED)));
  const sizes = option('sizes', SIZES.join(',')).split(',').map(Number);
  if (process.argv.includes('--findings-only')) return findingsOnly(runs);
  const load = loadavg()[0];
  const only = option('only', '').split(',').filter(Boolean);
  const wanted = (section: string) => only.length === 0 || only.includes(section);
  log(`Node ${process.version}, ${cpus().length} CPUs, load average ${load.toFixed(2)}; ingest ×${reps}, queries ×${runs}`);
  // Ours reads a large file on two threads, as the CLI and the server do: the compiled reader, rebuilt when stale, is named for the children.
  buildDistIfStale();
  log(
    namePartWorker()
      ? `files from ${(SPLIT_FROM_BYTES / 2 ** 20).toFixed(0)} MB are read on two threads (SURVEY_LENS_SPLIT=0: one)`
      : 'one thread: bin/dist could not be built',
  );
  // What an earlier run saved must not stand in for this run's loads.
  rmSync(MODELS, { recursive: true, force: true });
  mkdirSync(MODELS, { recursive: true });
  const schemaSizes = option('schema-sizes', SCHEMA_SIZES.slice(0, 2).join(',')).split(',').map(Number);
  if (only.length === 1 && only[0] === 'schema') return schemaOnly(ensurePlainFiles(WORK, { seed, sizes: schemaSizes, log }), reps);
  const shared = await sharedDatasets();
  const generated = ensureBenchData(WORK, { seed, sizes, schemaSizes: wanted('schema') ? schemaSizes : [], log });
  const datasets = [...shared.datasets, ...generated.datasets.map(generatedDataset)];
  const ingest = wanted('ingest') ? runIngest(datasets, reps) : [];
  if (wanted('queries')) saveTrendWaves(generated.trends[0]);
  const queries = wanted('queries') ? runQueries(shared.datasets, generated, runs) : [];
  const restartTargets = [
    ...(shared.datasets.some((d) => d.id === 'so2019') ? [{ id: 'stackoverflow-2019', data: SHARED, title: 'Stack Overflow 2019' }] : []),
    { id: generated.datasets[0].id, data: WORK, title: `generated ${generated.datasets[0].rows.toLocaleString('en-US')} × 80` },
  ];
  const restart = wanted('restart') ? runRestart(restartTargets, reps) : [];
  const visitor = wanted('visitor') ? runChild<VisitorRow[]>('visitor-child.ts', [String(Math.max(runs, 41))]) : [];
  const findings = wanted('findings') ? runFindings(shared.datasets, runs) : [];
  const schema = wanted('schema') ? runSchemaBench(generated.plain, { reps, work: WORK, baseline: baselineLauncher(), log }) : [];
  const results: BenchResults = {
    when: new Date().toISOString(),
    machine: { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '', loadAverageAtStart: load, loadAverageAtEnd: loadavg()[0] },
    settings: { reps, runs, seed, sizes },
    missingSharedData: shared.missing,
    generation: { ms: generated.ms },
    ingest,
    queries,
    restart,
    growth: growthOf(ingest),
    visitor,
    findings,
    schema,
    wallMs: performance.now() - started,
  };
  printReport(results);
  mkdirSync(path.join(root, 'bench-results'), { recursive: true });
  const out = path.join(root, 'bench-results', 'latest.json');
  writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
  console.log(`\nJSON: ${path.relative(root, out)} · wall time ${(results.wallMs / 60000).toFixed(1)} min`);
}

const baselineLauncher = () => {
  const given = option('schema-baseline', '');
  return given ? path.resolve(given) : undefined;
};

/** `--only schema`: the plain files alone (no datasets, no shared data), `survey-lens schema` against papaparse. */
function schemaOnly(files: { rows: number; file: string }[], reps: number): void {
  const started = performance.now();
  const schema = runSchemaBench(files, { reps, work: WORK, baseline: baselineLauncher(), log });
  console.log(
    `\n${schemaTable(schema)}\n\nTargets (issue 25)\n${schemaTargets(schema)
      .map((line) => `  ${line}`)
      .join('\n')}`,
  );
  mkdirSync(path.join(root, 'bench-results'), { recursive: true });
  const out = path.join(root, 'bench-results', 'schema.json');
  const machine = { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '', loadAverageAtEnd: loadavg()[0] };
  writeFileSync(out, JSON.stringify({ when: new Date().toISOString(), machine, reps, schema, wallMs: performance.now() - started }, null, 2) + '\n');
  console.log(`\nJSON: ${path.relative(root, out)} · wall time ${((performance.now() - started) / 60000).toFixed(1)} min`);
}

/** `--findings-only`: Stack Overflow 2019 read once by each engine (what the scan and the SQL run on), then the findings scan alone. */
async function findingsOnly(runs: number): Promise<void> {
  log(`Node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()[0].toFixed(2)}; findings only, ×${runs}`);
  rmSync(MODELS, { recursive: true, force: true });
  mkdirSync(MODELS, { recursive: true });
  const so = (await sharedDatasets()).datasets.filter((dataset) => dataset.id === 'so2019');
  runIngest(so, 1);
  printFindings(runFindings(so, runs));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
