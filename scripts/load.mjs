#!/usr/bin/env node
/**
 * Load test (issue 16): every Stack Overflow 2019 page under 50 concurrent connections on
 * loopback, with autocannon, against the production server (`server/serve.mjs`, started and
 * stopped here). Prints per page req/s, p50/p99 latency, errors (connection errors, timeouts,
 * non-2xx) and the server's RSS before and after; then two runs where every request asks for a
 * view of its own (what renders cost when none can be shared: errors judged, latency reported
 * only), and how soon a page answers after 40 readers left mid-render; with --soak, a mixed run
 * over every page for the given seconds, RSS sampled after each round (stable = no steady climb).
 *
 *   node scripts/load.mjs --seconds 3                        # CI: reports the figures; fails on errors, non-2xx or no answer at all
 *   node scripts/load.mjs --seconds 20 --soak 300 --strict   # by hand: also fails on timeouts and p99 ≥ 1 s
 *
 * Timing on a CI machine (shared, throttled) is noise, so only --strict judges latency. Between
 * pages the script waits until the server is idle again (a request it abandoned is still being
 * answered), so one page's backlog is not measured as the next page's latency.
 *
 * Traffic goes to 127.0.0.1 only, each run bounded in time. Needs ../shared/data (or
 * SURVEY_LENS_DATA) for Stack Overflow 2019 and a build in SURVEY_LENS_DIST_DIR (default .next).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(args[at + 1]);
};
const SECONDS = option('seconds', 3);
const SOAK = option('soak', 0);
const STRICT = args.includes('--strict');
const CONNECTIONS = 50;
const P99_LIMIT_MS = 1000;
const TIMEOUT_S = 30;
const data = process.env.SURVEY_LENS_DATA ?? '../shared/data';
const distDir = process.env.SURVEY_LENS_DIST_DIR || '.next';

const PAGES = [
  ['dataset list', '/'],
  ['overview', '/stackoverflow-2019'],
  ['overview, page 2', '/stackoverflow-2019?_page=2'],
  ['overview, filtered', '/stackoverflow-2019?MainBranch=I+am+a+developer+by+profession'],
  ['question (multi)', '/stackoverflow-2019/questions/LanguageWorkedWith'],
  ['question, compared', '/stackoverflow-2019/questions/LanguageWorkedWith?_by=MainBranch'],
  ['question (numeric)', '/stackoverflow-2019/questions/ConvertedComp'],
  ['crosstab', '/stackoverflow-2019/crosstab?_rows=MainBranch&_cols=OpenSourcer'],
  ['responses', '/stackoverflow-2019/responses'],
  ['responses, sorted page 40', '/stackoverflow-2019/responses?_sort=Age&_desc=1&_page=40'],
  ['export CSV', '/stackoverflow-2019/export?_question=LanguageWorkedWith'],
  ['export JSON, filtered', '/stackoverflow-2019/export?_question=LanguageWorkedWith&MainBranch=I+am+a+developer+by+profession&_format=json'],
  ['crosstab export', '/stackoverflow-2019/crosstab/export?_rows=MainBranch&_cols=OpenSourcer'],
];

/**
 * Runs where every request asks for a view no other request asks for (a country and a main
 * branch: 895 pairs, taken in a shuffled order), so no render can be shared and each costs its
 * full price. They show what a crowd exploring different views gets; the p99 target is judged on
 * the pages above, where readers ask for the same view, as they do of a published link.
 */
const DISTINCT_VIEWS = [
  ['question, a new view each', (query) => `/stackoverflow-2019/questions/LanguageWorkedWith?${query}`],
  ['overview, a new view each', (query) => `/stackoverflow-2019?${query}`],
];

/** Country × MainBranch filters, read from the server's own export, in a seeded shuffle. */
async function distinctQueries(base) {
  const options = async (question) => {
    const answer = await (await fetch(`${base}/stackoverflow-2019/export?_question=${question}&_format=json`)).json();
    return [...new Set(answer.rows.map((row) => row.option))];
  };
  const [countries, branches] = [await options('Country'), await options('MainBranch')];
  const queries = countries.flatMap((country) => branches.map((branch) => new URLSearchParams({ Country: country, MainBranch: branch }).toString()));
  let seed = 16;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = queries.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [queries[i], queries[j]] = [queries[j], queries[i]];
  }
  return queries;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Resident memory of the server and its children, in MB (Linux /proc). */
