/**
 * Add a survey (issue 22), through the real UI: the home page's link, files picked on the input
 * labelled "Survey files", read in the page's Web Worker (a progress bar that moves, Cancel), the
 * review (kinds as `survey-lens schema` reads the same file, a kind changed and the chart drawn
 * again), clear errors for bad files, and Save: the files arrive byte for byte and the overview
 * shows the respondents the review showed. No request carries a byte of a file before Save.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addJourney, findShared, formatCount, root, runCli, screenshots, uploadsDir } from './support.mjs';

/** In the page before its scripts: the progress bar's values as they change, and the longest main-thread task. */
function instrument() {
  window.__progress = [];
  window.__longest = 0;
  const record = () => {
    const bar = document.querySelector('.read-progress__bar');
    if (!bar) return;
    const value = Number(bar.getAttribute('value'));
    const last = window.__progress.at(-1);
    if (!last || last.value !== value) window.__progress.push({ value, max: Number(bar.getAttribute('max')), at: performance.now() });
  };
  new MutationObserver(record).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['value'] });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longest = Math.max(window.__longest, entry.duration);
  }).observe({ type: 'longtask', buffered: true });
}

/** Every request the browser makes (page and worker), with the size of what it carries. */
function watchRequests(context) {
  const requests = [];
  context.on('request', (request) => requests.push({ method: request.method(), url: request.url(), body: request.postDataBuffer()?.length ?? 0 }));
  return requests;
}

/** Nothing sent so far carries a file: only GETs (pages, scripts, the worker), no bodies, no upload endpoint. */
function assertNothingSent(requests, label) {
  const sending = requests.filter((request) => request.method !== 'GET' || request.body > 0 || request.url.includes('/add/uploads'));
  assert.deepEqual(sending, [], `${label}: no request carries the file before Save`);
}

async function openAdd(page, base) {
  await page.goto(base);
  await page.getByRole('link', { name: 'Add a survey' }).click();
  await page.waitForURL(`${base}/add`);
  await page.getByLabel('Survey files').waitFor();
}

/** Picks the files and waits for the review (or an alert): the time it took and what the page showed. */
async function pick(page, files) {
  const started = Date.now();
  await page.getByLabel('Survey files').setInputFiles(files);
  await page.locator('[data-testid="respondents"], .add-survey [role="alert"]').first().waitFor({ timeout: 180_000 });
  return { ms: Date.now() - started, alert: await page.locator('.add-survey [role="alert"]').allTextContents() };
}

/** The review's rows (once all are listed): id, kind shown, and the wave and id in that wave it was read from. */
async function readKinds(page) {
  await page.waitForFunction(() => {
    const table = document.querySelector('.review-table');
    return table && table.dataset.shown === table.dataset.questions;
  });
  return page.$$eval('.review-table tr[data-question]', (rows) =>
    rows.map((row) => ({ id: row.dataset.question, anchor: row.dataset.anchor, kind: row.querySelector('select[data-kind]').value })),
  );
}

/** The review's kinds against `survey-lens schema` on the latest file: every question the CLI finds, of the same kind. */
function assertKindsMatchSchema(rows, file, waveId, label) {
  const schema = JSON.parse(runCli('schema', file).stdout);
  const shown = new Map(rows.filter((row) => row.anchor.startsWith(`${waveId}:`)).map((row) => [row.anchor.slice(waveId.length + 1), row.kind]));
  const differing = schema.questions
    .filter((question) => shown.get(question.id) !== question.kind)
    .map((q) => `${q.id}: schema ${q.kind}, review ${shown.get(q.id)}`);
  assert.deepEqual(differing, [], `${label}: the review reads every question as survey-lens schema does`);
  assert.equal(shown.size, schema.questions.length, `${label}: the review shows the questions of ${path.basename(file)} and no others`);
  return schema;
}

