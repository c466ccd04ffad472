/**
 * What every browser journey shares: where the data is, how to wait for streamed sections and
 * drawn charts, screenshots, reading tables, downloads, and running the CLI for comparison.
 * Expected figures are computed here from the CSV files with papaparse, never read from the app.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import Papa from 'papaparse';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const screenshots = path.join(root, 'test-results', 'screenshots');
export const formatCount = (value) => new Intl.NumberFormat('en-US').format(value);

export const dataEnv = process.env.SURVEY_LENS_DATA ?? (existsSync(path.join(root, '../shared/data')) ? '../shared/data' : undefined);
const dataDirs = (dataEnv ?? '')
  .split(path.delimiter)
  .filter(Boolean)
  .map((dir) => path.resolve(root, dir));
export const findShared = (name) => dataDirs.map((dir) => path.join(dir, name)).find((dir) => existsSync(dir));
export const sharedAvailable = findShared('stackoverflow-2019') !== undefined && findShared('stackoverflow-samples') !== undefined;

/** Where surveys saved in the browser go during a run: a fresh folder (removed after the run), never the project's data/uploads. */
export const uploadsOwned = !process.env.SURVEY_LENS_UPLOADS;
export const uploadsDir = process.env.SURVEY_LENS_UPLOADS ?? mkdtempSync(path.join(os.tmpdir(), 'survey-lens-e2e-uploads-'));

const journeys = [];
/** Registers a journey: `shared` ones need ../shared/data, `allowConsole` lists expected console errors. */
export const addJourney = (name, fn, options = {}) => journeys.push({ name, fn, ...options });
export const listJourneys = () => journeys;