function rssOf(pid) {
  const children = (id) => {
    try {
      return readFileSync(`/proc/${id}/task/${id}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return [];
    }
  };
  let total = 0;
  for (const stack = [pid]; stack.length > 0;) {
    const id = stack.pop();
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${id}/status`, 'utf8'));
      if (match) total += Number(match[1]);
    } catch {
      // exited
    }
    stack.push(...children(id));
  }
  return Math.round(total / 1024);
}

/** @param paths when given, each request takes the next of these paths instead of the url's own */
function run(url, seconds, paths) {
  let next = 0;
  const requests = paths ? [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }) }] : undefined;
  return new Promise((resolve, reject) => {
    const instance = autocannon({ url, connections: CONNECTIONS, duration: seconds, timeout: TIMEOUT_S, requests }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
    instance.on('error', reject);
  });
}

/** Waits until a static file answers within 100 ms: the server has finished what the last run left it. */
async function waitUntilIdle(base) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const started = Date.now();
    const answered = await fetch(`${base}/icon.svg`, { signal: AbortSignal.timeout(10_000) })
      .then((answer) => answer.arrayBuffer())
      .then(
        () => true,
        () => false,
      );
    if (answered && Date.now() - started < 100) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the server stayed busy for 2 minutes after a run');
}

/**
 * What fails a page: a connection error, an answer that is not 2xx, or no answer at all — never
 * timing, except with --strict (timeouts and p99 ≥ 1 s too).
 */
function judge(result, timed = true) {
  const broken = result.errors - result.timeouts + result.non2xx;
  const slow = timed && result.latency.p99 >= P99_LIMIT_MS;
  const failed = broken > 0 || result.requests.total === 0 || (STRICT && (result.timeouts > 0 || slow));
  const marks = [
    broken > 0 && '✘ errors',
    result.requests.total === 0 && '✘ no answer',
    result.timeouts > 0 && `${result.timeouts} timeouts`,
    slow && 'p99 ≥ 1 s',
  ].filter(Boolean);
  return { failed, broken, marks };
}

/**
 * Work for readers who left: 40 overviews of views not yet computed are asked for and dropped
 * after 200 ms, then one page is timed. Renders nobody waits for any more should not delay it.
 */