/** Saves under a title and waits for the overview: the files on disk must be the picked files, byte for byte. */
async function save(page, base, title, files, waveIds) {
  await page.getByLabel('Survey title', { exact: true }).fill(title);
  const started = Date.now();
  await page.getByRole('button', { name: 'Save survey' }).click();
  await page.waitForURL((url) => url.pathname !== '/add', { timeout: 180_000 });
  const respondents = page.locator('.stat-list div', { hasText: 'Respondents' }).locator('dd');
  await respondents.waitFor({ timeout: 180_000 });
  const ms = Date.now() - started;
  const id = decodeURIComponent(new URL(page.url()).pathname.slice(1));
  for (const [index, file] of files.entries()) {
    const stored = readdirSync(path.join(uploadsDir, id)).find((name) => name.startsWith(`${waveIds[index]}.csv`));
    assert.ok(stored, `${title}: wave ${waveIds[index]} was saved`);
    assert.ok(readFileSync(path.join(uploadsDir, id, stored)).equals(readFileSync(file)), `${title}: ${path.basename(file)} is saved byte for byte`);
  }
  return { id, ms, respondents: (await respondents.textContent()).trim() };
}

/** The surveys read through the page: every shared export (the series as waves), Thai Google Forms, Kaggle 2022 and Stack Overflow 2019. */
function sharedSurveys() {
  const exports = findShared('exports');
  const surveys = readdirSync(exports, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({
      name: entry.name,
      files: readdirSync(path.join(exports, entry.name))
        .filter((name) => /\.(csv|tsv)$/.test(name))
        .sort()
        .map((name) => path.join(exports, entry.name, name)),
    }));
  const one = (folder, name) => ({ name: folder, files: [path.join(findShared(folder), name)] });
  return [
    ...surveys,
    one('thai-developers-2019', 'rawdata.csv'),
    one('kaggle-2022', 'kaggle_survey_2022_responses.csv.gz'),
    one('stackoverflow-2019', 'survey_results_public_2019_subset21cols.csv.gz'),
  ];
}

/** Wave ids as the page names them: the years in the file names, else the one file's name. */
const waveIdsOf = (files) => files.map((file) => /(?:^|[^0-9])((?:19|20)\d\d)(?![0-9])/.exec(path.basename(file))?.[1]);

addJourney(
  'add a survey: every shared export read in the worker as the CLI reads it, a moving progress bar, nothing sent before Save, saved byte for byte with the same respondents',
  async (page, base, { context, report }) => {
    await context.addInitScript(instrument);
    const requests = watchRequests(context);
    for (const survey of sharedSurveys()) {
      await openAdd(page, base);
      requests.length = 0;
      const { ms, alert } = await pick(page, survey.files);
      assert.deepEqual(alert, [], `${survey.name}: read without an error`);
      const progress = await page.evaluate(() => window.__progress);
      const rows = await readKinds(page);
      const latest = survey.files.at(-1);
      const waveIds = survey.files.length > 1 ? waveIdsOf(survey.files) : [rows[0].anchor.split(':')[0]];
      const schema = assertKindsMatchSchema(rows, latest, waveIds.at(-1), survey.name);
      const shown = (await page.getByTestId('respondents').textContent()).trim();
      assert.ok(
        shown.endsWith(`${formatCount(schema.respondents)} respondents`),
        `${survey.name}: the review shows ${schema.respondents} respondents (${shown})`,
      );
      assertNothingSent(requests, survey.name);
      const big = survey.files.reduce((sum, file) => sum + readFileSync(file).length, 0) > 1024 * 1024;
      if (big) {
        // Four updates a second at least while the bytes are read (then the bar is full while the questions are worked out).
        const full = progress.findIndex((entry) => entry.value === entry.max);
        assert.ok(full > 0, `${survey.name}: the bar fills`);
        const span = (progress[full].at - progress[0].at) / 1000;
        assert.ok(full + 1 >= Math.max(3, span * 4), `${survey.name}: the progress bar moved ${full + 1} times in ${span.toFixed(1)} s`);
        report(`add ${survey.name}: drop to review (ms)`, ms);
        report(`add ${survey.name}: longest main-thread task (ms)`, await page.evaluate(() => window.__longest));
      }
      const saved = await save(page, base, `e2e ${survey.name}`, survey.files, waveIds);
      assert.equal(saved.respondents, formatCount(schema.respondents), `${survey.name}: the overview shows the respondents the review showed`);
      if (big) report(`add ${survey.name}: save to dashboard (ms)`, saved.ms);
    }
  },
  { shared: true },
);
