/**
 * Filtering and comparing as a reader does it: ticking options in the facet sidebar, clicking a
 * bar, removing one part of the filter sentence, Back, comparing by a segment, and opening a
 * copied link elsewhere. Expected counts are counted here from the CSV with papaparse.
 */
import assert from 'node:assert/strict';
import {
  addJourney,
  answered,
  barCentre,
  formatCount,
  openFacet,
  readSample2022,
  takeScreenshot,
  waitForSentence,
  waitForStreamedContent,
} from './support.mjs';

const count = (records, predicate) => records.filter(predicate).length;

async function sentenceText(page) {
  return (await page.locator('.filter-sentence__text').innerText()).replace(/\s*×/g, '').replace(/\s+/g, ' ').trim();
}

/** Count printed beside an option in a facet. */
async function facetCount(facet, label) {
  const text = await facet
    .locator('label.facet-option', { has: facet.page().getByText(label, { exact: true }) })
    .locator('.facet-option__count')
    .innerText();
  return Number(text.replace(/,/g, ''));
}

/** A table row's cells by its option label (the first column is the row header). */
async function tableRow(page, label) {
  return page
    .locator('.data-table tbody tr', { has: page.getByRole('rowheader', { name: label, exact: true }) })
    .locator('td')
    .allInnerTexts();
}

/** Points at the bar (its tooltip appears), then clicks; or, as a tap does, clicks at once. */
async function clickBar(page, questionId, label, { hover = true } = {}) {
  const { x, y } = await barCentre(page, questionId, label);
  if (hover) {
    await page.mouse.move(x, y);
    await page.locator(`figure.chart[data-question="${questionId}"] .chart-tooltip__label`, { hasText: label }).waitFor();
  }
  await page.mouse.click(x, y);
}

addJourney('filter from the sidebar: live counts, a sentence with remove buttons, Back restores', async (page, base) => {
  const records = readSample2022();
  const europe = records.filter((r) => r.region === 'Europe');
  await page.goto(`${base}/state-of-engineers/questions/role`);
  await waitForStreamedContent(page);
  assert.match(await sentenceText(page), /6,400 of 6,400 respondents \(no filters\)/);
  const region = await openFacet(page, 'region');
  // Region's own counts are not narrowed by a filter on region (datasette's convention).
  assert.equal(
    await facetCount(region, 'Asia'),
    count(records, (r) => r.region === 'Asia'),
  );
  await region.getByLabel(/^Europe/).click();
  await page.waitForURL(/\?region=Europe$/);
  await waitForStreamedContent(page);
  assert.equal(await sentenceText(page), `${formatCount(europe.length)} of 6,400 respondents where Region is “Europe”`);
  // The table's count is the respondents in Europe with that role, counted from the file.
  const backend = await tableRow(page, 'Backend Engineer');
  assert.equal(backend[0], formatCount(count(europe, (r) => r.role === 'Backend Engineer')));
  // Other facets count under the region filter; region still counts everyone.
  const size = await openFacet(page, 'company_size');
  assert.equal(
    await facetCount(size, '1-10'),
    count(europe, (r) => r.company_size === '1-10'),
  );
  assert.equal(
    await facetCount(await openFacet(page, 'region'), 'Asia'),
    count(records, (r) => r.region === 'Asia'),
  );
  await size.getByLabel(/^5,001\+/).click();
  await page.waitForURL(/region=Europe&company_size=5%2C001%2B$/);
  await waitForStreamedContent(page);
  const both = count(europe, (r) => r.company_size === '5,001+');
  assert.match(
    await sentenceText(page),
    new RegExp(`^${formatCount(both)} of 6,400 respondents where Region is “Europe” and Company size \\(employees\\) is “5,001\\+”`),
  );
  await takeScreenshot(page, '11-filter-sidebar');
  // Remove one part of the sentence: the other stays.
  await page.getByRole('link', { name: 'Remove filter: Region is “Europe”' }).click();
  await page.waitForURL(/\?company_size=5%2C001%2B$/);
  await waitForStreamedContent(page);
  assert.match(
    await sentenceText(page),
    new RegExp(`^${formatCount(count(records, (r) => r.company_size === '5,001+'))} of 6,400 respondents where Company size`),
  );
  // Back brings the removed filter back, and the figures with it.
  await page.goBack();
  await page.waitForURL(/region=Europe&company_size=5%2C001%2B$/);
  await waitForSentence(page, new RegExp(`^${formatCount(both)} of 6,400`));
  await page.goBack();
  await page.waitForURL(/\?region=Europe$/);
  await waitForSentence(page, new RegExp(`^${formatCount(europe.length)} of 6,400 respondents where Region is “Europe”$`));
});

