/**
 * Trends as a reader browses them: the dataset's headline trend, a question's trend view with
 * its changes, the same with a filter, and a question whose number means something else in
 * other years. Figures are read from `survey-lens aggregate` (the CLI), never typed in.
 */
import assert from 'node:assert/strict';
import Papa from 'papaparse';
import { addJourney, download, runCli, takeScreenshot, waitForStreamedContent } from './support.mjs';

const MAIN = new Set(['share', 'ranked_first', 'bin']);
const rounded = (percent) => `${(Math.round(Number(percent) * 10) / 10).toFixed(1)}%`;

function cliRows(...args) {
  return Papa.parse(runCli('aggregate', ...args).stdout, { header: true, skipEmptyLines: true }).data;
}

/** Every cell of the trend table against the file: shares to the decimal shown, change marks against the flags. */
async function checkTrendTable(page, rows) {
  const table = page.locator('table.trend-table').first();
  const waves = (await table.locator('thead th').allInnerTexts()).map((text) => text.split('\n')[0].trim()).filter((text) => /^\d{4}$/.test(text));
  let checked = 0;
  for (const tr of await table.locator('tbody tr').all()) {
    const option = (await tr.locator('th').innerText()).trim();
    const cells = await tr.locator('td').allInnerTexts();
    waves.forEach((wave, w) => {
      const row = rows.find((r) => MAIN.has(r.measure) && r.segment === '(all)' && r.wave === wave && r.option === option);
      const shown = cells[w].trim();
      if (!row) return assert.equal(shown, '–', `${option} ${wave}: no row in the file, so no figure on the page`);
      assert.equal(shown.split('\n')[0], rounded(row.percent), `${option} ${wave}`);
      if (shown.includes('▲')) assert.match(row.flags, /up-from-previous/, `${option} ${wave}: ▲ is a significant rise in the file`);
      if (shown.includes('▼')) assert.match(row.flags, /down-from-previous/, `${option} ${wave}: ▼ is a significant fall in the file`);
      if (/up-from-previous|down-from-previous/.test(row.flags)) assert.match(shown, /[▲▼]/, `${option} ${wave}: a flagged change is marked`);
      checked++;
    });
  }
  return checked;
}

addJourney('headline trend: the overview opens with % ranked first per trend, 2020–2022, as the CLI prints it', async (page, base) => {
  const rows = cliRows('state-of-engineers', '--question', 'hot_trends').filter((row) => row.measure === 'ranked_first' && row.segment === '(all)');
  await page.goto(`${base}/state-of-engineers`);
  await waitForStreamedContent(page);
  const headline = page.locator('section.headline-trend');
  await headline.getByRole('heading', { name: 'Rank the three tech trends you think are hottest' }).waitFor();
  const summary = await headline.locator('.chart__canvas').getAttribute('aria-label');
  const legend = await headline.locator('.trend-legend li').allInnerTexts();
  assert.equal(legend.length, 5, 'the five largest trends are drawn');
  for (const entry of legend) {
    const label = entry.replace(/\s+\d+\.\d%$/, '').trim();
    const points = ['2020', '2021', '2022'].map((wave) => rows.find((row) => row.option === label && row.wave === wave));
    assert.ok(points.every(Boolean), `${label}: the CLI has all three waves`);
    // Three points per line, each the CLI's share rounded as the page rounds it.
    assert.ok(
      summary.includes(`${label}: 2020 ${rounded(points[0].percent)}, 2021 ${rounded(points[1].percent)}, 2022 ${rounded(points[2].percent)}`),
      `${label} in the chart's description`,
    );
    assert.ok(entry.endsWith(rounded(points[2].percent)), `${label}: the legend gives the latest value`);
  }
  const leader = rows.filter((row) => row.wave === '2022').sort((a, b) => Number(b.percent) - Number(a.percent))[0];
  assert.equal(leader.option, 'AI, Machine Learning, Big Data');
  await headline
    .locator('.recharts-label-list text', { hasText: rounded(leader.percent) })
    .first()
    .waitFor();
  assert.equal(await headline.locator('.recharts-line-dots').first().locator('circle').count(), 3, 'three points per line');
  for (const wave of ['2020', '2021', '2022'])
    assert.match(
      await headline.innerText(),
      new RegExp(`${wave}: ${Number(rows.find((row) => row.wave === wave).base).toLocaleString('en-US')}`),
      `base of ${wave} stated`,
    );
  await takeScreenshot(page, '20-overview-headline-trend');
  await headline.getByRole('link', { name: 'AI, Machine Learning, Big Data' }).click();
  await page.waitForURL(/\/questions\/hot_trends\?_wave=all$/);
  await waitForStreamedContent(page);
  await page.getByRole('heading', { name: /^Trend, 2020–2022/ }).waitFor();
});

