/**
 * Downloads equal the screen: for several views the CSV the page offers is byte for byte what
 * `survey-lens aggregate --view` prints, every figure in the table is in that file, and the chart
 * comes as PNG and SVG with its title, filters and base drawn in.
 */
import assert from 'node:assert/strict';
import Papa from 'papaparse';
import { addJourney, download, runCli, takeScreenshot, waitForStreamedContent } from './support.mjs';

const VIEWS = [
  {
    name: 'filters',
    question: 'role',
    query: 'region=Europe&company_size=1-10&company_size=11-50',
    file: 'state-of-engineers_2022_role_region-Europe_company_size-1-10+11-50.csv',
  },
  {
    name: 'segment',
    question: 'job_satisfaction',
    query: 'region=Asia&_by=work_arrangement',
    file: 'state-of-engineers_2022_job_satisfaction_region-Asia_by-work_arrangement.csv',
  },
  { name: 'trend', question: 'hot_trends', query: '_wave=all', file: 'state-of-engineers_2020-2022_hot_trends.csv' },
  {
    name: 'unweighted',
    question: 'languages',
    query: 'years_experience__gte=10&_weight=0',
    file: 'state-of-engineers_2022_languages_years_experience-gte-10.csv',
  },
  { name: 'weighted numeric', question: 'salary_usd', query: 'role=Data+Scientist', file: 'state-of-engineers_2022_salary_usd_role-Data-Scientist.csv' },
  // A confidence level of 99%: the page's intervals, its CSV and `survey-lens aggregate --level 99` agree.
  { name: 'level 99', question: 'role', query: 'region=Europe&_level=99', file: 'state-of-engineers_2022_role_region-Europe.csv' },
  // The page leaves out what it cannot use and says so; its download leaves out the same.
  {
    name: 'invalid filter',
    question: 'role',
    query: 'region=Nowhere&work_arrangement=hybrid',
    file: 'state-of-engineers_2022_role_work_arrangement-Hybrid.csv',
  },
];

const MAIN = new Set(['share', 'ranked_first', 'bin']);

/** Every number the figure table shows, checked against the file's rows: counts exactly, shares to the displayed decimal. */
async function checkTableAgainstFile(page, rows) {
  const table = page.locator('.data-table').first();
  const headers = (await table.locator('thead th').allInnerTexts()).map((text) => text.split('\n')[0].trim());
  const single = headers.includes('Count');
  const latest = rows.at(-1).wave;
  let checked = 0;
  for (const tr of await table.locator('tbody tr').all()) {
    const option = (await tr.locator('th').innerText()).trim();
    const cells = await tr.locator('td').allInnerTexts();
    const matches = (row, segment, wave) => MAIN.has(row.measure) && row.option === option && row.segment === segment && row.wave === wave;
    if (single) {
      const row = rows.find((r) => matches(r, '(all)', latest));
      assert.ok(row, `the file has a row for ${option}`);
      assert.equal(cells[0].replace(/,/g, ''), row.count, `${option}: count`);
      assert.ok(Math.abs(parseFloat(cells[1]) - Number(row.percent)) <= 0.1, `${option}: shown ${cells[1]} vs file ${row.percent}`);
      checked++;
      continue;
    }
    for (let c = 1; c < headers.length && c - 1 < cells.length; c++) {
      const series = headers[c];
      if (!series || series === 'Filter') continue;
      const trend = /^\d{4}$/.test(series);
      const since = /^Since (\d{4})$/.exec(series);
      if (since) {
        // The change since the first wave, as the latest wave's row of the file gives it.
        const row = rows.find((r) => matches(r, '(all)', latest));
        const shown = cells[c - 1].trim();
        assert.ok(row && row.change_since === since[1], `${option}: the file's change is since ${since[1]}`);
        assert.ok(
          Math.abs(parseFloat(shown.replace(/[−–]/, '-')) - Number(row.change_since_points)) <= 0.1,
          `${option} / ${series}: shown ${shown} vs file ${row.change_since_points}`,
        );
        if (/▲/.test(shown)) assert.match(row.flags, /up-since-first/, `${option} / ${series}: ▲`);
        if (/▼/.test(shown)) assert.match(row.flags, /down-since-first/, `${option} / ${series}: ▼`);
        if (!/[▲▼]/.test(shown)) assert.doesNotMatch(row.flags, /-since-first/, `${option} / ${series}: no mark`);
        checked++;
        continue;
      }
      const row = rows.find((r) => matches(r, trend ? '(all)' : series === 'All respondents' ? '(all)' : series, trend ? series : latest));
      const shown = cells[c - 1].trim();
      if (!row || row.percent === '') {
        assert.ok(shown === 'withheld' || shown === '', `${option} / ${series}: shown “${shown}” but withheld in the file`);
        continue;
      }
      assert.ok(Math.abs(parseFloat(shown) - Number(row.percent)) <= 0.1, `${option} / ${series}: shown ${shown} vs file ${row.percent}`);
      // In a trend a wave's ▲ / ▼ is a significant change from the wave before; in segments, higher / lower than the rest.
      if (/▲/.test(shown)) assert.match(row.flags, trend ? /up-from-previous/ : /significantly-higher/, `${option} / ${series}: ▲`);
      if (/▼/.test(shown)) assert.match(row.flags, trend ? /down-from-previous/ : /significantly-lower/, `${option} / ${series}: ▼`);
      checked++;
    }
  }
  assert.ok(checked > 0, 'some figures were checked');
  return checked;
}