addJourney('click a bar to filter, click it again to remove; keyboard users filter from the table', async (page, base) => {
  const records = readSample2022();
  await page.goto(`${base}/state-of-engineers`);
  await waitForStreamedContent(page);
  await clickBar(page, 'region', 'Europe', { hover: false });
  await page.waitForURL(/\/state-of-engineers\?region=Europe$/);
  await waitForStreamedContent(page);
  assert.match(
    await sentenceText(page),
    new RegExp(`^${formatCount(count(records, (r) => r.region === 'Europe'))} of 6,400 respondents where Region is “Europe”`),
  );
  // The question links keep the filter.
  assert.match(await page.getByRole('link', { name: 'Primary role', exact: true }).getAttribute('href'), /\/questions\/role\?region=Europe$/);
  await takeScreenshot(page, '12-overview-bar-clicked');
  // Asia's bar is now 0% wide: its band still takes the click, and adds Asia (“is Europe or Asia”).
  await clickBar(page, 'region', 'Asia');
  await page.waitForURL(/\?region=Europe&region=Asia$/);
  await waitForSentence(page, /where Region is “Europe” or “Asia”$/);
  await clickBar(page, 'region', 'Europe');
  await page.waitForURL(/\?region=Asia$/);
  await waitForSentence(page, new RegExp(`^${formatCount(count(records, (r) => r.region === 'Asia'))} of 6,400 respondents where Region is “Asia”$`));
  // Keyboard: the table row's filter link, reached with Tab and followed with Enter.
  await page.goto(`${base}/state-of-engineers/questions/work_arrangement`);
  await waitForStreamedContent(page);
  const link = page.getByRole('link', { name: 'Filter to Hybrid' });
  await link.focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/work_arrangement=Hybrid$/);
  await waitForStreamedContent(page);
  await page.getByRole('link', { name: 'Remove the filter on Hybrid' }).waitFor();
});

