/**
 * Grids, as a reader meets them on a real export (FiveThirtyEight's Star Wars survey, SurveyMonkey,
 * in ../shared/data/exports: its 14 characters rated on one favourability scale): one overview
 * card instead of 14, the grid's page whose table equals its CSV download and `survey-lens
 * aggregate` byte for byte, counts that equal the file's (read here with papaparse), a click on an
 * answer that filters, a comparison, a phone and dark mode. Then the Net Promoter Score, personal
 * data left out of the responses table, and typed-in answers one link away.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { addJourney, download, findShared, runCli, screenshots, takeScreenshot, waitForStreamedContent } from './support.mjs';

/** ../shared/data/exports is a group of datasets, one per tool's folder: Star Wars is `fte_starwars_surveymonkey`, one wave (`starwars`). */
const STARWARS = 'fte_starwars_surveymonkey';
const GRID = `/${STARWARS}/questions/q6`;
const PHONE = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true };

/** The favourability columns (15–28) of StarWars.csv: its two header rows skipped, cells as written. */
function readStarWars() {
  const file = path.join(findShared('exports'), 'fte_starwars_surveymonkey/StarWars.csv');
  const [, options, ...records] = Papa.parse(readFileSync(file, 'latin1'), { skipEmptyLines: true }).data;
  return { characters: options.slice(15, 29), column: (c) => records.map((record) => (record[15 + c] ?? '').trim()) };
}

/** Each share rounded to one decimal on its own, as a reader rounds the file's figure (issue 24: never nudged to make 100). */
function roundEach(percents) {
  return percents.map((percent) => (Math.round(percent * 10) / 10).toFixed(1));
}

/** The grid table as text: per row question, its label, each answer's shown percent and count, its base, and the score columns. */
async function readGridTable(page) {
  const table = page.locator('table.grid-table').first();
  const headers = (await table.locator('thead th').allInnerTexts()).map((text) => text.split('\n')[0].trim());
  const rows = await table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({
      id: tr.dataset.question,
      label: tr.querySelector('th a').textContent.trim(),
      href: tr.querySelector('th a').getAttribute('href'),
      cells: [...tr.querySelectorAll('td')].map((td) => td.innerText.trim()),
    })),
  );
  return { headers, rows };
}

function checkTableAgainstCsv(table, csvRows, segment = '(all)') {
  const answers = table.headers.slice(1, table.headers.indexOf('Base'));
  let checked = 0;
  for (const row of table.rows) {
    const own = csvRows.filter((r) => r.question_id === row.id && r.segment === segment);
    const shares = answers.map((answer) => own.find((r) => r.measure === 'share' && r.option === answer));
    assert.ok(shares.every(Boolean), `${row.label}: every answer is in the file`);
    const shown = roundEach(shares.map((r) => Number(r.percent)));
    answers.forEach((answer, a) => {
      const lines = row.cells[a].split('\n');
      const [line, count] = [lines[0], lines.at(-1)];
      // After the share: ▲ / ▼ (and its words for screen readers) in a comparison.
      const percent = line.match(/^[\d.]+%/)?.[0];
      assert.equal(percent, `${shown[a]}%`, `${row.label} / ${answer}: shown ${line}, file ${shares[a].percent}`);
      assert.equal(count.replace(/,/g, ''), shares[a].count, `${row.label} / ${answer}: count`);
      checked++;
    });
    assert.equal(row.cells[answers.length].replace(/,/g, ''), shares[0].base, `${row.label}: base`);
    const score = (measure) => own.find((r) => r.measure === measure);
    const oneDecimal = (percent) => `${(Math.round(Number(percent) * 10) / 10).toFixed(1)}%`;
    assert.equal(row.cells[answers.length + 1], oneDecimal(score('top2').percent), `${row.label}: top 2`);
    assert.equal(row.cells[answers.length + 2], oneDecimal(score('bottom2').percent), `${row.label}: bottom 2`);
    assert.equal(row.cells[answers.length + 3], Number(score('mean').value).toFixed(2), `${row.label}: mean score`);
  }
  return checked;
}

