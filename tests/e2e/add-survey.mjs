/**
 * Add a survey (issue 22), through the real UI: the home page's link, files picked on the input
 * labelled "Survey files", read in the page's Web Worker (a progress bar that moves, Cancel), the
 * review (kinds as `survey-lens schema` reads the same file, a kind changed and the chart drawn
 * again), clear errors for bad files, and Save: the files arrive byte for byte and the overview
 * shows the respondents the review showed. No request carries a byte of a file before Save.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findFreePort, startServer, stopServer, waitUntilUp } from './run-server.mjs';
import { addJourney, findShared, formatCount, root, runCli, screenshots, uploadsDir } from './support.mjs';

/** axe-core on the page as it stands: no serious or critical WCAG 2 A/AA violation. */
async function assertAccessible(page, label) {
  await page.addScriptTag({ path: path.join(root, 'node_modules/axe-core/axe.min.js') });
  const severe = await page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] });
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id} (${violation.nodes.length}), e.g. ${violation.nodes[0]?.target.join(' ')}`);
  });
  assert.deepEqual(severe, [], `${label}: no serious or critical accessibility violation`);
}

const shot = (page, name) => page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });

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

/** Saves under a title and waits for the overview: the files on disk (in `uploads`) must be the picked files, byte for byte. */
async function save(page, base, title, files, waveIds, uploads = uploadsDir) {
  await page.getByLabel('Survey title', { exact: true }).fill(title);
  const started = Date.now();
  await page.getByRole('button', { name: 'Save survey' }).click();
  await page.waitForURL((url) => url.pathname !== '/add', { timeout: 180_000 });
  const respondents = page.locator('.stat-list div', { hasText: 'Respondents' }).locator('dd');
  await respondents.waitFor({ timeout: 180_000 }).catch(async (error) => {
    // Say what the page showed instead of the overview, so a failure names its cause.
    const shown = (
      await page
        .locator('main')
        .textContent()
        .catch(() => '')
    )
      .replace(/\s+/g, ' ')
      .slice(0, 400);
    throw new Error(`${title}: the overview at ${page.url()} never showed its respondents; it showed: ${shown}`, { cause: error });
  });
  const ms = Date.now() - started;
  const id = decodeURIComponent(new URL(page.url()).pathname.slice(1));
  for (const [index, file] of files.entries()) {
    const stored = readdirSync(path.join(uploads, id)).find((name) => name.startsWith(`${waveIds[index]}.csv`));
    assert.ok(stored, `${title}: wave ${waveIds[index]} was saved`);
    assert.ok(readFileSync(path.join(uploads, id, stored)).equals(readFileSync(file)), `${title}: ${path.basename(file)} is saved byte for byte`);
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
        report(`add ${survey.name}: worker read (ms)`, Number((await page.getByTestId('read-time').getAttribute('data-ms')) ?? NaN));
      }
      const saved = await save(page, base, `e2e ${survey.name}`, survey.files, waveIds);
      assert.equal(saved.respondents, formatCount(schema.respondents), `${survey.name}: the overview shows the respondents the review showed`);
      if (big) report(`add ${survey.name}: save to dashboard (ms)`, saved.ms);
    }
  },
  { shared: true },
);

/** The options of the chart drawn for a question, top to bottom, as its accessible summary lists them (`…: Very dissatisfied 4.6%; Dissatisfied 10.2%; …`). */
async function chartLabels(page, id) {
  const summary = await page.locator(`.question-editor figure.chart[data-question="${id}"] .chart__canvas`).getAttribute('aria-label');
  return summary
    .slice(summary.indexOf(': ') + 2)
    .replace(/\.$/, '')
    .split('; ')
    .map((part) => part.replace(/ [\d.]+%$/, ''));
}

addJourney(
  'add a survey: the bundled sample as three waves, a question drawn in the worker, its order and kind changed and drawn again, saved',
  async (page, base, { context }) => {
    await context.addInitScript(instrument);
    const requests = watchRequests(context);
    await openAdd(page, base);
    await assertAccessible(page, 'the drop zone');
    await shot(page, 'add-drop-zone');
    const files = ['2020', '2021', '2022'].map((year) => path.join(root, 'data/state-of-engineers', `${year}.csv`));
    const schema = JSON.parse(runCli('schema', files[2]).stdout);
    const { alert } = await pick(page, files);
    assert.deepEqual(alert, []);
    assert.match(await page.getByTestId('respondents').textContent(), new RegExp(`2022: ${formatCount(schema.respondents)} respondents$`));
    assertKindsMatchSchema(await readKinds(page), files[2], '2022', 'state-of-engineers 2022');
    // The waves each question is asked in.
    assert.match(await page.locator('tr[data-question="role"] td').last().textContent(), /2020, 2021, 2022/);

    await page.getByRole('button', { name: 'job_satisfaction', exact: true }).click();
    await page.locator('.question-editor .chart__canvas svg').first().waitFor();
    await assertAccessible(page, 'the review');
    await shot(page, 'add-review');
    const likert = schema.questions.find((question) => question.id === 'job_satisfaction').options;
    assert.deepEqual(await chartLabels(page, 'job_satisfaction'), likert, 'drawn in its scale order');
    await page.getByRole('button', { name: `Move ${likert.at(-1)} up` }).click();
    const moved = [...likert.slice(0, -2), likert.at(-1), likert.at(-2)];
    await page.waitForFunction(
      ([id, expected]) => {
        const summary = document.querySelector(`.question-editor figure.chart[data-question="${id}"] .chart__canvas`)?.getAttribute('aria-label') ?? '';
        return summary.indexOf(expected[0]) < summary.indexOf(`; ${expected[1]} `);
      },
      ['job_satisfaction', [likert.at(-1), likert.at(-2)]],
    );
    assert.deepEqual(await chartLabels(page, 'job_satisfaction'), moved, 'drawn again in the new order');

    await page.getByRole('button', { name: 'role', exact: true }).click();
    await page.locator('.question-editor figure.chart[data-question="role"] svg').first().waitFor();
    await page.getByLabel('Kind of role').selectOption('text');
    await page.getByTestId('no-chart').waitFor();
    assert.equal(await page.locator('tr[data-question="role"] select[data-kind]').inputValue(), 'text');
    await shot(page, 'add-changed-kind');
    assertNothingSent(requests, 'the sample');
    assert.ok(
      (await page.evaluate(() => window.__longest)) < 1000,
      'no main-thread task near a second (the 100 ms goal is measured on Kaggle 2022 and Stack Overflow 2019)',
    );

    const saved = await save(page, base, 'e2e State of engineers', files, ['2020', '2021', '2022']);
    assert.equal(saved.respondents, formatCount(schema.respondents), 'the overview shows the respondents of the latest wave');
    const uploads = requests.filter((request) => request.method === 'PUT');
    assert.equal(uploads.length, 3, 'Save sends each file once');
    const codebook = JSON.parse(readFileSync(path.join(uploadsDir, saved.id, 'survey.json'), 'utf8'));
    assert.equal(codebook.questions.role.kind, 'text', 'the changed kind is saved in the codebook');
    assert.deepEqual(codebook.questions.job_satisfaction.options.slice(-2), [likert.at(-1), likert.at(-2)], 'the new order is saved');
  },
);

/** Files a person might pick by mistake, each with the message the page must give. */
function badFiles() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'survey-lens-bad-'));
  const write = (name, bytes) => (writeFileSync(path.join(dir, name), bytes), path.join(dir, name));
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id,answer\r\n1,yes\r\n2,no\r\n', 'utf16le')]);
  return [
    { file: write('binary.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a, 0x00, 0x01, 0x02])), message: /binary \(NUL\) bytes/ },
    { file: write('empty.csv', ''), message: /“empty\.csv” is empty/ },
    { file: write('header-only.csv', 'id,answer\n'), message: /header but no usable records/ },
    { file: write('slides.pdf', '%PDF-1.4'), message: /not a survey export this page reads/ },
    { file: write('utf16.csv', utf16), message: /UTF-16/ },
  ];
}

addJourney(
  'add a survey: a binary, empty, header-only, UTF-16 or non-CSV file gets its own message, and nothing is sent or kept',
  async (page, base, { context }) => {
    const requests = watchRequests(context);
    const kept = readdirSync(uploadsDir);
    await openAdd(page, base);
    for (const [index, bad] of badFiles().entries()) {
      const { alert } = await pick(page, [bad.file]);
      assert.equal(alert.length, 1, `${path.basename(bad.file)}: one alert`);
      assert.match(alert[0], bad.message, `${path.basename(bad.file)}: says what is wrong`);
      if (index === 0) await shot(page, 'add-error');
      // The drop zone is back for the next file.
      await page.getByLabel('Survey files').waitFor();
    }
    assertNothingSent(requests, 'bad files');
    assert.deepEqual(readdirSync(uploadsDir), kept, 'nothing was written to the uploads folder');
  },
);

addJourney(
  'add a survey: the Excel-mangled Stack Overflow sample is refused with the reason; Cancel stops a read within 500 ms',
  async (page, base, { context }) => {
    const requests = watchRequests(context);
    await openAdd(page, base);
    const mangled = path.join(findShared('stackoverflow-samples'), 'so2019_first997rows_EXCEL_SEMICOLON_MANGLED.csv');
    const { alert } = await pick(page, [mangled]);
    assert.equal(alert.length, 1);
    assert.match(alert[0], /re-saved by a spreadsheet with another delimiter/);

    const big = path.join(findShared('stackoverflow-2019'), 'survey_results_public_2019_subset21cols.csv.gz');
    await page.getByLabel('Survey files').setInputFiles([big]);
    await page.waitForFunction(() => Number(document.querySelector('.read-progress__bar')?.getAttribute('value')) > 0);
    await shot(page, 'add-progress');
    const cancelled = await page.evaluate(async () => {
      const started = performance.now();
      document.querySelector('.read-progress button').click();
      while (!document.querySelector('#survey-files')) await new Promise((resolve) => setTimeout(resolve, 5));
      return performance.now() - started;
    });
    assert.ok(cancelled < 500, `Cancel took ${cancelled.toFixed(0)} ms`);
    await page.waitForTimeout(3000);
    assert.equal(await page.getByTestId('respondents').count(), 0, 'a cancelled read never shows its review');
    assertNothingSent(requests, 'a cancelled read');
  },
  { shared: true },
);

addJourney(
  'edit questions: a saved survey reopened from its codebook, a kind changed and saved (the codebook only), then deleted',
  async (page, base, { context }) => {
    const file = path.join(root, 'data/state-of-engineers/2022.csv');
    await openAdd(page, base);
    await pick(page, [file]);
    const saved = await save(page, base, 'e2e Edit me', [file], ['2022']);
    const folder = path.join(uploadsDir, saved.id);
    const dataBefore = readFileSync(path.join(folder, '2022.csv'));

    const requests = watchRequests(context);
    await page.getByRole('link', { name: 'Edit questions' }).click();
    await page.getByTestId('respondents').waitFor();
    assert.equal((await page.getByTestId('respondents').textContent()).trim(), `${saved.respondents} respondents`, 'the review reads the saved file');
    assert.ok(
      requests.every((request) => request.method === 'GET'),
      'reading for the review only fetches',
    );
    await page.getByLabel('Kind of region').selectOption('text');
    await page.waitForFunction(() => document.querySelector('tr[data-question="region"] select[data-kind]')?.dataset.kind === 'text');
    await page.getByRole('button', { name: 'Save questions' }).click();
    await page.waitForURL(`${base}/${saved.id}`);
    await page.locator('.stat-list').waitFor();
    const codebook = JSON.parse(readFileSync(path.join(folder, 'survey.json'), 'utf8'));
    assert.equal(codebook.questions.region.kind, 'text', 'the codebook holds the change');
    assert.ok(readFileSync(path.join(folder, '2022.csv')).equals(dataBefore), 'the data file is untouched');

    await page.getByRole('link', { name: 'Edit questions' }).click();
    await page.getByTestId('respondents').waitFor();
    assert.equal(await page.locator('tr[data-question="region"] select[data-kind]').inputValue(), 'text', 'reopened under the saved codebook');
    page.once('dialog', (dialog) => dialog.accept());
    await page.getByRole('button', { name: 'Delete this survey' }).click();
    await page.waitForURL(`${base}/`);
    assert.ok(!readdirSync(uploadsDir).includes(saved.id), 'the folder is gone');
  },
);

addJourney('add a survey: two files without a year in their names are read as waves once the page has asked their names', async (page, base) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'survey-lens-waves-'));
  const files = ['first.csv', 'second.csv'].map((name, index) => {
    const target = path.join(dir, name);
    writeFileSync(target, readFileSync(path.join(root, 'data/state-of-engineers', `${2021 + index}.csv`)));
    return target;
  });
  await openAdd(page, base);
  await page.getByLabel('Survey files').setInputFiles(files);
  await page.getByRole('heading', { name: 'Name the waves' }).waitFor();
  const read = page.getByRole('button', { name: 'Read the files' });
  assert.ok(await read.isDisabled(), 'the files are not read before every wave has a name');
  await page.getByLabel('Wave name for first.csv').fill('spring');
  await page.getByLabel('Wave name for second.csv').fill('spring');
  assert.ok(await read.isDisabled(), 'two waves cannot share a name');
  await page.getByLabel('Wave name for second.csv').fill('summer');
  await read.click();
  const respondents = (n) => formatCount(JSON.parse(runCli('schema', files[n]).stdout).respondents);
  await page.getByTestId('respondents').waitFor();
  assert.equal(await page.getByTestId('respondents').textContent(), `spring: ${respondents(0)} respondents · summer: ${respondents(1)} respondents`);
});

/** Files and folders under `dir`, hidden ones (the staging folder) included, as paths relative to it. */
function listTree(dir) {
  return readdirSync(dir, { recursive: true }).map(String).sort();
}

addJourney(
  'add a survey behind an admin token: /add asks for it, a wrong token is refused, the right one signs in; a file over the upload limit is refused by the page and by the server, and nothing is kept',
  async (page, _base, { context }) => {
    const token = 'e2e-admin-token-0123456789';
    const small = path.join(root, 'data/state-of-engineers/2020.csv');
    const large = path.join(root, 'data/state-of-engineers/2022.csv');
    // Between the two sample files' sizes (870,681 and 1,078,041 bytes).
    const limit = 1_000_000;
    assert.ok(statSync(small).size < limit && statSync(large).size > limit, 'the limit lies between the two files');
    const uploads = mkdtempSync(path.join(os.tmpdir(), 'survey-lens-e2e-token-'));
    const port = await findFreePort();
    const base = `http://localhost:${port}`;
    const server = startServer(port, { SURVEY_LENS_ADMIN_TOKEN: token, SURVEY_LENS_UPLOAD_MAX_BYTES: String(limit), SURVEY_LENS_UPLOADS: uploads });
    try {
      await waitUntilUp(base, server);
      await page.goto(`${base}/add`);
      await page.getByText('Adding and editing surveys needs the admin token').waitFor();
      assert.equal(await page.getByLabel('Survey files').count(), 0, 'no file input before signing in');

      await page.getByLabel('Admin token').fill('not-the-token');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(`${base}/add?sign-in=failed`);
      assert.match(await page.locator('main [role="alert"]').textContent(), /That token is not the server’s/);
      assert.equal((await context.cookies(base)).length, 0, 'a wrong token sets no cookie');
      assert.equal(await page.getByLabel('Survey files').count(), 0, 'still no file input');

      await page.getByLabel('Admin token').fill(token);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(`${base}/add`);
      await page.getByLabel('Survey files').waitFor();
      const [cookie] = await context.cookies(base);
      assert.deepEqual([cookie?.httpOnly, cookie?.sameSite], [true, 'Strict'], 'the sign-in cookie is HttpOnly and SameSite=Strict');

      const requests = watchRequests(context);
      const { alert } = await pick(page, [large]);
      assert.equal(alert.length, 1);
      assert.match(alert[0], /“2022\.csv” is 1(\.0)? MB, more than 9\d\d(\.\d)? KB, the most this server accepts per file/);
      await shot(page, 'add-over-limit');
      assertNothingSent(requests, 'a file over the limit');

      // The server holds the limit itself, whatever a page says: more bytes than the limit, sent from the signed-in page, are refused and nothing stays.
      const refused = await page.evaluate(async (bytes) => {
        const started = await fetch('/add/uploads', { method: 'POST', credentials: 'same-origin' });
        const { upload } = await started.json();
        const sent = await fetch(`/add/uploads/${upload}/0`, { method: 'PUT', credentials: 'same-origin', body: new Uint8Array(bytes).fill(65) });
        return { status: sent.status, text: await sent.text() };
      }, limit + 1);
      assert.equal(refused.status, 413, `the server refused the oversized file: ${refused.text}`);
      assert.match(refused.text, /larger than .*, the most this server accepts per file/);
      assert.deepEqual(
        listTree(uploads).filter((name) => !/^\.staging$/.test(name)),
        [],
        'nothing of the refused file is kept',
      );

      await page.goto(`${base}/add`);
      await pick(page, [small]);
      const saved = await save(page, base, 'e2e Token', [small], ['2020'], uploads);
      assert.equal(saved.respondents, formatCount(JSON.parse(runCli('schema', small).stdout).respondents), 'the overview counts the saved file’s respondents');
    } finally {
      await stopServer(server);
      rmSync(uploads, { recursive: true, force: true });
    }
  },
  // The refused PUT the journey sends on purpose.
  { allowConsole: [/status of 413/] },
);
