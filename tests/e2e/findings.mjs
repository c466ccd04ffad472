/**
 * What stands out (issue 23) in the browser: the findings page's sentences are the rows
 * `survey-lens findings` prints for the same view, its download is those bytes, a finding's link
 * opens the question page whose table shows the group's percentage (and whose counts, with the
 * page everyone else sees, give the rest's), the overview's card lists the page's first three,
 * and what changed links to trends. Figures the sentences state are also counted here from the
 * CSV with papaparse, never taken from the app.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import Papa from 'papaparse';
import { addJourney, download, findShared, formatCount, parseCsv, runCli, takeScreenshot, waitForStreamedContent } from './support.mjs';

// ---------- words as the page writes them (lib/view/words/describe-finding), re-derived here ----------

const minus = (text) => text.replace(/^-/, '−');
const points = (value) => minus(value.toFixed(1));
const formatQ = (q) => (q < 0.001 ? 'q < 0.001' : `q = ${q.toFixed(3)}`);
const percentIn = (sentence) => Number(/: (\d+(?:\.\d)?)% against/.exec(sentence)?.[1]);

/**
 * A sentence says its row: the question and option, the rest's figure, the difference, its
 * interval, q and both bases exactly; the group's share as its page's table prints it (single
 * choice adds up to 100, so it can be 0.1 from plain rounding).
 */
function assertSentenceOfRow(sentence, row, where) {
  assert.ok(sentence.includes(`“${row.question_label}”`), `${where}: names the question “${row.question_label}”: ${sentence}`);
  const tail = `; ${formatQ(row.q)}; bases ${formatCount(row.base)} and ${formatCount(row.base_rest)})`;
  assert.ok(sentence.endsWith(tail), `${where}: ends with ${tail}: ${sentence}`);
  if (row.measure === 'mean') return;
  assert.ok(sentence.includes(`“${row.option.replace(/^Top 2: /, '')}`) || row.measure === 'top2', `${where}: names the option ${row.option}`);
  const sign = row.difference_points > 0 ? '+' : '';
  assert.ok(
    sentence.includes(`(${sign}${points(row.difference_points)} points, 95% CI ${points(row.ci_low)} to ${points(row.ci_high)}`),
    `${where}: ${sentence}`,
  );
  assert.ok(sentence.includes(`against ${row.percent_rest.toFixed(1)}% of the rest`), `${where}: the rest's ${row.percent_rest}: ${sentence}`);
  assert.ok(Math.abs(percentIn(sentence) - row.percent) <= 0.1 + 1e-9, `${where}: the group's ${row.percent} as ${percentIn(sentence)}`);
}

async function readFindingsPage(page) {
  await waitForStreamedContent(page);
  const header = (await page.locator('#findings-header').innerText()).trim();
  const [, tests, findings] = /^([\d,]+) tests?, ([\d,]+|no) findings?/.exec(header) ?? [];
  assert.ok(tests, `a header line: ${header}`);
  const sentences = await page.locator('section[aria-labelledby="stands-out-heading"] .finding__link').allInnerTexts();
  const changes = await page.locator('section[aria-labelledby="changed-heading"] .finding__link').allInnerTexts();
  const number = (text) => (text === 'no' ? 0 : Number(text.replace(/,/g, '')));
  return { header, tests: number(tests), findings: number(findings), sentences, changes };
}

// ---------- Stack Overflow 2019, read here (ODbL 1.0 + DbCL) ----------

let so2019;
/** Header and rows of the 88,883 answers; "NA" and blanks are no answer. */
function readSo2019() {
  if (so2019) return so2019;
  const file = path.join(findShared('stackoverflow-2019'), 'survey_results_public_2019_subset21cols.csv.gz');
  const [header, ...rows] = parseCsv(gunzipSync(readFileSync(file)).toString('utf8'));
  so2019 = { header, rows: rows.map((row) => row.map((cell) => (cell.trim() === 'NA' ? '' : cell.trim()))) };
  return so2019;
}

/**
 * A share finding counted from the file: who answered `question` (a lone “Other(s):” in
 * LanguageWorkedWith is out of the base, as the shared codebook says) and chose `option`, in the
 * group and in the rest of the wave.
 */