/** `survey-lens` in a child process with the server's data folders: the CLI's bytes for a view. */
export function runCli(...args) {
  const result = spawnSync(process.execPath, [path.join(root, 'bin/survey-lens.mjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...(dataEnv ? { SURVEY_LENS_DATA: dataEnv } : {}) },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`survey-lens ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return { stdout: result.stdout, stderr: result.stderr };
}

/** Clicks a download link or button and returns the file's name and bytes. */
export async function download(page, locator) {
  const [file] = await Promise.all([page.waitForEvent('download'), locator.click()]);
  const stream = await file.createReadStream();
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return { name: file.suggestedFilename(), bytes: Buffer.concat(chunks) };
}

// ---------- independent expectations (parsed here with papaparse, never copied from the app) ----------

export function parseCsv(text) {
  return Papa.parse(text, { header: false, skipEmptyLines: true }).data;
}

/** The sample's 2022 wave as records keyed by column name, read independently of the app. */
export function readSample2022() {
  const [header, ...rows] = parseCsv(readFileSync(path.join(root, 'data/state-of-engineers/2022.csv'), 'utf8'));
  return rows.map((row) => Object.fromEntries(header.map((name, index) => [name, (row[index] ?? '').trim()])));
}

/** Blank, NA and N/A are no answer (docs/your-data.md). */
export const answered = (value) => value !== '' && value !== 'NA' && value !== 'N/A';

/** Waits until the filter sentence says what is expected: after Back, the URL changes before the page does. */
export async function waitForSentence(page, pattern) {
  await page.waitForFunction(
    (source) => new RegExp(source).test(document.querySelector('.filter-sentence__text')?.textContent?.replace(/\s*×/g, '').replace(/\s+/g, ' ').trim() ?? ''),
    pattern.source,
  );
}

/** % of respondents who ranked anything that ranked "AI, Machine Learning, Big Data" first, 2022 wave. */
export function countAiRankedFirst() {
  const [header, ...rows] = parseCsv(readFileSync(path.join(root, 'data/state-of-engineers/2022.csv'), 'utf8'));
  const trendColumns = header.flatMap((name, index) => (name.startsWith('hot_trends[') ? [index] : []));
  const ai = header.indexOf('hot_trends[AI, Machine Learning, Big Data]');
  const answered = rows.filter((row) => trendColumns.some((column) => (row[column] ?? '').trim() !== ''));
  const first = answered.filter((row) => row[ai].trim() === '1').length;
  const percent = Math.round((first / answered.length) * 1000) / 10;
  return { first, base: answered.length, percent: `${percent.toFixed(1)}%` };
}

/** Respondents whose LanguageWorkedWith includes JavaScript, Stack Overflow 2019 (88,883 rows). */
export function countJavaScriptUsers() {
  const file = path.join(findShared('stackoverflow-2019'), 'survey_results_public_2019_subset21cols.csv.gz');
  const [header, ...rows] = parseCsv(gunzipSync(readFileSync(file)).toString('utf8'));
  const column = header.indexOf('LanguageWorkedWith');
  const cells = rows.map((row) => (row[column] ?? '').trim()).filter((cell) => cell !== '' && cell !== 'NA');
  const javascript = cells.filter((cell) =>
    cell
      .split(';')
      .map((part) => part.trim())
      .includes('JavaScript'),
  ).length;
  // data/_codebooks/stackoverflow-2019.json leaves a lone "Other(s):" out of the base, as Stack Overflow did.
  const base = cells.filter((cell) => cell !== 'Other(s):').length;
  return { javascript, base, percent: `${(Math.round((javascript / base) * 1000) / 10).toFixed(1)}%` };
}

/** Opens a facet of the sidebar (a <details>) unless it is open. */
export async function openFacet(page, id) {
  const facet = page.locator(`details[data-facet="${id}"]`);
  if ((await facet.getAttribute('open')) === null) await facet.locator('summary').click();
  return facet;
}

/**
 * Where to click for a category in one chart: the middle of its bar, or — for a bar too thin to
 * hit (0%) — a little right of its axis label, on the category's band.
 */
export async function barCentre(page, questionId, label) {
  return page.evaluate(
    ({ questionId, label }) => {
      const figure = document.querySelector(`figure.chart[data-question="${questionId}"]`);
      figure.scrollIntoView({ block: 'center' });
      const tick = [...figure.querySelectorAll('.recharts-yAxis-tick-labels text, .recharts-xAxis-tick-labels text')].find(
        (text) => text.querySelector('title')?.textContent === label || text.textContent === label,
      );
      const tickBox = tick.getBoundingClientRect();
      const middle = tickBox.y + tickBox.height / 2;
      const bar = [...figure.querySelectorAll('.recharts-bar-rectangle path')]
        .map((path) => path.getBoundingClientRect())
        .find((box) => box.width > 4 && box.y <= middle && box.y + box.height >= middle);
      return bar ? { x: bar.x + bar.width / 2, y: middle } : { x: tickBox.right + 30, y: middle };
    },
    { questionId, label },
  );
}

/**
 * Brings each chart box that has not drawn its current figures into the window in turn, and waits
 * for it to draw (charts draw as they come near the window, and a box that was out of the window
 * when the filters changed shows its old drawing hidden, data-drawn="stale", until then); then
 * scrolls back to where the page was. A build without data-drawn counts a box with an SVG as drawn.
 */
export async function drawEveryChart(page) {
  await page.evaluate(async () => {
    const drawn = (box) => box.querySelector('svg.recharts-surface') !== null && !['waiting', 'stale'].includes(box.dataset.drawn);
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    const { scrollX, scrollY } = window;
    const deadline = performance.now() + 60_000;
    for (let box; (box = [...document.querySelectorAll('.chart__canvas')].find((candidate) => !drawn(candidate)));) {
      box.scrollIntoView({ block: 'center' });
      while (!drawn(box) && box.isConnected) {
        if (performance.now() > deadline) throw new Error(`a chart box was not drawn within 60 s: ${box.getAttribute('aria-label')?.slice(0, 80)}`);
        await frame();
      }
    }
    window.scrollTo(scrollX, scrollY);
  });
}

/**
 * Streamed sections have replaced their skeletons, and every chart box has drawn its SVG of the
 * current figures (charts mount after hydration, and draw as they come near the window: the page
 * is scrolled through to each, then back).
 */
export async function waitForStreamedContent(page) {
  const settled = () =>
    document.querySelectorAll('[aria-busy="true"]').length === 0 &&
    [...document.querySelectorAll('.chart__canvas')].every((box) => box.querySelector('svg') && !['waiting', 'stale'].includes(box.dataset.drawn));
  await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0, null, { timeout: 120_000 });
  await drawEveryChart(page);
  await page.waitForFunction(settled, null, { timeout: 120_000 });
}

/** Full-page screenshot once streamed sections have replaced their skeletons. */
export async function takeScreenshot(page, name) {
  await waitForStreamedContent(page);
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
}

export async function readColumnValues(page, columnId) {
  const index = await page.$$eval(
    'thead th',
    (cells, id) => cells.findIndex((cell) => cell.querySelector('.sort-button__id')?.textContent?.replace(/[▲▼↕]/g, '').trim() === id),
    columnId,
  );
  assert.ok(index >= 0, `column ${columnId} not found`);
  return page.$$eval(`tbody tr`, (rows, i) => rows.map((row) => row.children[i]?.textContent ?? ''), index);
}

export const parseCellNumber = (text) => (text === '' ? NaN : Number(text.replace(/,/g, '')));
