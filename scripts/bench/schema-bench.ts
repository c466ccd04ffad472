/**
 * `survey-lens schema <file>` timed as a user runs it: the whole process (start-up, read, parse,
 * infer, save the parsed copy, print), beside papaparse streaming the same file in a process of
 * its own (scripts/bench/papaparse-child.mjs). Each file is read cold (an empty cache folder),
 * then warm (the same folder again: a cache read), `reps` times with the order rotating. Peak
 * RSS is the process's own, from GNU time. A `baseline` launcher (another build of the CLI) is
 * timed the same way, so a change is measured against what it replaced in one run.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fitExponent, summarise, type Summary } from './stats';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const TIME = '/usr/bin/time';

export type SchemaRunner = 'papaparse' | 'cold' | 'warm' | 'baseline cold' | 'baseline warm';

export interface SchemaRow {
  rows: number;
  file: string;
  bytes: number;
  runner: SchemaRunner;
  ms: Summary;
  maxRss: Summary;
}

interface Timed {
  ms: number;
  maxRss: number;
}

/** One process, wall-clock timed here; its peak RSS from GNU time's %M (KB). */
function timeProcess(args: string[], env: Record<string, string>): Timed {
  const start = performance.now();
  const child = spawnSync(TIME, ['-f', 'PEAK_RSS_KB %M', process.execPath, ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - start;
  const peak = /PEAK_RSS_KB (\d+)/.exec(child.stderr ?? '');
  if (child.status !== 0 || !peak) throw new Error(`${args.join(' ')} failed (exit ${child.status ?? child.signal}): ${(child.stderr ?? '').slice(-500)}`);
  return { ms, maxRss: Number(peak[1]) * 1024 };
}

/**
 * Every file `reps` times: papaparse, then our cold and warm runs (and the baseline's), the
 * order rotating between repetitions. Cache folders are emptied before each cold run.
 */
export function runSchemaBench(
  files: { rows: number; file: string }[],
  options: { reps: number; work: string; baseline?: string; log: (line: string) => void },
): SchemaRow[] {
  const launcher = path.join(root, 'bin', 'survey-lens.mjs');
  const runs = new Map<string, Timed[]>();
  const record = (key: string, timed: Timed) => runs.set(key, [...(runs.get(key) ?? []), timed]);
  for (let rep = 0; rep < options.reps; rep++) {
    for (const { rows, file } of files) {
      const steps: { name: string; run: () => void }[] = [
        { name: 'papaparse', run: () => record(`${rows}:papaparse`, timeProcess([path.join(here, 'papaparse-child.mjs'), file], {})) },
        ...[{ prefix: '', entry: launcher }, ...(options.baseline ? [{ prefix: 'baseline ', entry: options.baseline }] : [])].map(({ prefix, entry }) => ({
          name: `${prefix}schema`,
          run: () => {
            const cache = path.join(options.work, '_schema-cache', `${prefix.trim() || 'ours'}-${rows}`);
            rmSync(cache, { recursive: true, force: true });
            mkdirSync(cache, { recursive: true });
            const env = { SURVEY_LENS_CACHE: cache };
            record(`${rows}:${prefix}cold`, timeProcess([entry, 'schema', file], env));
            record(`${rows}:${prefix}warm`, timeProcess([entry, 'schema', file], env));
            rmSync(cache, { recursive: true, force: true });
          },
        })),
      ];
      for (let k = 0; k < steps.length; k++) {
        const step = steps[(k + rep) % steps.length];
        step.run();
        options.log(`schema ${rows.toLocaleString('en-US')} rows, ${step.name} ${rep + 1}/${options.reps} done`);
      }
    }
  }
  const runners: SchemaRunner[] = ['papaparse', 'cold', 'warm', ...(options.baseline ? (['baseline cold', 'baseline warm'] as const) : [])];
  return files.flatMap(({ rows, file }) =>
    runners.map((runner) => {
      const timed = runs.get(`${rows}:${runner}`) ?? [];
      return {
        rows,
        file: path.relative(root, file),
        bytes: statSync(file).size,
        runner,
        ms: summarise(timed.map((t) => t.ms)),
        maxRss: summarise(timed.map((t) => t.maxRss)),
      };
    }),
  );
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const range = (summary: Summary, format: (value: number) => string) =>
  summary.runs > 1 ? `${format(summary.median)} (${format(summary.min)}–${format(summary.max)})` : format(summary.median);
const megabytes = (bytes: number) => `${Math.round(bytes / 2 ** 20).toLocaleString('en-US')} MB`;

/** The table: each runner's time and its ratio to papaparse in the same run, peak RSS and its ratio to the file; then growth exponents. */
export function schemaTable(rows: SchemaRow[]): string {
  if (rows.length === 0) return '';
  const lines = [
    '`survey-lens schema <file>`, whole process, against papaparse streaming the same file (median of runs, min–max):',
    '',
    '| rows | CSV | run | time | ÷ papaparse | peak RSS | RSS ÷ file |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const row of rows) {
    const papaparse = rows.find((other) => other.rows === row.rows && other.runner === 'papaparse')!;
    lines.push(
      `| ${row.rows.toLocaleString('en-US')} | ${megabytes(row.bytes)} | ${row.runner} | ${range(row.ms, seconds)} | ${(row.ms.median / papaparse.ms.median).toFixed(2)}× | ${range(row.maxRss, megabytes)} | ${(row.maxRss.median / row.bytes).toFixed(2)}× |`,
    );
  }
  const sizes = [...new Set(rows.map((row) => row.rows))];
  if (sizes.length >= 2) {
    lines.push('', 'Growth with rows (log-log fit over the sizes above):');
    for (const runner of [...new Set(rows.map((row) => row.runner))]) {
      const points = rows.filter((row) => row.runner === runner);
      const xs = points.map((row) => row.rows);
      lines.push(
        `- ${runner}: time exponent ${fitExponent(
          xs,
          points.map((row) => row.ms.median),
        ).toFixed(2)}, peak RSS exponent ${fitExponent(
          xs,
          points.map((row) => row.maxRss.median),
        ).toFixed(2)}`,
      );
    }
  }
  return lines.join('\n');
}

/** Issue 25's targets for `survey-lens schema`, each with its measured ratio: cold ≤ 2× papaparse and warm ≤ 0.5× at every size. */
export function schemaTargets(rows: SchemaRow[]): string[] {
  const mark = (ok: boolean) => (ok ? ' ok' : 'MISS');
  const lines: string[] = [];
  for (const size of [...new Set(rows.map((row) => row.rows))]) {
    const of = (runner: SchemaRunner) => rows.find((row) => row.rows === size && row.runner === runner)?.ms.median ?? NaN;
    const papaparse = of('papaparse');
    const rowsSaid = size.toLocaleString('en-US');
    lines.push(`${mark(of('cold') / papaparse <= 2)} survey-lens schema cold ≤ 2× papaparse at ${rowsSaid} rows: ${(of('cold') / papaparse).toFixed(2)}×`);
    lines.push(`${mark(of('warm') / papaparse <= 0.5)} survey-lens schema warm ≤ 0.5× papaparse at ${rowsSaid} rows: ${(of('warm') / papaparse).toFixed(2)}×`);
  }
  return lines;
}