function countShare(question, option, inGroup) {
  const { header, rows } = readSo2019();
  const column = header.indexOf(question);
  const multi = rows.some((row) => row[column].includes(';'));
  const sides = { group: { chose: 0, base: 0 }, rest: { chose: 0, base: 0 } };
  for (const row of rows) {
    const cell = row[column];
    if (cell === '' || (question === 'LanguageWorkedWith' && cell === 'Other(s):')) continue;
    const side = inGroup(row, header) ? sides.group : sides.rest;
    side.base++;
    if (
      multi
        ? cell
            .split(';')
            .map((part) => part.trim())
            .includes(option)
        : cell === option
    )
      side.chose++;
  }
  return {
    percent: (100 * sides.group.chose) / sides.group.base,
    percentRest: (100 * sides.rest.chose) / sides.rest.base,
    base: sides.group.base,
    baseRest: sides.rest.base,
  };
}

/** A table row's cells by its header names (each header's first line; a cell's text as shown, marks and all). */
async function readTableRow(page, option) {
  const found = await page
    .locator('.data-table')
    .first()
    .evaluate((table, wanted) => {
      const headers = [...table.querySelectorAll('thead th')].map((th) => th.innerText.split('\n')[0].trim());
      const row = [...table.querySelectorAll('tbody tr')].find((tr) => tr.querySelector('th')?.innerText.trim() === wanted);
      return row ? Object.fromEntries([...row.querySelectorAll('td')].map((td, index) => [headers[index + 1], td.innerText.trim()])) : undefined;
    }, option);
  assert.ok(found, `the table has a row “${option}”`);
  return found;
}

/** The percentage a cell shows, without its mark. */
const percentOfCell = (text) => /\d+(?:\.\d)?%/.exec(text ?? '')?.[0];

const baseOf = async (page) => Number(/Base: ([\d,]+) respondents/.exec(await page.locator('.base-statement').innerText())[1].replace(/,/g, ''));

addJourney(
  'findings: Stack Overflow 2019, Country = Germany — the sentences are the CLI’s rows, counted from the file, and the first one’s link shows its figures',
  async (page, base, { report }) => {
    const url = `${base}/stackoverflow-2019/findings?Country=Germany`;
    const started = Date.now();
    await page.goto(url);
    const shown = await readFindingsPage(page);
    report('findings page, Stack Overflow 2019, Country = Germany (first load)', `${Date.now() - started} ms`);
    const cli = JSON.parse(runCli('findings', 'stackoverflow-2019', '--where', 'Country=Germany', '--format', 'json').stdout);
    assert.equal(shown.tests, cli.tests, 'the header’s N is the number of tests the CLI made');
    assert.equal(shown.findings, cli.findings, 'the header’s K is the CLI’s findings');
    const rows = cli.rows.filter((row) => row.section === 'stands_out');
    assert.equal(shown.sentences.length, Math.min(rows.length, 50), 'one sentence per row on the first page');
    shown.sentences.forEach((sentence, k) => assertSentenceOfRow(sentence, rows[k], `finding ${k + 1}`));
    await takeScreenshot(page, 'findings-01-so2019-germany');

    // The strongest share findings, counted from the file by hand.
    const germany = (row, header) => row[header.indexOf('Country')] === 'Germany';
    const shares = rows.filter((row) => row.measure === 'share').slice(0, 5);
    for (const row of shares) {
      const counted = countShare(row.question_id, row.option, germany);
      const where = `${row.question_id} ${row.option}`;
      assert.deepEqual([row.base, row.base_rest], [counted.base, counted.baseRest], `${where}: bases counted from the file`);
      assert.ok(
        Math.abs(row.percent - counted.percent) < 1e-6 && Math.abs(row.percent_rest - counted.percentRest) < 1e-6,
        `${where}: shares counted from the file`,
      );
    }

    // Keyboard: Tab from the downloads reaches the first finding; Enter opens its question page.
    const first = rows[0];
    await page.getByRole('link', { name: 'JSON', exact: true }).focus();
    let reached = false;
    for (let step = 0; step < 12 && !reached; step++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.classList.contains('finding__link') ?? false);
    }
    assert.ok(reached, 'the first finding is a few Tab presses after the downloads');
    await Promise.all([page.waitForURL(/\/stackoverflow-2019\/questions\/[^?]+\?Country=Germany$/), page.keyboard.press('Enter')]);
    await waitForStreamedContent(page);
    assert.ok(page.url().includes(`/questions/${encodeURIComponent(first.question_id)}?`), `the link opens ${first.question_id}`);
    const groupRow = await readTableRow(page, first.option);
    assert.equal(percentOfCell(groupRow['% of base']), `${percentIn(shown.sentences[0]).toFixed(1)}%`, 'the page’s table shows the sentence’s percentage');
    const group = { count: Number(groupRow.Count.replace(/,/g, '')), base: await baseOf(page) };
    assert.equal(group.base, first.base, 'the page’s base is the sentence’s');
    await takeScreenshot(page, 'findings-02-so2019-first-link');
    // The rest: everyone's counts on the same page without the filter, minus the group's.
    await page.getByRole('link', { name: /^Remove filter: Country/ }).click();
    await page.waitForURL(/\/questions\/[^?]+$/);
    await waitForStreamedContent(page);
    const everyone = { count: Number((await readTableRow(page, first.option)).Count.replace(/,/g, '')), base: await baseOf(page) };
    const rest = (100 * (everyone.count - group.count)) / (everyone.base - group.base);
    assert.ok(shown.sentences[0].includes(`against ${rest.toFixed(1)}% of the rest`), `the rest, ${rest.toFixed(1)}%, from the pages’ own counts`);
    assert.equal(everyone.base - group.base, first.base_rest, 'the rest’s base from the pages’ counts');

    // The download is the CLI's bytes.
    await page.goto(url);
    await waitForStreamedContent(page);
    const file = await download(page, page.getByRole('link', { name: 'CSV', exact: true }));
    assert.equal(file.name, 'stackoverflow-2019_2019_findings_Country-Germany.csv');
    assert.equal(file.bytes.toString('utf8'), runCli('findings', 'stackoverflow-2019', '--where', 'Country=Germany').stdout, 'the page’s CSV is the CLI’s');
    const again = Date.now();
    await page.reload();
    await readFindingsPage(page);
    report('findings page, Stack Overflow 2019, Country = Germany (cached)', `${Date.now() - again} ms`);
  },
  { shared: true },
);

