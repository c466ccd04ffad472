#!/usr/bin/env node
/**
 * Browser journeys against the production build, in the system Chromium (playwright-core, no
 * downloaded browsers). Starts `next start` on a free port, runs every journey, always stops
 * the server, and exits non-zero if any journey failed. Run `npx next build` first.
 *
 *   node scripts/e2e.mjs            # SURVEY_LENS_DATA defaults to ../shared/data when it exists
 *   CHROMIUM_PATH=/path/to/chrome node scripts/e2e.mjs
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import Papa from 'papaparse';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const screenshots = path.join(root, 'test-results', 'screenshots');
const formatCount = (value) => new Intl.NumberFormat('en-US').format(value);

if (!existsSync(chromiumPath)) {
  console.error(`Chromium not found at ${chromiumPath}: install it with \`sudo apt-get install -y chromium\`, or set CHROMIUM_PATH`);
  process.exit(1);
}
if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) {
  console.error('No production build in .next/: run `npx next build` first.');
  process.exit(1);
}

const dataEnv = process.env.SURVEY_LENS_DATA ?? (existsSync(path.join(root, '../shared/data')) ? '../shared/data' : undefined);
const dataDirs = (dataEnv ?? '').split(path.delimiter).filter(Boolean).map((dir) => path.resolve(root, dir));
const findShared = (name) => dataDirs.map((dir) => path.join(dir, name)).find((dir) => existsSync(dir));
const sharedAvailable = findShared('stackoverflow-2019') !== undefined && findShared('stackoverflow-samples') !== undefined;
if (!sharedAvailable) {
  console.warn('\n' + '!'.repeat(78));
  console.warn('!! NOTICE: ../shared/data (or SURVEY_LENS_DATA) not found: the shared-dataset journeys are SKIPPED.');
  console.warn('!!         Only the bundled synthetic sample is tested.');
  console.warn('!'.repeat(78) + '\n');
}

// ---------- server ----------

function canListen(port) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '0.0.0.0', () => probe.close(() => resolve(true)));
  });
}

/** A free port in 3100–3199 (shared machine: others use 3000 and their own ports). */
async function findFreePort() {
  for (let port = 3100 + Math.floor(Math.random() * 50); port < 3200; port++) if (await canListen(port)) return port;
  throw new Error('no free port in 3100–3199');
}

function startServer(port) {
  const env = { ...process.env, ...(dataEnv ? { SURVEY_LENS_DATA: dataEnv } : {}), NEXT_TELEMETRY_DISABLED: '1' };
  const child = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port)], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const log = [];
  child.stdout.on('data', (chunk) => log.push(String(chunk)));
  child.stderr.on('data', (chunk) => log.push(String(chunk)));
  return { child, log };
}