addJourney(
  'grids: the Star Wars favourability grid is one card and one page whose table equals its CSV, the file and `survey-lens aggregate`; an answer filters; compared by gender',
  async (page, base, { report }) => {
    const starWars = readStarWars();
    await page.goto(`${base}/${STARWARS}`);
    await waitForStreamedContent(page);
    // One card for the grid, none for its 14 rows.
    assert.equal(await page.locator('article.grid-card').count(), 1, 'one grid card');
    assert.equal(await page.locator('article.question-card h3 a[href*="/questions/q6_"]').count(), 0, 'no card per row');
    assert.match(await page.locator('article.grid-card figure.chart .chart__canvas').getAttribute('aria-label'), /Han Solo: Very unfavorably/);
    await takeScreenshot(page, 'grid-01-overview');

    await page.locator('article.grid-card h3 a').click();
    // starwars is the dataset's only wave, so links leave `_wave` out (the default).
    await page.waitForURL(new RegExp(`/${STARWARS}/questions/q6$`));
    await waitForStreamedContent(page);
    await page.getByRole('heading', { level: 1, name: /Please state whether you view the following characters favorably/ }).waitFor();
    const table = await readGridTable(page);
    assert.deepEqual(
      table.rows.map((row) => row.label),
      starWars.characters,
      'a row per character, in file order',
    );
    assert.deepEqual(
      table.headers.slice(1, 7),
      ['Very unfavorably', 'Somewhat unfavorably', 'Neither favorably nor unfavorably (neutral)', 'Somewhat favorably', 'Very favorably', 'Unfamiliar (N/A)'],
      'answers in scale order, off-scale last',
    );
    // Each row label leads to its own question page, with the view.
    assert.match(table.rows[0].href, new RegExp(`/${STARWARS}/questions/q6_1$`));

    // The download is the CLI's output byte for byte, and holds every figure of the table.
    const file = await download(page, page.getByRole('link', { name: 'CSV', exact: true }));
    assert.equal(file.name, `${STARWARS}_starwars_q6.csv`);
    const cli = runCli('aggregate', STARWARS, '--question', 'q6');
    assert.equal(file.bytes.toString('utf8'), cli.stdout, 'the download equals survey-lens aggregate');
    const csvRows = Papa.parse(cli.stdout, { header: true, skipEmptyLines: true }).data;
    assert.deepEqual(
      [...new Set(csvRows.map((row) => row.question_id))],
      table.rows.map((row) => row.id),
      'the file holds every row question, in row order',
    );
    const checked = checkTableAgainstCsv(table, csvRows);
    report('grids: Star Wars q6 cells checked against the CSV', checked);
    // The counts are the file's, counted here.
    table.rows.forEach((row, r) => {
      const cells = starWars.column(r);
      table.headers
        .slice(1, 7)
        .forEach((answer, a) =>
          assert.equal(
            row.cells[a].split('\n')[1].replace(/,/g, ''),
            String(cells.filter((cell) => cell === answer).length),
            `${row.label} / ${answer}: counted from StarWars.csv`,
          ),
        );
    });
    await takeScreenshot(page, 'grid-02-page');

    // A click on Han Solo's “Very favorably” filters the view to those 610 respondents.
    const segment = page.locator('figure.chart[data-question="q6"] g[data-row="q6_1"][data-answer="Very favorably"] rect');
    await segment.click();
    await page.waitForURL(/q6_1=Very\+favorably/);
    await waitForStreamedContent(page);
    const veryFavourably = starWars.column(0).filter((cell) => cell === 'Very favorably').length;
    await page.locator('.filter-sentence__text', { hasText: `${veryFavourably} of 1,186 respondents where` }).waitFor();
    const filtered = await readGridTable(page);
    assert.equal(filtered.rows[0].cells[4].split('\n')[0], '100.0%', 'Han Solo is all “Very favorably” now');
    assert.equal(
      await page.locator('figure.chart[data-question="q6"] g[data-row="q6_1"][data-answer="Very favorably"] rect').getAttribute('stroke'),
      'var(--text)',
      'the filtered answer is outlined',
    );

    // Compared by gender: a chart per segment and a table per segment, each equal to the download.
    await page.getByLabel('Compare by').selectOption({ label: 'Gender' });
    await page.waitForURL(/_by=gender/);
    await waitForStreamedContent(page);
    assert.deepEqual(
      await page
        .locator('figure.grid-chart .grid-chart__title')
        .allInnerTexts()
        .then((titles) => titles.map((title) => title.split(' (')[0])),
      ['Female', 'Male'],
    );
    const compared = Papa.parse((await download(page, page.getByRole('link', { name: 'CSV', exact: true }))).bytes.toString('utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    await page.getByLabel('Table for').selectOption({ label: 'Female' });
    await page.locator('table.grid-table caption', { hasText: ', Female' }).waitFor();
    report('grids: Star Wars q6 by gender, Female cells checked', checkTableAgainstCsv(await readGridTable(page), compared, 'Female'));
    await takeScreenshot(page, 'grid-03-compared');

    // Dark mode and a phone: the grid reads, and the page never scrolls sideways.
    await page.goto(`${base}${GRID}`);
    await page.emulateMedia({ colorScheme: 'dark' });
    await takeScreenshot(page, 'grid-04-page-dark');
    const phone = await page.context().browser().newContext(PHONE);
    try {
      const small = await phone.newPage();
      await small.goto(`${base}${GRID}`);
      await waitForStreamedContent(small);
      const { scrollWidth, innerWidth } = await small.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
      assert.ok(scrollWidth <= innerWidth, `no sideways scrolling on a phone: ${scrollWidth} > ${innerWidth}`);
      const labels = await small
        .locator('figure.chart[data-question="q6"] .recharts-yAxis-tick-labels text')
        .evaluateAll((texts) => texts.map((text) => text.textContent));
      assert.ok(
        labels.some((label) => label.includes('Princess Leia Organa')),
        `whole row labels above the bars: ${labels.join(' | ')}`,
      );
      await small.screenshot({ path: path.join(screenshots, 'grid-05-page-phone.png'), fullPage: true });
      await small.emulateMedia({ colorScheme: 'dark' });
      await small.goto(`${base}/${STARWARS}`);
      await waitForStreamedContent(small);
      await small.locator('article.grid-card').screenshot({ path: path.join(screenshots, 'grid-06-card-phone-dark.png') });
    } finally {
      await phone.close();
    }
  },
  { shared: true },
);

addJourney(
  'grids: a Net Promoter Score on the card and the page; personal data left out of the responses table with the reason; typed-in answers one link away',
  async (page, base) => {
    // Learning R 2018 (Google Forms TSV): “How likely are you to recommend R…” on 1–10.
    await page.goto(`${base}/rcommunity2018_gforms_tsv/questions/q25`);
    await waitForStreamedContent(page);
    const nps = page.locator('.stat--headline');
    assert.equal(await nps.locator('dt').innerText(), 'Net Promoter Score');
    const value = await nps.locator('dd').evaluate((dd) => dd.firstChild.textContent);
    const file = await download(page, page.getByRole('link', { name: 'CSV', exact: true }));
    const row = Papa.parse(file.bytes.toString('utf8'), { header: true, skipEmptyLines: true }).data.find((r) => r.measure === 'nps');
    const signed = Math.round(Number(row.value));
    assert.equal(value, `${signed > 0 ? '+' : signed < 0 ? '−' : ''}${Math.abs(signed)}`, 'the page’s NPS is the download’s, signed');
    assert.match(await nps.locator('.stat__detail').innerText(), new RegExp(`95% interval .+ to .+ · n = ${Number(row.count).toLocaleString('en-US')}`));

    // Jupyter in education 2016: the instructors' names are personal data.
    await page.goto(`${base}/jupyter2016edu_gforms/responses`);
    await waitForStreamedContent(page);
    await page.getByText(/Left out of this table, its search and its downloads: “What are the names of the course instructors\?” \(personal data: /).waitFor();
    const all = await download(page, page.getByRole('link', { name: 'CSV, all columns' }));
    const header = Papa.parse(all.bytes.toString('utf8'), { skipEmptyLines: true }).data[0];
    assert.ok(!header.includes('q6'), `the download of every column leaves the names out: ${header.join(', ')}`);
    await page.goto(`${base}/jupyter2016edu_gforms/questions/q6`);
    await page.getByText('Personal data: not shown').waitFor();

    // Dask 2019: the resources question has typed-in answers, read in the responses table.
    await page.goto(`${base}/dask2019_gforms/questions/q6`);
    await waitForStreamedContent(page);
    const link = page.getByRole('link', { name: /^Read the \d+ typed-in answers? →$/ });
    const typed = Number((await link.innerText()).match(/\d+/)[0]);
    await link.click();
    await page.waitForURL(/\/dask2019_gforms\/responses\?/);
    await waitForStreamedContent(page);
    await page.getByText(new RegExp(`^${typed} matching respondents`)).waitFor();
    assert.ok((await page.locator('thead').innerText()).includes('q6_written_in'), 'the typed answers are a column of the table');
    await takeScreenshot(page, 'grid-07-written-in');
  },
  { shared: true },
);