addJourney(
  'findings: compare by WorkLoc within the United States — the link opens the compare-by page; its table and download give both percentages',
  async (page, base) => {
    await page.goto(`${base}/stackoverflow-2019/findings?Country=United+States&_by=WorkLoc`);
    const shown = await readFindingsPage(page);
    const cli = JSON.parse(runCli('findings', 'stackoverflow-2019', '--view', 'Country=United States&_by=WorkLoc', '--format', 'json').stdout);
    assert.equal(shown.tests, cli.tests);
    const rows = cli.rows.filter((row) => row.section === 'stands_out');
    shown.sentences.forEach((sentence, k) => assertSentenceOfRow(sentence, rows[k], `finding ${k + 1}`));
    const k = rows.findIndex((row) => row.measure === 'share');
    const finding = rows[k];
    assert.ok(shown.sentences[k].startsWith(`Respondents where WorkLoc is “${finding.segment}”`), 'the group is the segment’s own filter');
    await Promise.all([page.waitForURL(/_by=WorkLoc$/), page.locator('.finding__link').nth(k).click()]);
    await waitForStreamedContent(page);
    const tableRow = await readTableRow(page, finding.option);
    assert.equal(
      percentOfCell(tableRow[finding.segment]),
      `${percentIn(shown.sentences[k]).toFixed(1)}%`,
      `the ${finding.segment} column shows the sentence’s percentage`,
    );
    const csv = Papa.parse((await download(page, page.getByRole('link', { name: 'CSV', exact: true }))).bytes.toString('utf8'), { header: true }).data;
    const pick = (segment) => csv.find((row) => row.measure === 'share' && row.option === finding.option && row.segment === segment);
    const [all, segment] = [pick('(all)'), pick(finding.segment)];
    const rest = (100 * (Number(all.count) - Number(segment.count))) / (Number(all.base) - Number(segment.base));
    assert.ok(shown.sentences[k].includes(`against ${rest.toFixed(1)}% of the rest`), `the rest of the selection from the page’s own download: ${rest}`);
    await takeScreenshot(page, 'findings-03-so2019-by-workloc-link');
  },
  { shared: true },
);