addJourney('question trends: a scale and a multi-select through the waves, changes tested, download equal to the CLI', async (page, base, { report }) => {
  const checked = {};
  for (const [question, query, file] of [
    ['job_satisfaction', '_wave=all', 'state-of-engineers_2020-2022_job_satisfaction.csv'],
    ['languages', '_wave=all', 'state-of-engineers_2020-2022_languages.csv'],
    ['languages', 'region=Asia&_wave=all', 'state-of-engineers_2020-2022_languages_region-Asia.csv'],
  ]) {
    await page.goto(`${base}/state-of-engineers/questions/${question}?${query}`);
    await waitForStreamedContent(page);
    await page.getByRole('heading', { name: 'Trend, 2020–2022' }).waitFor();
    const cli = runCli('aggregate', 'state-of-engineers', '--question', question, '--view', query).stdout;
    const saved = await download(page, page.getByRole('link', { name: 'CSV', exact: true }));
    assert.equal(saved.name, file);
    assert.equal(saved.bytes.toString('utf8'), cli, `${question} ${query}: the download equals the CLI's trend`);
    const rows = Papa.parse(cli, { header: true, skipEmptyLines: true }).data;
    assert.ok(
      rows.some((row) => row.change_from === '2021' && row.change_points !== ''),
      'the file carries changes between waves',
    );
    checked[`${question}?${query}`] = await checkTrendTable(page, rows);
    await page.getByText('▲ / ▼: a significant change at the 5% level').first().waitFor();
    await takeScreenshot(page, `21-trend-${question}${query.includes('region') ? '-asia' : ''}`);
  }
  // The Likert trend also gives top-2 box and mean score per wave, as the file does.
  await page.goto(`${base}/state-of-engineers/questions/job_satisfaction?_wave=all`);
  await waitForStreamedContent(page);
  const rows = cliRows('state-of-engineers', '--question', 'job_satisfaction', '--view', '_wave=all');
  const top2 = await page
    .locator('tr', { has: page.getByRole('rowheader', { name: /^Top 2:/ }) })
    .locator('td')
    .allInnerTexts();
  assert.deepEqual(
    top2,
    ['2020', '2021', '2022'].map((wave) => rounded(rows.find((row) => row.measure === 'top2' && row.wave === wave && row.segment === '(all)').percent)),
  );
  report('trend tables: cells checked against the file', checked);
});

addJourney('a single wave offers its trend; a filtered trend keeps its filter', async (page, base) => {
  await page.goto(`${base}/state-of-engineers/questions/work_arrangement?region=Europe`);
  await waitForStreamedContent(page);
  await page.getByRole('link', { name: 'Trend across 3 waves →' }).click();
  await page.waitForURL(/work_arrangement\?region=Europe&_wave=all$/);
  await waitForStreamedContent(page);
  await page.getByText('where Region is “Europe”').first().waitFor();
  // 2020 called it work_setup: the codebook alias makes it one question, so 2020 is in the trend.
  const headers = await page.locator('table.trend-table thead th').allInnerTexts();
  assert.deepEqual(
    headers.slice(1, 4).map((text) => text.split('\n')[0]),
    ['2020', '2021', '2022'],
  );
  await page.getByLabel('Compare by').selectOption('company_size');
  await page.waitForURL(/_by=company_size$/);
  await waitForStreamedContent(page);
  assert.equal(await page.locator('.small-multiples figure').count(), 6, 'one panel per company size');
  await takeScreenshot(page, '22-trend-small-multiples');
});