addJourney('compare by a segment: grouped bars, legend with bases, small segments hidden or greyed', async (page, base) => {
  const records = readSample2022();
  await page.goto(`${base}/state-of-engineers/questions/job_satisfaction`);
  await waitForStreamedContent(page);
  await page.getByLabel('Compare by').selectOption('region');
  await page.waitForURL(/_by=region$/);
  await waitForStreamedContent(page);
  const legend = await page.locator('.chart-legend__series li').allInnerTexts();
  assert.equal(legend.length, 6, 'one legend entry per region');
  const europeAnswered = count(records, (r) => r.region === 'Europe' && answered(r.job_satisfaction));
  assert.ok(
    legend.some((text) => text.startsWith('Europe') && text.includes(`n = ${formatCount(europeAnswered)}`)),
    `legend names Europe's base ${europeAnswered}: ${legend}`,
  );
  await page.getByText('▲ / ▼: significantly higher / lower than the rest of the selection').waitFor();
  assert.match(await sentenceText(page), /compared by Region/);
  await takeScreenshot(page, '13-compare-by-region');
  // A small selection: segments under 10 respondents are not drawn and are named; under 30 greyed.
  await page.goto(`${base}/state-of-engineers/questions/job_satisfaction?role=Security+Engineer&_by=region`);
  await waitForStreamedContent(page);
  const security = records.filter((r) => r.role === 'Security Engineer' && answered(r.job_satisfaction));
  const perRegion = {};
  for (const r of security) (perRegion[r.region] ??= []).push(r);
  const hidden = Object.entries(perRegion)
    .filter(([, group]) => group.length < 10)
    .map(([name]) => name);
  const greyed = Object.entries(perRegion)
    .filter(([, group]) => group.length >= 10 && group.length < 30)
    .map(([name]) => name);
  assert.ok(
    hidden.length > 0 && greyed.length > 0,
    `the sample has small and very small segments here: ${JSON.stringify(Object.fromEntries(Object.entries(perRegion).map(([k, v]) => [k, v.length])))}`,
  );
  const note = await page.locator('.chart-legend').innerText();
  for (const name of hidden) assert.match(note, new RegExp(`Not shown .*${name}`));
  const items = await page.locator('.chart-legend__item--unreliable').allInnerTexts();
  assert.deepEqual(items.map((text) => text.split(/\s*\(/)[0]).sort(), greyed.sort());
  await takeScreenshot(page, '13b-compare-small-segments');
});

addJourney('a copied link opens the same view in a fresh browser', async (page, base, { context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  await page.goto(`${base}/state-of-engineers/questions/languages?region=Asia&years_experience__gte=5&_by=work_arrangement`);
  await waitForStreamedContent(page);
  await page.getByRole('button', { name: 'Copy link to this view' }).click();
  await page.getByText('Link copied.').waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, page.url());
  const table = await page.locator('.data-table').first().innerText();
  const sentence = await sentenceText(page);
  const other = await page.context().browser().newContext();
  try {
    const fresh = await other.newPage();
    await fresh.goto(copied);
    await waitForStreamedContent(fresh);
    assert.equal(await sentenceText(fresh), sentence);
    assert.equal(await fresh.locator('.data-table').first().innerText(), table);
  } finally {
    await other.close();
  }
});

addJourney('an unknown option is left out with a “did you mean”, and case is forgiven', async (page, base) => {
  await page.goto(`${base}/state-of-engineers/questions/role?region=europe&company_size=1-100`);
  await waitForStreamedContent(page);
  await page.getByText('“Company size (employees)” has no option “1-100”; did you mean “1-10”? That value was not applied.').waitFor();
  // `europe` is Europe: applied, and written back as the option is spelt.
  assert.match(await sentenceText(page), /where Region is “Europe”$/);
  assert.match(await page.getByRole('link', { name: '2021', exact: true }).getAttribute('href'), /\/questions\/role\?region=Europe&_wave=2021$/);
  await takeScreenshot(page, '14-unknown-option');
});

/** Median of a list of numbers. */
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

addJourney(
  'Stack Overflow 2019: filter and compare on 88,883 respondents; click-to-chart time measured',
  async (page, base, { report }) => {
    await page.goto(`${base}/stackoverflow-2019/questions/LanguageWorkedWith`, { timeout: 120_000 });
    await waitForStreamedContent(page);
    const facet = await openFacet(page, 'OpenSourcer');
    const options = ['Never', 'Less than once per year', 'Less than once a month but more than once per year', 'Once a month or more often'];
    const timings = [];
    for (let i = 0; i < 20; i++) {
      const label = options[Math.floor(i / 2) % options.length];
      const before = await page.locator('figure.chart .chart__canvas').getAttribute('aria-label');
      // Click → new chart drawn, timed in the page with performance marks.
      await page.evaluate(() => performance.mark('e2e:click'));
      await facet.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)).click();
      await page.waitForFunction(
        (previous) => {
          const canvas = document.querySelector('figure.chart .chart__canvas');
          return canvas && canvas.getAttribute('aria-label') !== previous && canvas.querySelector('svg') && !document.querySelector('[aria-busy="true"]');
        },
        before,
        { polling: 'raf', timeout: 30_000 },
      );
      timings.push(await page.evaluate(() => performance.measure('e2e:chart', 'e2e:click').duration));
    }
    report('Stack Overflow 2019: click to new chart, ms (20 filter changes)', {
      median: Math.round(median(timings)),
      min: Math.round(Math.min(...timings)),
      max: Math.round(Math.max(...timings)),
    });
    await page.getByLabel('Compare by').selectOption('Gender');
    await page.waitForURL(/_by=Gender/);
    await waitForStreamedContent(page);
    assert.equal(await page.locator('.chart-legend__series li').count(), 3);
    await takeScreenshot(page, '16-so2019-compare-by-gender');
  },
  { shared: true },
);