async function afterAbandoned(base, queries) {
  const timed = () => fetch(`${base}/stackoverflow-2019/questions/Age`, { signal: AbortSignal.timeout(60_000) }).then((answer) => answer.arrayBuffer());
  await timed();
  const times = [];
  for (let round = 0; round < 3; round++) {
    // node:http, not fetch: a reader that hangs up is a socket destroyed, and nothing waits on it.
    const readers = queries.slice(100 + round * 40, 140 + round * 40).map((query) => {
      const request = http.get(`${base}/stackoverflow-2019?${query}&_page=2`, (answer) => answer.resume());
      request.on('error', () => {});
      return request;
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (const request of readers) request.destroy();
    const started = performance.now();
    await timed();
    times.push(Math.round(performance.now() - started));
  }
  return `after 40 overview requests dropped at 200 ms, the next page answered in ${times.join(', ')} ms (3 rounds)`;
}

function row(name, result, verdict) {
  return `${name.padEnd(28)} ${result.requests.average.toFixed(1).padStart(7)} ${String(result.requests.total).padStart(10)} ${String(result.latency.p50).padStart(8)} ${String(result.latency.p99).padStart(8)} ${String(verdict.broken).padStart(8)}  ${verdict.marks.join(', ')}`;
}

async function main() {
  if (!existsSync(path.join(root, distDir, 'BUILD_ID'))) throw new Error(`no production build in ${distDir}/: run \`npx next build\` first`);
  if (!existsSync(path.resolve(root, data, 'stackoverflow-2019'))) {
    if (process.env.CI === 'true') throw new Error(`${data}/stackoverflow-2019 is missing: the load test needs it under CI`);
    console.warn(`!!! ${data}/stackoverflow-2019 is missing: load test SKIPPED`);
    return 0;
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [path.join(root, 'server/serve.mjs'), '-p', String(port), '-H', '127.0.0.1'], {
    cwd: root,
    env: { ...process.env, SURVEY_LENS_DATA: data, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const log = [];
  server.stdout.on('data', (chunk) => log.push(String(chunk)));
  server.stderr.on('data', (chunk) => log.push(String(chunk)));
  const stop = () => {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // gone
    }
  };
  // Whatever happens, the run ends: a stuck request must not hold CI for its whole time limit.
  const budgetMs = ((PAGES.length + DISTINCT_VIEWS.length) * (SECONDS + 130) + SOAK + 600) * 1000;
  setTimeout(() => {
    console.error(`load: still running after ${Math.round(budgetMs / 1000)} s: stopped.\n${log.join('').slice(-3000)}`);
    stop();
    process.exit(1);
  }, budgetMs).unref();
  let failures = 0;
  try {
    for (let tries = 0; ; tries++) {
      try {
        if ((await fetch(`${base}/icon.svg`)).ok) break;
      } catch {
        // not up yet
      }
      if (tries > 200) throw new Error(`server did not start:\n${log.join('')}`);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    // Warm: the first request of a page parses the file (or reads its cache); what is measured is serving it.
    for (const [, page] of PAGES) await (await fetch(base + page, { signal: AbortSignal.timeout(120_000) })).arrayBuffer();
    const before = rssOf(server.pid);
    console.log(`load: ${CONNECTIONS} connections, ${SECONDS} s per page${STRICT ? ', strict (p99 < 1 s)' : ''}, server RSS after warm-up ${before} MB`);
    console.log('page                          req/s   requests   p50 ms   p99 ms   errors');
    for (const [name, page] of PAGES) {
      await waitUntilIdle(base);
      const result = await run(base + page, SECONDS);
      const verdict = judge(result);
      if (verdict.failed) failures++;
      console.log(row(name, result, verdict));
    }
    const queries = await distinctQueries(base);
    for (const [name, pathOf] of DISTINCT_VIEWS) {
      await waitUntilIdle(base);
      const result = await run(base, SECONDS, queries.map(pathOf));
      const verdict = judge(result, false);
      if (verdict.failed) failures++;
      console.log(row(name, result, verdict));
    }
    await waitUntilIdle(base);
    console.log(await afterAbandoned(base, queries));
    const after = rssOf(server.pid);
    console.log(`server RSS: ${before} MB before, ${after} MB after the page runs`);
    if (SOAK > 0) {
      const samples = [after];
      const deadline = Date.now() + SOAK * 1000;
      let requests = 0;
      let broken = 0;
      let timeouts = 0;
      const latencies = [];
      while (Date.now() < deadline) {
        for (const [, page] of PAGES) {
          if (Date.now() >= deadline) break;
          const result = await run(base + page, Math.min(5, Math.ceil((deadline - Date.now()) / 1000)));
          requests += result.requests.total;
          broken += judge(result).broken;
          timeouts += result.timeouts;
          latencies.push(result.latency.p99);
        }
        samples.push(rssOf(server.pid));
      }
      await waitUntilIdle(base);
      samples.push(rssOf(server.pid));
      console.log(
        `soak: ${SOAK} s over every page, ${requests} requests, ${broken} errors, ${timeouts} timeouts, worst p99 of a slice ${Math.max(...latencies)} ms; RSS (MB) after each round: ${samples.join(' → ')}`,
      );
      if (broken > 0 || (STRICT && timeouts > 0)) failures++;
    }
  } finally {
    stop();
  }
  if (failures > 0) console.log(`server log (last lines):\n${log.join('').slice(-3000)}`);
  // A plain counted closing line, as CI's reader of test output expects: one check per page run (and the soak).
  const checks = PAGES.length + DISTINCT_VIEWS.length + (SOAK > 0 ? 1 : 0);
  console.log(`load: ${checks - failures} passed, ${failures} failed`);
  return failures > 0 ? 1 : 0;
}

process.exitCode = await main().catch((error) => {
  console.error(`load: ${error.message}`);
  return 1;
});