addJourney(
  'todo-ospo: q12 is a different question in 2018, 2023 and 2024, so it is not trended',
  async (page, base) => {
    await page.goto(`${base}/todo-ospo/questions/q12?_wave=all`, { timeout: 180_000 });
    await waitForStreamedContent(page);
    await page.getByRole('heading', { name: 'Does your organization have an OSPO or similar open source initiative? (select one)' }).waitFor();
    await page.getByText(/^Asked differently in 2023: “How many workers are part of your open formal/).waitFor();
    await page.getByText(/^Asked differently in 2018: “Where is the open source program or initiative located/).waitFor();
    await page.getByText('This question has figures in 2024 only.').waitFor();
    assert.equal(await page.locator('.trend-chart').count(), 0, 'no trend is drawn');
    await takeScreenshot(page, '23-todo-q12-asked-differently');
    // A question linked across six waves under four different numbers is trended.
    await page.goto(`${base}/todo-ospo/questions/q21?_wave=2023`);
    await waitForStreamedContent(page);
    await page.getByRole('link', { name: 'Trend across 6 waves →' }).click();
    await page.waitForURL(/q21\?_wave=all&_as=2023$/);
    await waitForStreamedContent(page);
    await page.getByRole('heading', { name: 'Trend, 2018–2023' }).waitFor();
    await takeScreenshot(page, '23b-todo-trend-renumbered');
  },
  { shared: true },
);

addJourney(
  'series whose options change: the CNCF maintainers’ projects (31 → 44 → 91) and CodeRefinery’s build tools are trended with their added and dropped options said; a changed scale is refused with the survey.json that joins it',
  async (page, base, { report }) => {
    const maintainers = 'cncf_maintainers_waves_surveymonkey';
    await page.goto(`${base}/${maintainers}/questions/q1?_wave=all`, { timeout: 180_000 });
    await waitForStreamedContent(page);
    await page.getByRole('heading', { level: 1, name: 'Which CNCF project(s) are you maintaining?' }).waitFor();
    await page.getByRole('heading', { name: 'Trend, 2019–2021' }).waitFor();
    const changes = page.locator('.option-changes li');
    assert.match(await changes.nth(0).innerText(), /^2020 \(against 2019\): 14 options added: “Falco”, .*; option dropped: “rkt”\.$/);
    assert.match(await changes.nth(1).innerText(), /^2021 \(against 2020\): 50 options added: .*; 3 options dropped: /);
    const rows = cliRows(maintainers, '--question', 'q1');
    report('series: CNCF projects trend cells checked against the CLI', await checkTrendTable(page, rows));
    await takeScreenshot(page, '24-series-cncf-projects');

    // The current wave pill keeps its light label on hover (it was accent on accent).
    const pill = page.locator('.wave-pill[aria-current="page"]');
    await pill.hover();
    const [color, background] = await pill.evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]);
    assert.notEqual(color, background, `the hovered current pill's label is readable: ${color} on ${background}`);
    assert.equal(await page.getByRole('searchbox', { name: 'Find a question to filter by' }).count(), 1, 'the facet search box has a name');

    // "Do you have a good understanding…": 1–5 in 2019, agreement words in 2020, 1–10 in 2021.
    await page.goto(`${base}/${maintainers}/questions/q4?_wave=all`);
    await waitForStreamedContent(page);
    await page
      .getByText(
        /^Asked differently in 2020: .*the answer options barely overlap \(0 of 5 in common\).* join them in survey\.json: "questions": \{ "q4": \{ "aliases": \["q8"\] \} \}/,
      )
      .waitFor();
    await page.getByText(/^Asked differently in 2019: .*the rating scale changed \(1–10 in one wave, 1–5 in the other\)/).waitFor();

    const coderefinery = 'coderefinery_prews_waves_typeform';
    await page.goto(`${base}/${coderefinery}/questions/q11?_wave=all`);
    await waitForStreamedContent(page);
    await page.getByRole('heading', { name: 'Trend, 2016–2018' }).waitFor();
    assert.equal(
      await page.locator('.option-changes li').innerText(),
      '2017 (against 2016): 2 options added: “None, but I want to learn”, “Not relevant to my project(s)”; option dropped: “None or not applicable to my project(s)”.',
    );
    report('series: CodeRefinery build tools trend cells checked against the CLI', await checkTrendTable(page, cliRows(coderefinery, '--question', 'q11')));
    await takeScreenshot(page, '25-series-coderefinery-build-tools');
  },
  { shared: true },
);