addJourney(
  'downloads: the CSV of seven views equals `survey-lens aggregate --view` byte for byte, and holds every figure shown',
  async (page, base, { report }) => {
    const checked = {};
    for (const view of VIEWS) {
      await page.goto(`${base}/state-of-engineers/questions/${view.question}?${view.query}`);
      await waitForStreamedContent(page);
      const file = await download(page, page.getByRole('link', { name: 'CSV', exact: true }));
      assert.equal(file.name, view.file, `${view.name}: file name`);
      const cli = runCli('aggregate', 'state-of-engineers', '--question', view.question, '--view', view.query);
      assert.equal(file.bytes.toString('utf8'), cli.stdout, `${view.name}: the download equals the CLI's output`);
      const rows = Papa.parse(cli.stdout, { header: true, skipEmptyLines: true }).data;
      checked[view.name] = await checkTableAgainstFile(page, rows);
      if (view.name === 'invalid filter') {
        await page.getByText('“Region” has no option “Nowhere”').waitFor();
        assert.ok(
          rows.every((row) => row.filters === 'work_arrangement=Hybrid'),
          'the file names the filter that was applied, and only it',
        );
        assert.match(cli.stderr, /has no option “Nowhere”/, 'the CLI says what it left out');
      }
      if (view.name === 'level 99') {
        assert.ok(await page.locator('.data-table thead th', { hasText: '99% interval' }).count(), 'the table names its 99% intervals');
        assert.ok(
          rows.every((row) => row.ci_method === '' || row.ci_method.endsWith(', 99%')),
          'every interval in the file says it is 99%',
        );
        const flags = runCli('aggregate', 'state-of-engineers', '--question', 'role', '--wave', '2022', '--where', 'region=Europe', '--level', '99');
        assert.equal(flags.stdout, cli.stdout, '--level 99 gives the same file as the page');
        assert.equal(await page.getByLabel('Intervals').inputValue(), '99', 'the picker shows the level');
      }
      if (view.name === 'weighted numeric') {
        const stats = Object.fromEntries(
          await page
            .locator('.stat-list[aria-label="Summary figures"] .stat')
            .evaluateAll((items) => items.map((item) => [item.querySelector('dt').textContent, item.querySelector('dd').firstChild.textContent])),
        );
        const value = (measure) => Number(rows.find((row) => row.measure === measure && row.segment === '(all)').value);
        const whole = (n) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(n);
        assert.equal(stats.Median, whole(value('median')));
        assert.equal(stats.Mean, whole(value('mean')));
        assert.equal(stats['Quartiles (Q1–Q3)'], `${whole(value('q1'))}–${whole(value('q3'))}`);
        assert.match(rows.find((row) => row.measure === 'median').flags, /unweighted/, 'quartiles say they are unweighted in a weighted view');
      }
      const json = await (await page.request.get(new URL(await page.getByRole('link', { name: 'JSON', exact: true }).getAttribute('href'), base).href)).json();
      assert.equal(json.rows.length, rows.length, `${view.name}: JSON has the CSV's rows`);
    }
    report('download views: table cells checked against the file', checked);
  },
);

addJourney('downloads: the chart as PNG and SVG, titled and captioned', async (page, base) => {
  await page.goto(`${base}/state-of-engineers/questions/job_satisfaction?region=Asia&_by=work_arrangement`);
  await waitForStreamedContent(page);
  const png = await download(page, page.getByRole('button', { name: 'PNG', exact: true }));
  assert.equal(png.name, 'state-of-engineers_2022_job_satisfaction_region-Asia_by-work_arrangement.png');
  assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG file');
  assert.ok(png.bytes.length > 10_000, `a real picture (${png.bytes.length} bytes)`);
  const svg = await download(page, page.getByRole('button', { name: 'SVG', exact: true }));
  assert.equal(svg.name, 'state-of-engineers_2022_job_satisfaction_region-Asia_by-work_arrangement.svg');
  const text = svg.bytes.toString('utf8');
  for (const expected of [
    'How satisfied are you with your current job?',
    'Respondents where Region is “Asia”',
    'Base:',
    'State of Software Engineers (synthetic sample), wave 2022',
    'Hybrid',
  ]) {
    assert.ok(text.includes(expected), `the SVG says “${expected}”`);
  }
  assert.ok(!text.includes('var(--'), 'colours are written out, not CSS variables');
  // Look at it: the PNG as the browser drew it.
  const shot = await page.context().newPage();
  await shot.setContent(`<img src="data:image/png;base64,${png.bytes.toString('base64')}">`);
  await shot.locator('img').waitFor();
  await takeScreenshot(shot, '15-chart-png-download');
  await shot.close();
});
