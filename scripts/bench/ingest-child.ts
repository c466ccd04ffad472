/**
 * One ingest, in a process of its own so that its peak RSS is its own: our loader, papaparse
 * alone (the floor), or DuckDB's table load. Prints one `BENCH_RESULT {json}` line on stdout.
 *
 *   node --import tsx scripts/bench/ingest-child.ts <ours|papaparse|duckdb> <file> [codebook.json] [--save model.v8|table.duckdb]
 */
import { closeSync, createReadStream, openSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { serialize } from 'node:v8';
import Papa from 'papaparse';
import type { Survey } from '../../lib/survey/types';
import { DEFAULT_MISSING } from '../../lib/survey/missing-values';
import { printResult, readCodebook } from './child-result';

export type Engine = 'ours' | 'papaparse' | 'duckdb';

export interface IngestResult {
  engine: Engine;
  ms: number;
  rows: number;
  /** Peak resident set of the whole process, bytes (getrusage ru_maxrss). */
  maxRss: number;
  /** Ours: bytes of the model's typed arrays (strings not counted). */
  modelBytes?: number;
  /** Ours, with --save: the V8-serialised model's size (what the persisted cache stores). DuckDB saves its table to a database file. */
  savedBytes?: number;
}

function isGzip(file: string): boolean {
  const fd = openSync(file, 'r');
  const head = Buffer.alloc(2);
  readSync(fd, head, 0, 2, 0);
  closeSync(fd);
  return head[0] === 0x1f && head[1] === 0x8b;
}

/** The floor: the file's bytes → gunzip when gzip → UTF-8 text → papaparse in chunks, rows counted and dropped. */
function papaparseRows(file: string): Promise<number> {
  const bytes = createReadStream(file, { highWaterMark: 1024 * 1024 });
  const text = isGzip(file) ? bytes.pipe(createGunzip({ chunkSize: 256 * 1024 })) : bytes;
  text.setEncoding('utf8');
  let rows = 0;
  return new Promise((resolve, reject) => {
    Papa.parse<string[]>(text, {
      delimiter: ',',
      chunk: (results) => {
        rows += results.data.length;
      },
      complete: () => resolve(rows),
      error: (error: Error) => reject(error),
    });
  });
}

const sqlText = (value: string) => `'${value.replace(/'/g, "''")}'`;
/** DuckDB reads the same strings as "no answer" that our loader does. */
export const DUCKDB_NULLS = `[${DEFAULT_MISSING.map(sqlText).join(', ')}]`;

export function duckdbLoadSql(table: string, file: string): string {
  return `CREATE TABLE ${table} AS SELECT * FROM read_csv(${sqlText(file)}, header = true, nullstr = ${DUCKDB_NULLS})`;
}

/** DuckDB on both cores: an in-memory database (or a saved one, read-only). */
export async function openDuckdb(file = ':memory:'): Promise<import('@duckdb/node-api').DuckDBConnection> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(file, file === ':memory:' ? {} : { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  await connection.run('SET threads = 2');
  return connection;
}

/** Keeps DuckDB's loaded table in a database file, as ours keeps its model: the query benchmark opens it instead of reading the CSV again. */
async function saveDuckdb(connection: import('@duckdb/node-api').DuckDBConnection, file: string): Promise<void> {
  for (const stale of [file, `${file}.wal`]) rmSync(stale, { force: true });
  await connection.run(`ATTACH ${sqlText(file)} AS saved`);
  await connection.run('CREATE TABLE saved.t AS SELECT * FROM t');
  await connection.run('DETACH saved');
}

/** Bytes held in the model's typed arrays (codes, bitsets, ranks, values, line numbers). */
export function typedArrayBytes(survey: Survey): number {
  let bytes = survey.lines.byteLength;
  for (const question of survey.questions) {
    for (const value of Object.values(question)) {
      if (ArrayBuffer.isView(value)) bytes += value.byteLength;
      else if (Array.isArray(value)) for (const item of value) if (ArrayBuffer.isView(item)) bytes += item.byteLength;
    }
  }
  return bytes;
}

/**
 * Each engine's start-up (imports, DuckDB's instance) happens before the clock starts; the
 * timed part is the file → loaded rows or model, nothing else.
 */
async function prepare(
  engine: Engine,
  file: string,
  codebookFile: string | undefined,
): Promise<{ load: () => Promise<number>; save?: (at: string) => Promise<number | undefined>; survey?: () => Survey | undefined }> {
  if (engine === 'ours') {
    // Imported here, so the other engines' processes hold none of our code.
    const { loadSurveyFile } = await import('../../lib/store/load-survey-file');
    const codebook = codebookFile ? readCodebook(codebookFile) : undefined;
    let survey: Survey | undefined;
    return {
      load: async () => (survey = await loadSurveyFile(file, codebook ? { codebook } : {})).size,
      survey: () => survey,
      save: async (at) => {
        const bytes = serialize(survey);
        writeFileSync(at, bytes);
        return bytes.length;
      },
    };
  }
  if (engine === 'papaparse') return { load: () => papaparseRows(file) };
  if (engine === 'duckdb') {
    const connection = await openDuckdb();
    return {
      load: async () => {
        await connection.run(duckdbLoadSql('t', file));
        return Number((await connection.runAndReadAll('SELECT count(*) FROM t')).getRows()[0][0]);
      },
      save: async (at) => {
        await saveDuckdb(connection, at);
        return undefined;
      },
    };
  }
  throw new Error(`unknown engine ${engine}`);
}

async function main(): Promise<void> {
  const [engine, file, maybeCodebook] = process.argv.slice(2) as [Engine, string, string?];
  const saveAt = process.argv.indexOf('--save');
  const codebookFile = maybeCodebook && !maybeCodebook.startsWith('--') ? maybeCodebook : undefined;
  const run = await prepare(engine, file, codebookFile);
  const start = performance.now();
  const rows = await run.load();
  const result: IngestResult = { engine, ms: performance.now() - start, rows, maxRss: process.resourceUsage().maxRSS * 1024 };
  const survey = run.survey?.();
  if (survey) result.modelBytes = typedArrayBytes(survey);
  // Saved after the peak was read, for the query benchmark.
  if (saveAt !== -1 && run.save) {
    const saved = await run.save(process.argv[saveAt + 1]);
    if (saved !== undefined) result.savedBytes = saved;
  }
  printResult(result);
}

const isMain = process.argv[1]?.endsWith('ingest-child.ts');
if (isMain) {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