addJourney(
  'findings: the overview’s What stands out card lists the page’s first three; toolbars lead to the page with the same view',
  async (page, base) => {
    await page.goto(`${base}/stackoverflow-2019/findings?Country=Germany`);
    const { sentences } = await readFindingsPage(page);
    await page.goto(`${base}/stackoverflow-2019?Country=Germany`);
    await waitForStreamedContent(page);
    const card = page.locator('section.findings-card');
    assert.deepEqual(await card.locator('.finding__link').allInnerTexts(), sentences.slice(0, 3), 'the card’s three are the page’s first three');
    assert.equal(await card.getByRole('link', { name: 'All findings →' }).getAttribute('href'), '/stackoverflow-2019/findings?Country=Germany');
    await takeScreenshot(page, 'findings-04-so2019-overview-card');
    await page.goto(`${base}/stackoverflow-2019`);
    await waitForStreamedContent(page);
    assert.equal(await page.locator('section.findings-card').count(), 0, 'no card without a filter or a compare-by');
    await page.goto(`${base}/stackoverflow-2019/questions/CareerSat?Country=Germany`);
    await waitForStreamedContent(page);
    await Promise.all([page.waitForURL(/\/findings\?Country=Germany$/), page.getByRole('link', { name: 'What stands out →' }).click()]);
    await waitForStreamedContent(page);
  },
  { shared: true },
);

addJourney('findings: the sample’s what changed since 2021 links to trends; q and the floor change the URL; dark and phone', async (page, base) => {
  await page.goto(`${base}/state-of-engineers/findings?region=Europe`);
  const shown = await readFindingsPage(page);
  const cli = JSON.parse(runCli('findings', 'state-of-engineers', '--where', 'region=Europe', '--format', 'json').stdout);
  assert.deepEqual([shown.tests, shown.findings], [cli.tests, cli.findings]);
  const changes = cli.rows.filter((row) => row.section === 'changed');
  assert.ok(changes.length > 0, 'something changed since 2021 in the sample');
  assert.equal(shown.changes.length, changes.length);
  shown.changes.forEach((sentence, k) => {
    const row = changes[k];
    assert.ok(sentence.endsWith(`; ${formatQ(row.q)}; bases ${formatCount(row.base_rest)} and ${formatCount(row.base)})`), `change ${k + 1}: ${sentence}`);
    assert.match(sentence, new RegExp(` (rose|fell) from [\\d.]+% in 2021 to [\\d.]+% in 2022 \\(${row.difference_points > 0 ? '\\+' : '−'}`));
  });
  // A change opens its trend, whose table has both waves' percentages as the sentence says them.
  const [, before, after] = / from ([\d.]+%) in 2021 to ([\d.]+%) in 2022/.exec(shown.changes[0]);
  await Promise.all([page.waitForURL(/_wave=all/), page.locator('section[aria-labelledby="changed-heading"] .finding__link').first().click()]);
  await waitForStreamedContent(page);
  const trendRow = await readTableRow(page, changes[0].option);
  assert.deepEqual(
    [percentOfCell(trendRow['2021']), percentOfCell(trendRow['2022'])],
    [before, after],
    'the trend’s table shows both waves as the sentence does',
  );

  // The floors are URL settings: q ≤ 0.01 and 10 points, kept by the download.
  await page.goto(`${base}/state-of-engineers/findings?region=Europe`);
  await waitForStreamedContent(page);
  await page.getByLabel('False discoveries').selectOption('0.01');
  await page.waitForURL(/_q=0\.01$/);
  await page.getByLabel('Smallest difference').selectOption('10');
  await page.waitForURL(/_q=0\.01&_min=10$/);
  const strict = await readFindingsPage(page);
  assert.match(strict.header, /q ≤ 0\.01/);
  const file = await download(page, page.getByRole('link', { name: 'JSON', exact: true }));
  assert.equal(file.bytes.toString('utf8'), runCli('findings', 'state-of-engineers', '--view', 'region=Europe&_q=0.01&_min=10', '--format', 'json').stdout);

  await page.emulateMedia({ colorScheme: 'dark' });
  await takeScreenshot(page, 'findings-05-sample-dark');
  await page.setViewportSize({ width: 375, height: 812 });
  await page.reload();
  await waitForStreamedContent(page);
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  assert.ok(scrollWidth <= innerWidth, `no sideways scrolling on a phone: ${scrollWidth}px in ${innerWidth}px`);
  await takeScreenshot(page, 'findings-06-sample-phone-dark');
});