/** SIGTERM to the server's process group, SIGKILL if it has not exited within 5 s. */
async function stopServer(server) {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  const signal = (name) => {
    try {
      process.kill(-server.child.pid, name);
    } catch {
      server.child.kill(name);
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

async function waitUntilUp(base, server, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`next start exited (${server.child.exitCode}):\n${server.log.join('')}`);
    try {
      const response = await fetch(`${base}/icon.svg`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`server did not answer within ${timeoutMs / 1000}s`);
}

// ---------- independent expectations (parsed here with papaparse, never copied from the app) ----------

function parseCsv(text) {
  return Papa.parse(text, { header: false, skipEmptyLines: true }).data;
}

/** % of respondents who ranked anything that ranked "AI, Machine Learning, Big Data" first, 2022 wave. */
function countAiRankedFirst() {
  const [header, ...rows] = parseCsv(readFileSync(path.join(root, 'data/state-of-engineers/2022.csv'), 'utf8'));
  const trendColumns = header.flatMap((name, index) => (name.startsWith('hot_trends[') ? [index] : []));
  const ai = header.indexOf('hot_trends[AI, Machine Learning, Big Data]');
  const answered = rows.filter((row) => trendColumns.some((column) => (row[column] ?? '').trim() !== ''));
  const first = answered.filter((row) => row[ai].trim() === '1').length;
  const percent = Math.round((first / answered.length) * 1000) / 10;
  return { first, base: answered.length, percent: `${percent.toFixed(1)}%` };
}

/** Respondents whose LanguageWorkedWith includes JavaScript, Stack Overflow 2019 (88,883 rows). */
function countJavaScriptUsers() {
  const file = path.join(findShared('stackoverflow-2019'), 'survey_results_public_2019_subset21cols.csv.gz');
  const [header, ...rows] = parseCsv(gunzipSync(readFileSync(file)).toString('utf8'));
  const column = header.indexOf('LanguageWorkedWith');
  const cells = rows.map((row) => (row[column] ?? '').trim()).filter((cell) => cell !== '' && cell !== 'NA');
  const javascript = cells.filter((cell) => cell.split(';').map((part) => part.trim()).includes('JavaScript')).length;
  // data/_codebooks/stackoverflow-2019.json leaves a lone "Other(s):" out of the base, as Stack Overflow did.
  const base = cells.filter((cell) => cell !== 'Other(s):').length;
  return { javascript, base, percent: `${(Math.round((javascript / base) * 1000) / 10).toFixed(1)}%` };
}

// ---------- journeys ----------

const journeys = [];
const addJourney = (name, fn, options = {}) => journeys.push({ name, fn, ...options });

/** Streamed sections have replaced their skeletons, and every chart box has drawn its SVG (charts mount after hydration). */
async function waitForStreamedContent(page) {
  await page.waitForFunction(
    () => document.querySelectorAll('[aria-busy="true"]').length === 0 && [...document.querySelectorAll('.chart__canvas')].every((box) => box.querySelector('svg')),
    null,
    { timeout: 120_000 },
  );
}

/** Full-page screenshot once streamed sections have replaced their skeletons. */
async function takeScreenshot(page, name) {
  await waitForStreamedContent(page);
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
}

async function readColumnValues(page, columnId) {
  const index = await page.$$eval('thead th', (cells, id) => cells.findIndex((cell) => cell.querySelector('.sort-button__id')?.textContent?.replace(/[▲▼↕]/g, '').trim() === id), columnId);
  assert.ok(index >= 0, `column ${columnId} not found`);
  return page.$$eval(`tbody tr`, (rows, i) => rows.map((row) => row.children[i]?.textContent ?? ''), index);
}

const parseCellNumber = (text) => (text === '' ? NaN : Number(text.replace(/,/g, '')));

addJourney('home lists the bundled synthetic sample', async (page, base) => {
  await page.goto(`${base}/`);
  await page.getByRole('heading', { level: 1, name: 'Datasets' }).waitFor();
  const card = page.locator('article', { has: page.getByRole('heading', { name: 'State of Software Engineers (synthetic sample)' }) });
  await card.waitFor();
  assert.equal(await card.getByText('Synthetic sample', { exact: true }).count(), 1, 'synthetic badge on the card');
  assert.match(await card.innerText(), /6,400 respondents/);
  await waitForStreamedContent(page);
  assert.equal(await page.title(), 'Datasets · Survey Lens');
  await takeScreenshot(page, '01-home');
});

addJourney('overview: click into the dataset, questions and bar charts render', async (page, base) => {
  await page.goto(`${base}/`);
  await page.getByRole('link', { name: 'State of Software Engineers (synthetic sample)' }).click();
  await page.waitForURL(/\/state-of-engineers$/);
  await page.getByRole('heading', { level: 1, name: 'State of Software Engineers (synthetic sample)' }).waitFor();
  await page.getByText(/This is synthetic data generated by scripts\/generate-sample\.ts/).waitFor();
  await page.locator('.recharts-bar-rectangle').first().waitFor();
  const bars = await page.locator('svg .recharts-bar-rectangle').count();
  assert.ok(bars > 0, `expected chart bars, found ${bars}`);
  // 13 questions: 10 charted cards, and respondent_id, submitted_at and comment listed as not charted.
  assert.equal(await page.locator('article.question-card').count(), 10, 'one card per charted question');
  assert.equal(await page.locator('.uncharted-list li').count(), 3, 'free text and metadata listed, not charted');
  assert.ok((await page.locator('[role="img"][aria-label^="Bar chart of"]').count()) > 0, 'charts have text alternatives');
  assert.equal(await page.locator('.wave-pill[aria-current="page"]').innerText(), '2022');
  await takeScreenshot(page, '02-overview');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator('.recharts-bar-rectangle').first().waitFor();
  await page.waitForTimeout(300);
  await takeScreenshot(page, '02b-overview-mobile');
});

addJourney('question: hot_trends shows the share who ranked AI first in 2022, and the export agrees', async (page, base) => {
  const expected = countAiRankedFirst();
  await page.goto(`${base}/state-of-engineers`);
  await page.getByRole('link', { name: 'Rank the three tech trends you think are hottest' }).first().click();
  await page.waitForURL(/\/state-of-engineers\/questions\/hot_trends$/);
  const row = page.locator('tr', { has: page.getByRole('rowheader', { name: 'AI, Machine Learning, Big Data', exact: true }) });
  let cells = await row.locator('td').allInnerTexts();
  // The codebook names a weight column, so the page is weighted: counts stay unweighted respondents.
  assert.equal(cells[0], formatCount(expected.first), 'ranked-first count');
  await page.getByText('Percentages and intervals are weighted by “weight”').waitFor();
  await page.getByText(`Base: ${formatCount(expected.base)} respondents who ranked at least one item`).waitFor();
  await page.locator('.recharts-bar-rectangle').first().waitFor();
  // The export must agree with the screen: same count and base, same rounded (weighted) share.
  const csvHref = await page.getByRole('link', { name: 'CSV', exact: true }).getAttribute('href');
  const csv = await page.request.get(new URL(csvHref, base).href);
  assert.equal(csv.status(), 200);
  const exported = Papa.parse(await csv.text(), { header: true, skipEmptyLines: true }).data.find((row) => row.option === 'AI, Machine Learning, Big Data');
  assert.equal(Number(exported.count), expected.first, 'exported count');
  assert.equal(Number(exported.base), expected.base, 'exported base');
  assert.equal(`${(Math.round(Number(exported.percent) * 10) / 10).toFixed(1)}%`, cells[1], 'exported share equals the screen');
  assert.match(exported.ci_method, /svyciprop/, 'weighted interval method named in the export');
  // Unweighted (_weight=0), the share is the plain count over the base, checked against our own count of the CSV.
  await page.goto(`${base}/state-of-engineers/questions/hot_trends?_weight=0`);
  cells = await page.locator('tr', { has: page.getByRole('rowheader', { name: 'AI, Machine Learning, Big Data', exact: true }) }).locator('td').allInnerTexts();
  assert.equal(cells[1], expected.percent, 'unweighted share ranked first');
  await page.goto(`${base}/state-of-engineers/questions/hot_trends`);
  await page.locator('.recharts-bar-rectangle').first().waitFor();
  await takeScreenshot(page, '03-question-ranking');
});

addJourney('question pages of every kind: numeric, Likert, multi-select, free text', async (page, base) => {
  const cases = [
    ['salary_usd', 'Mean'],
    ['job_satisfaction', 'Options are shown in scale order.'],
    ['languages', 'percentages can add up to more than 100%'],
  ];
  for (const [id, text] of cases) {
    await page.goto(`${base}/state-of-engineers/questions/${id}`);
    await page.getByText(text).first().waitFor();
    await page.locator('.recharts-bar-rectangle').first().waitFor();
    await takeScreenshot(page, `04-question-${id}`);
  }
  await page.goto(`${base}/state-of-engineers/questions/comment?_wave=2021`);
  await page.getByText('Free-text answers are not charted').waitFor();
  assert.equal(await page.locator('.wave-pill[aria-current="page"]').innerText(), '2021');
  await takeScreenshot(page, '04-question-comment');
});

addJourney('responses: 50 rows, sorting by a header click and paging live in the URL', async (page, base) => {
  await page.goto(`${base}/state-of-engineers/responses`);
  await page.locator('tbody tr').first().waitFor();
  assert.equal(await page.locator('tbody tr').count(), 50);
  const before = await readColumnValues(page, 'years_experience');
  await takeScreenshot(page, '05-responses');
  await page.getByRole('button', { name: /^years_experience/ }).click();
  await page.waitForURL(/_sort=years_experience/);
  await page.locator('th[aria-sort="ascending"]').waitFor();
  const ascending = (await readColumnValues(page, 'years_experience')).map(parseCellNumber);
  assert.notDeepEqual(ascending, before.map(parseCellNumber), 'order changed');
  assert.deepEqual(ascending, [...ascending].sort((a, b) => a - b), 'ascending by value');
  const button = page.getByRole('button', { name: /^years_experience/ });
  await button.focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/_desc=1/);
  await page.locator('th[aria-sort="descending"]').waitFor();
  const descending = (await readColumnValues(page, 'years_experience')).map(parseCellNumber);
  assert.deepEqual(descending, [...descending].sort((a, b) => b - a), 'descending by value');
  await page.getByRole('link', { name: 'Next →' }).first().click();
  await page.waitForURL(/_page=2/);
  await page.getByText(/Respondents 51–100 of 6,400/).first().waitFor();
  assert.equal(await page.locator('tbody tr').count(), 50);
  const second = (await readColumnValues(page, 'years_experience')).map(parseCellNumber);
  assert.ok(second[0] <= descending[descending.length - 1], 'page 2 continues the sorted order');
  assert.match(page.url(), /_sort=years_experience&_desc=1&_page=2/);
  await takeScreenshot(page, '05b-responses-sorted-page2');
});

addJourney('unknown dataset and unknown question answer 404 with the not-found page', async (page, base) => {
  const response = await page.goto(`${base}/no-such-dataset`);
  assert.equal(response?.status(), 404);
  await page.getByRole('heading', { name: 'Not found' }).waitFor();
  await takeScreenshot(page, '06-not-found');
  const question = await page.goto(`${base}/state-of-engineers/questions/no_such_question`);
  assert.equal(question?.status(), 404);
}, { allowConsole: [/status of 404/] });

addJourney('bad URL values fall back and say so, never an error page', async (page, base) => {
  const overview = await page.goto(`${base}/state-of-engineers?_wave=1999&_page=x`);
  assert.equal(overview?.status(), 200);
  await page.getByText('There is no wave “1999” in this dataset; showing the latest wave, 2022.').waitFor();
  await page.getByText('“x” is not a page number; showing page 1.').waitFor();
  const responses = await page.goto(`${base}/state-of-engineers/responses?_sort=nope&_desc=maybe&_page=-2`);
  assert.equal(responses?.status(), 200);
  await page.getByText('There is no question “nope” to sort by').waitFor();
  assert.equal(await page.locator('tbody tr').count(), 50);
  await takeScreenshot(page, '07-bad-params');
});

addJourney('Stack Overflow 2019: LanguageWorkedWith shows JavaScript and its count', async (page, base) => {
  const expected = countJavaScriptUsers();
  await page.goto(`${base}/stackoverflow-2019/questions/LanguageWorkedWith`, { timeout: 120_000 });
  const row = page.locator('tr', { has: page.getByRole('rowheader', { name: 'JavaScript', exact: true }) });
  const cells = await row.locator('td').allInnerTexts();
  assert.equal(cells[0], formatCount(expected.javascript));
  // 67.8% is the figure Stack Overflow published for 2019; our own count of the file agrees.
  assert.equal(cells[1], expected.percent);
  assert.equal(cells[1], '67.8%');
  await page.getByText(`Base: ${formatCount(expected.base)} respondents who answered`).waitFor();
  await page.getByText('Respondents could choose several options; percentages can add up to more than 100%.').waitFor();
  await page.locator('.recharts-bar-rectangle').first().waitFor();
  await takeScreenshot(page, '08-so2019-languages');
  await page.goto(`${base}/stackoverflow-2019/questions/MainBranch`);
  await page.locator('.recharts-bar-rectangle').first().waitFor();
  await takeScreenshot(page, '08b-so2019-long-labels');
  await page.goto(`${base}/stackoverflow-2019`);
  await page.locator('.recharts-bar-rectangle').first().waitFor();
  await takeScreenshot(page, '08c-so2019-overview');
}, { shared: true });

addJourney('Stack Overflow samples: the Excel-mangled 2019 wave shows its error, other waves work', async (page, base) => {
  await page.goto(`${base}/stackoverflow-samples?_wave=2019`);
  await page.getByText('Wave 2019 could not be loaded').waitFor();
  await page.getByText(/re-saved by a spreadsheet with another delimiter/).waitFor();
  await page.getByText('header and records use different delimiters').waitFor();
  await takeScreenshot(page, '09-so-samples-failed-wave');
  await page.goto(`${base}/stackoverflow-samples?_wave=2023`);
  await page.getByText(/the file looks truncated/).first().waitFor();
  await page.locator('.recharts-bar-rectangle').first().waitFor();
  await takeScreenshot(page, '09b-so-samples-2023');
}, { shared: true });

addJourney('large datasets: a 100+-question overview pages its charts, a wide responses table scrolls', async (page, base) => {
  await page.goto(`${base}/serverless-2020`, { timeout: 120_000 });
  await page.getByText(/Questions 1–24 of \d+/).first().waitFor();
  assert.equal(await page.locator('article.question-card').count() + (await page.locator('.uncharted-list li').count()), 24);
  await page.locator('.recharts-bar-rectangle').first().waitFor();
  await takeScreenshot(page, '10-serverless-overview');
  await page.goto(`${base}/kaggle-2018/responses?_page=3`, { timeout: 120_000 });
  await page.locator('tbody tr').first().waitFor();
  assert.equal(await page.locator('tbody tr').count(), 50);
  await takeScreenshot(page, '10b-kaggle-responses');
  await page.goto(`${base}/kaggle-2018/questions/Q6`);
  await page.locator('.recharts-bar-rectangle').first().waitFor();
  await takeScreenshot(page, '10c-kaggle-question');
}, { shared: true });

// ---------- runner ----------

async function runJourney(browser, base, entry) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  page.setDefaultNavigationTimeout(120_000);
  const problems = [];
  const allowed = entry.allowConsole ?? [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !allowed.some((pattern) => pattern.test(message.text()))) problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  try {
    await entry.fn(page, base);
    assert.deepEqual(problems, [], 'no console or page errors');
  } finally {
    await context.close();
  }
}

async function main() {
  mkdirSync(screenshots, { recursive: true });
  const port = await findFreePort();
  const base = `http://localhost:${port}`;
  let server;
  let browser;
  let passed = 0;
  let failed = 0;
  process.on('SIGINT', () => {
    try {
      if (server) process.kill(-server.child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    process.exit(130);
  });
  try {
    server = startServer(port);
    await waitUntilUp(base, server);
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    for (const entry of journeys) {
      if (entry.shared && !sharedAvailable) {
        console.log(`- skipped (no shared data): ${entry.name}`);
        continue;
      }
      const started = Date.now();
      try {
        await runJourney(browser, base, entry);
        passed++;
        console.log(`✔ ${entry.name} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
      } catch (error) {
        failed++;
        console.log(`✘ ${entry.name}\n    ${String(error?.stack ?? error).split('\n').slice(0, 6).join('\n    ')}`);
      }
    }
  } catch (error) {
    failed++;
    console.error(`e2e setup failed: ${error?.message ?? error}`);
    if (server) console.error(server.log.join('').slice(-4000));
  } finally {
    await browser?.close().catch(() => {});
    await stopServer(server);
  }
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

await main();
