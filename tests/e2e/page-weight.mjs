/**
 * A question page's weight (issue 25): at most 50 KB of HTML, the flight payload included,
 * before compression — on the sample and on Stack Overflow 2019 (88,883 respondents, 20 facets,
 * one of 179 countries). The bytes it saves must not cost a behaviour: a collapsed facet opened
 * in Chromium lists its options with the counts of the CSV (counted here with papaparse), a long
 * list sent short shows all on request, and ticking an option filters.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { addJourney, findShared, formatCount, parseCsv, waitForStreamedContent } from './support.mjs';

/** The budget: bytes of HTML as served, before compression. */
const BUDGET = 50_000;
const THRESHOLD = 10;

async function weigh(base, url, report) {
  const response = await fetch(base + url);
  assert.equal(response.status, 200, `${url} answered ${response.status}`);
  const bytes = Buffer.byteLength(await response.text());
  report(`page weight: ${url}, bytes of HTML`, bytes);
  assert.ok(bytes <= BUDGET, `${url} is ${formatCount(bytes)} bytes of HTML, over the ${formatCount(BUDGET)} of issue 25`);
}

addJourney('page weight: the sample’s question page with a filter is at most 50 KB of HTML, flight included', async (_page, base, { report }) => {
  await weigh(base, '/state-of-engineers/questions/languages?region=Europe', report);
});

/** Respondents of Stack Overflow 2019 as header + trimmed cells ("NA" is no answer), read independently of the app. */
function readSo2019() {
  const file = path.join(findShared('stackoverflow-2019'), 'survey_results_public_2019_subset21cols.csv.gz');
  const [header, ...rows] = parseCsv(gunzipSync(readFileSync(file)).toString('utf8'));
  return { header, rows: rows.map((row) => row.map((cell) => (cell.trim() === 'NA' ? '' : cell.trim()))) };
}

/** Per option of a multi-select column, respondents who chose it among `rows`. */
function countChoices(rows, column) {
  const counts = new Map();
  for (const row of rows)
    for (const part of row[column].split(';')) {
      const option = part.trim();
      if (option !== '') counts.set(option, (counts.get(option) ?? 0) + 1);
    }
  return counts;
}

/** A count as a facet prints it: 1 to 9 are withheld as “<10”. */
const printed = (count) => (count > 0 && count < THRESHOLD ? `<${THRESHOLD}` : formatCount(count));

/** The options a facet lists: label → printed count. */
async function listedOptions(facet) {
  const labels = await facet.locator('.facet-option__label').allInnerTexts();
  const counts = await facet.locator('.facet-option__count').allInnerTexts();
  return new Map(labels.map((label, index) => [label, counts[index]]));
}

addJourney(
  'page weight: Stack Overflow 2019 — a question page with one filter is at most 50 KB; a collapsed facet opened lists the CSV’s counts, all on request; ticking one filters',
  async (page, base, { report }) => {
    const url = '/stackoverflow-2019/questions/LanguageWorkedWith?Country=Germany';
    await weigh(base, url, report);
    const { header, rows } = readSo2019();
    const country = header.indexOf('Country');
    const desired = header.indexOf('LanguageDesireNextYear');
    const germany = rows.filter((row) => row[country] === 'Germany');
    const expected = countChoices(germany, desired);

    await page.goto(base + url, { timeout: 120_000 });
    await waitForStreamedContent(page);
    const facet = page.locator('details[data-facet="LanguageDesireNextYear"]');
    assert.equal(await facet.getAttribute('open'), null, 'the facet starts collapsed (20 facets, one filtered)');
    assert.equal(await facet.locator('.facet-option').count(), 0, 'a collapsed facet’s options are not in the page');
    await facet.locator('summary').click();
    await facet.locator('.facet-option').first().waitFor();
    await waitForStreamedContent(page);
    // By count, the ten largest first; the other 18 behind “Show all”.
    const largest = [...expected].sort((a, b) => b[1] - a[1]).slice(0, 10);
    assert.deepEqual(
      [...(await listedOptions(facet))],
      largest.map(([option, count]) => [option, printed(count)]),
    );
    await facet.getByRole('button', { name: `Show all ${expected.size} options` }).click();
    assert.deepEqual(
      new Map(await listedOptions(facet)),
      new Map([...expected].map(([option, count]) => [option, printed(count)])),
      'every option with its count among respondents in Germany',
    );

    // The filtered facet's long list came short (10 of 179 countries): all of it, counted over everyone, on request.
    const countries = page.locator('details[data-facet="Country"]');
    const everyCountry = new Map();
    for (const row of rows) if (row[country] !== '') everyCountry.set(row[country], (everyCountry.get(row[country]) ?? 0) + 1);
    assert.equal(await countries.locator('.facet-option').count(), 10);
    await countries.getByRole('button', { name: `Show all ${everyCountry.size} options` }).click();
    await page.waitForFunction((size) => document.querySelectorAll('details[data-facet="Country"] .facet-option').length === size, everyCountry.size);
    const listed = await listedOptions(countries);
    for (const name of ['Germany', 'Austria', 'Switzerland', 'Liechtenstein']) assert.equal(listed.get(name), printed(everyCountry.get(name)), name);

    // Ticking an option of the opened facet filters: the sentence counts Germany ∩ Rust from the file.
    await facet.getByLabel(/^Rust/).check();
    await page.waitForURL(/Country=Germany&LanguageDesireNextYear=Rust$/);
    await waitForStreamedContent(page);
    const sentence = (await page.locator('.filter-sentence__text').innerText()).replace(/\s+/g, ' ');
    assert.match(sentence, new RegExp(`^${formatCount(expected.get('Rust'))} of 88,883 respondents where`));
  },
  { shared: true },
);
