/**
 * The crosstab page and the responses explorer as a reader uses them: building a table from the
 * pickers, its download equal to `survey-lens crosstab`, searching and filtering the responses,
 * downloading the rows found, and paging to the end of 88,883 responses.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { addJourney, download, formatCount, parseCsv, root, runCli, takeScreenshot, waitForStreamedContent } from './support.mjs';

function readSample2022() {
  const [header, ...rows] = parseCsv(readFileSync(path.join(root, 'data/state-of-engineers/2022.csv'), 'utf8'));
  return rows.map((row) => Object.fromEntries(header.map((name, index) => [name, (row[index] ?? '').trim()])));
}

const rounded = (percent) => `${(Math.round(Number(percent) * 10) / 10).toFixed(1)}%`;

addJourney('crosstab: built from the pickers, figures and test line as `survey-lens crosstab` prints them', async (page, base) => {
  const records = readSample2022();
  await page.goto(`${base}/state-of-engineers/crosstab`);
  await waitForStreamedContent(page);
  await page.getByText('Choose the questions to cross').waitFor();
  await page.getByLabel('Row question', { exact: true }).selectOption('role');
  await page.waitForURL(/_rows=role$/);
  await waitForStreamedContent(page);
  await page.getByLabel('Column question (banner)', { exact: true }).selectOption('region');
  await page.waitForURL(/_rows=role&_cols=region$/);
  await waitForStreamedContent(page);
  const query = '_rows=role&_cols=region';
  const cli = runCli('crosstab', 'state-of-engineers', '--view', query).stdout;
  const saved = await download(page, page.getByRole('link', { name: 'CSV', exact: true }));
  assert.equal(saved.name, 'state-of-engineers_2022_crosstab_role_by_region.csv');
  assert.equal(saved.bytes.toString('utf8'), cli, 'the download equals the CLI byte for byte');
  const rows = Papa.parse(cli, { header: true, skipEmptyLines: true }).data;
  // Counts are respondents, counted here from the file: e.g. Backend Engineers in Europe.
  const cell = rows.find((row) => row.row_option === 'Backend Engineer' && row.column_option === 'Europe');
  assert.equal(Number(cell.count), records.filter((r) => r.role === 'Backend Engineer' && r.region === 'Europe').length);
  // Every cell on screen is in the file, to the decimal shown.
  const table = page.locator('figure.crosstab table').first();
  const columns = (await table.locator('thead th').allInnerTexts()).slice(1).map((text) => text.split('\n')[0].trim());
  let checked = 0;
  for (const tr of await table.locator('tbody tr').all()) {
    const option = (await tr.locator('th').innerText()).trim();
    const cells = await tr.locator('td').allInnerTexts();
    columns.forEach((column, c) => {
      const row = rows.find((r) => r.row_option === option && r.column_option === (column === 'Total' ? '(total)' : column));
      assert.ok(row, `${option} × ${column} is in the file`);
      if (row.column_percent === '') return assert.equal(cells[c].trim(), 'withheld');
      assert.equal(
        cells[c]
          .split('\n')[0]
          .replace(/[▲▼].*$/, '')
          .trim(),
        rounded(row.column_percent),
        `${option} × ${column}`,
      );
      checked++;
    });
  }
  assert.ok(checked >= 60, `${checked} cells checked`);
  const testLine = await page.locator('.crosstab__test').first().innerText();
  assert.ok(testLine.startsWith(rows[0].test), `the test line names ${rows[0].test}`);
  assert.match(testLine, new RegExp(`df = ${rows[0].test_df.replace('.', '\\.')}`));
  await takeScreenshot(page, '30-crosstab-role-by-region');
  // Row percentages: of Backend Engineers, the share in Europe.
  await page.getByRole('button', { name: 'Row %' }).click();
  await page.waitForURL(/_pct=row$/);
  await waitForStreamedContent(page);
  const backend = await page
    .locator('figure.crosstab tr', { has: page.getByRole('rowheader', { name: 'Backend Engineer', exact: true }) })
    .locator('td')
    .allInnerTexts();
  assert.equal(
    backend[columns.indexOf('Europe')]
      .split('\n')[0]
      .replace(/[▲▼].*$/, '')
      .trim(),
    rounded(cell.row_percent),
  );
  // Stack a second row question; the PNG holds both tables.
  await page.getByLabel('Stack another row question', { exact: true }).selectOption('job_satisfaction');
  await page.waitForURL(/_rows=role&_rows=job_satisfaction/);
  await waitForStreamedContent(page);
  assert.equal(await page.locator('figure.crosstab').count(), 2);
  const png = await download(page, page.getByRole('button', { name: 'PNG', exact: true }));
  assert.deepEqual([...png.bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], 'a PNG file');
  await takeScreenshot(page, '30b-crosstab-stacked-row-percent');
});

addJourney('responses: filtered by the sidebar and a search, the rows found downloaded, sorting keeps focus', async (page, base, { report }) => {
  const records = readSample2022();
  await page.goto(`${base}/state-of-engineers/responses?region=Europe`);
  await waitForStreamedContent(page);
  const europe = records.filter((r) => r.region === 'Europe');
  await page.getByText(`${formatCount(europe.length)} matching respondents`).waitFor();
  await page.getByLabel('Search the responses').fill('python');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.waitForURL(/_search=python/);
  await waitForStreamedContent(page);
  // Any cell, free text included, case forgiven: counted here from the file.
  const found = europe.filter((r) => Object.values(r).some((value) => value.toLowerCase().includes('python')));
  await page.getByText(`${formatCount(found.length)} matching respondents`).waitFor();
  const file = await download(page, page.getByRole('link', { name: 'CSV, shown columns' }));
  assert.equal(file.name, 'state-of-engineers_2022_responses_region-Europe.csv');
  const lines = Papa.parse(file.bytes.toString('utf8'), { header: true, skipEmptyLines: true }).data;
  assert.equal(lines.length, found.length, 'one downloaded row per matching respondent');
  assert.ok(!('comment' in lines[0]), 'free text is not among the columns shown by default');
  const all = await download(page, page.getByRole('link', { name: 'CSV, all columns' }));
  assert.ok('comment' in Papa.parse(all.bytes.toString('utf8'), { header: true }).data[0], 'all columns include the free text');
  // A column's own search narrows further.
  const filter = page.getByLabel('Rows whose Primary role contains…');
  await filter.fill('data');
  await filter.press('Enter');
  await page.waitForURL(/_match\.role=data/);
  await waitForStreamedContent(page);
  const dataRoles = found.filter((r) => r.role.toLowerCase().includes('data'));
  await page.getByText(`${formatCount(dataRoles.length)} matching respondents`).waitFor();
  // Sorting by a heading keeps the focus on that heading after the page has changed.
  await page.getByRole('button', { name: /^years_experience/ }).click();
  await page.waitForURL(/_sort=years_experience/);
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-column') === 'years_experience');
  await takeScreenshot(page, '31-responses-search');
  report('responses: rows found for region=Europe & search python', found.length);
});

addJourney(
  'responses: from the first to the last of 88,883 Stack Overflow responses, timed',
  async (page, base, { report }) => {
    await page.goto(`${base}/stackoverflow-2019/responses`, { timeout: 120_000 });
    await waitForStreamedContent(page);
    await page.getByText('Respondents 1–50 of 88,883').first().waitFor();
    const started = Date.now();
    await page.getByRole('link', { name: 'Last page' }).first().click();
    await page.getByText('Respondents 88,851–88,883 of 88,883 · page 1,778 of 1,778').first().waitFor();
    const lastMs = Date.now() - started;
    assert.equal(await page.locator('tbody tr').count(), 33);
    report('Stack Overflow 2019 responses: first page to last page (click to rows shown), ms', lastMs);
    await takeScreenshot(page, '32-so2019-responses-last-page');
  },
  { shared: true },
);
