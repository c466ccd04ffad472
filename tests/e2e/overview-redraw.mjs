/**
 * The overview after a filter click, as a reader scrolled down to the cards sees it: the charts in
 * the window show the new figures without scrolling, a chart further down shows them once it is
 * scrolled to, no box is left empty in the window and none moves when it draws — in light and
 * dark. Expected shares are counted here from the CSV with papaparse. Then the click-to-figures
 * time is measured as scripts/bench/overview-click.mjs measures it, and recorded, not judged.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { CLICK_SCENARIOS, summarise, timeScenario } from './click-timing.mjs';
import { addJourney, answered, barCentre, formatCount, readSample2022, screenshots, waitForSentence, waitForStreamedContent } from './support.mjs';

/** The questions charted on the sample's overview whose bars are shares of one answer each (single choice, Likert). */
const SINGLE_CHOICE = ['role', 'region', 'company_size', 'work_arrangement', 'job_satisfaction'];

/** Question ids of the charts whose box is (partly) in the window. */
const chartsInWindow = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.question-card figure.chart')]
      .filter((figure) => {
        const box = figure.querySelector('.chart__canvas').getBoundingClientRect();
        return box.bottom > 0 && box.top < window.innerHeight;
      })
      .map((figure) => figure.dataset.question),
  );

/** Every chart box in the window has drawn its current figures (checked at once, not waited for). */
const windowDrawn = () =>
  [...document.querySelectorAll('.chart__canvas')]
    .filter((box) => box.getBoundingClientRect().bottom > 0 && box.getBoundingClientRect().top < window.innerHeight)
    .every((box) => box.dataset.drawn === 'drawn' && box.querySelector('svg.recharts-surface'));

/** A card's bars as drawn: each category label (its full text) with the printed percentage. */
async function drawnBars(page, questionId) {
  const figure = `.question-card figure.chart[data-question="${questionId}"]`;
  await page.locator(`${figure} .chart__canvas[data-drawn="drawn"] svg.recharts-surface`).waitFor();
  return page.evaluate((selector) => {
    const svg = document.querySelector(`${selector} svg.recharts-surface`);
    const middle = (element) => element.getBoundingClientRect().top + element.getBoundingClientRect().height / 2;
    const values = [...svg.querySelectorAll('.recharts-label-list text')];
    // A bar's printed value is the one on its label's line.
    return [...svg.querySelectorAll('.recharts-yAxis-tick-labels text')].map((text) => ({
      label: text.querySelector('title')?.textContent ?? text.textContent,
      // recharts prints nothing beside a bar of no length.
      value: values.find((value) => Math.abs(middle(value) - middle(text)) < 6)?.textContent ?? '0%',
    }));
  }, figure);
}

const weightOf = (records) => records.reduce((sum, record) => sum + Number(record.weight), 0);

/**
 * The card's bars are the shares of `records` (the respondents selected) who answered the
 * question, weighted by the codebook's weight column as the page says it is: within 0.1 (the one rounding).
 */
async function assertBarsShow(page, questionId, records) {
  const answering = records.filter((record) => answered(record[questionId]));
  const bars = await drawnBars(page, questionId);
  assert.ok(bars.length >= 2, `${questionId}: bars drawn`);
  for (const { label, value } of bars) {
    const share = (100 * weightOf(answering.filter((record) => record[questionId] === label))) / weightOf(answering);
    assert.ok(Math.abs(Number.parseFloat(value) - share) <= 0.1, `${questionId}: “${label}” drawn as ${value}, counted ${share.toFixed(2)}%`);
  }
}

/** Each chart box's place on the page and height. */
const boxPlaces = (page) =>
  page.evaluate(() => [...document.querySelectorAll('.chart__canvas')].map((box) => `${box.getBoundingClientRect().top + window.scrollY}+${box.offsetHeight}`));

const shot = (page, name) => page.screenshot({ path: path.join(screenshots, `${name}.png`) });

addJourney(
  'overview: a filter click redraws the charts in the window at once, and one scrolled to later; light and dark; click-to-figures time measured',
  async (page, base, { report }) => {
    const records = readSample2022();
    const europe = records.filter((record) => record.region === 'Europe');
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`${base}/state-of-engineers`);
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
      // Boxes out of the window are not drawn yet, but hold their place: drawing moves nothing.
      const before = await boxPlaces(page);
      assert.ok(
        await page.evaluate(() => [...document.querySelectorAll('.chart__canvas')].some((box) => box.dataset.drawn === 'waiting')),
        'charts far below the window wait',
      );
      await page.waitForFunction(windowDrawn);
      await shot(page, `overview-redraw-01-top-${scheme}`);
      await waitForStreamedContent(page);
      assert.deepEqual(await boxPlaces(page), before, 'no chart box moved or changed height when it drew');
      await assertBarsShow(page, 'region', records);

      // A reader down among the cards clicks Europe's bar on the Region card.
      const { x, y } = await barCentre(page, 'region', 'Europe');
      await page.waitForFunction(windowDrawn);
      await shot(page, `overview-redraw-02-cards-${scheme}`);
      await page.mouse.click(x, y);
      await page.waitForURL(/\/state-of-engineers\?region=Europe$/);
      await waitForSentence(page, new RegExp(`^${formatCount(europe.length)} of 6,400 respondents where Region is “Europe”$`));
      await page.mouse.move(2, 450);
      // Without scrolling, the charts in the window show Europe's figures.
      const inWindow = await chartsInWindow(page);
      assert.ok(inWindow.includes('region') && inWindow.includes('company_size'), `the Region card's row is in the window: ${inWindow}`);
      for (const id of inWindow.filter((id) => SINGLE_CHOICE.includes(id))) await assertBarsShow(page, id, europe);
      await page.waitForFunction(windowDrawn);
      await shot(page, `overview-redraw-03-cards-clicked-${scheme}`);
      // A card further down shows Europe's figures once scrolled to.
      assert.ok(!inWindow.includes('job_satisfaction'), 'job satisfaction is below the window');
      await page.locator('.question-card figure.chart[data-question="job_satisfaction"]').scrollIntoViewIfNeeded();
      await assertBarsShow(page, 'job_satisfaction', europe);
      await page.waitForFunction(windowDrawn);
      await shot(page, `overview-redraw-04-scrolled-down-${scheme}`);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForFunction(windowDrawn);
      await shot(page, `overview-redraw-05-top-clicked-${scheme}`);
    }

    // The time from a click to the figures, both ways the bench clicks the sample's overview.
    await page.emulateMedia({ colorScheme: 'light' });
    for (const scenario of CLICK_SCENARIOS.filter((candidate) => candidate.path === '/state-of-engineers')) {
      const timings = await timeScenario(page, base, scenario, { clicks: 20 });
      report(`Sample overview (${scenario.name}): click to updated figures, ms (20 filter changes)`, summarise(timings.map((timing) => timing.updated)));
    }
  },
);
