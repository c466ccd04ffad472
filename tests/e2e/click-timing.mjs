/**
 * Click → updated figures, timed in Chromium: what scripts/bench/overview-click.mjs measures and
 * the browser journeys record. "Updated" is judged against the page itself, not the app's word:
 * each view is first opened on its own and every chart's drawing is read (text, bar and line
 * geometry); after a click the view is updated at the first frame where the filter sentence is
 * the new view's, nothing is streaming (no aria-busy), and every chart box in the window shows
 * the same drawing as the fresh load. The clock starts at the click event (its timeStamp), not
 * when Playwright is asked to click.
 */
import { barCentre, drawEveryChart, openFacet } from './support.mjs';

/** The median of a list of numbers (the upper one of an even list, as the journeys have it). */
export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Median, min and max, rounded to ms. */
export const summarise = (values) => ({ median: Math.round(median(values)), min: Math.round(Math.min(...values)), max: Math.round(Math.max(...values)) });

/**
 * In the page: every chart box's drawing, keyed by its figure (class, question, segment, and
 * how many such came before), or only the boxes in the window. A box not drawn reads null.
 * Passed to the page as source, so it carries everything it uses.
 */
function readDrawingsInPage(onlyInWindow) {
  const round = (text) => text.replace(/-?\d+\.\d+/g, (number) => String(Math.round(Number(number) * 2) / 2));
  const GEOMETRY = ['d', 'x', 'y', 'width', 'height', 'cx', 'cy', 'x1', 'x2', 'y1', 'y2', 'fill', 'stroke'];
  const drawingOf = (canvas) => {
    const svg = canvas.querySelector('svg.recharts-surface');
    if (!svg) return null;
    const parts = [];
    // Hover marks (the tooltip's cursor, an active dot) come and go with the pointer: not the figures.
    for (const element of svg.querySelectorAll('text, path, rect, line, circle')) {
      if (element.closest('defs, clipPath, .recharts-tooltip-cursor, .recharts-active-dot')) continue;
      const geometry = GEOMETRY.map((name) => element.getAttribute(name) ?? '').join(',');
      parts.push(`${element.tagName}:${round(geometry)}${element.tagName === 'text' ? `:${element.textContent}` : ''}`);
    }
    // Sorted: recharts keeps a series' layers in the order they were first drawn, so after a
    // client update the same marks can come in another order (a new line's whiskers last).
    return parts.sort().join('|');
  };
  const seen = new Map();
  const drawings = {};
  for (const canvas of document.querySelectorAll('.chart__canvas')) {
    const figure = canvas.closest('figure');
    const name = `${figure?.className ?? ''}|${figure?.dataset.question ?? ''}|${figure?.dataset.segment ?? ''}`;
    const n = seen.get(name) ?? 0;
    seen.set(name, n + 1);
    const box = canvas.getBoundingClientRect();
    if (onlyInWindow && (box.bottom <= 0 || box.top >= window.innerHeight)) continue;
    drawings[`${name}|${n}`] = drawingOf(canvas);
  }
  return drawings;
}

const sentenceInPage = () => document.querySelector('.filter-sentence__text')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** A view opened on its own, every chart drawn: its sentence and its charts' drawings, what a click must arrive at. */
export async function readView(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, { timeout: 120_000 });
  await drawEveryChart(page);
  return { sentence: await page.evaluate(sentenceInPage), drawings: await page.evaluate(readDrawingsInPage, false) };
}

/**
 * Watches the page from a click to the view it leads to: `updated` is the first frame with the
 * expected sentence, nothing busy and every chart in the window drawn as expected; `settled` the
 * last change to the page before it stayed still for `quietMs` (charts out of the window
 * redrawing, say). Both in ms from the click event. Runs in the page; resolves after the quiet.
 */
function watchClickInPage({ expected, quietMs, timeoutMs }, readDrawings, readSentence) {
  return new Promise((resolve, reject) => {
    let clickAt;
    let updatedAt;
    let lastChange = 0;
    const mismatch = { sentence: false, busy: false, charts: [] };
    document.addEventListener('click', (event) => (clickAt ??= event.timeStamp), { capture: true, once: true });
    const observer = new MutationObserver(() => (lastChange = performance.now()));
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    const started = performance.now();
    const frame = (now) => {
      if (clickAt !== undefined && updatedAt === undefined) {
        mismatch.sentence = readSentence() !== expected.sentence;
        mismatch.busy = document.querySelector('[aria-busy="true"]') !== null;
        const drawn = mismatch.sentence || mismatch.busy ? {} : readDrawings(true);
        mismatch.charts = Object.entries(drawn).flatMap(([key, drawing]) => {
          if (drawing === expected.drawings[key]) return [];
          // Where the drawing parts from the expected one: enough to tell a stale figure from a hover mark.
          const parts = (drawing ?? '').split('|');
          const wanted = (expected.drawings[key] ?? '').split('|');
          const at = parts.findIndex((part, index) => part !== wanted[index]);
          return [{ key, drawn: drawing === null ? null : parts[at], expected: wanted[at] }];
        });
        if (!mismatch.sentence && !mismatch.busy && mismatch.charts.length === 0) updatedAt = now;
      }
      if (updatedAt !== undefined && now - Math.max(updatedAt, lastChange) >= quietMs) {
        observer.disconnect();
        // The view's server answer (Next's RSC request, the first after the click: prefetches of
        // links that came into view follow it): first byte and end, to tell server time from drawing time.
        const answer = performance.getEntriesByType('resource').find((entry) => entry.name.includes('_rsc=') && entry.startTime >= clickAt);
        return resolve({
          updated: updatedAt - clickAt,
          settled: Math.max(updatedAt, lastChange) - clickAt,
          firstByte: answer ? answer.responseStart - clickAt : NaN,
          answered: answer ? answer.responseEnd - clickAt : NaN,
        });
      }
      if (now - started > timeoutMs) {
        observer.disconnect();
        return reject(new Error(`no update within ${timeoutMs} ms (clicked: ${clickAt !== undefined}; still differing: ${JSON.stringify(mismatch)})`));
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

/**
 * Clicks with `click()` (which must cause one trusted click event) and times the page's way to
 * `expected` (from readView). Returns { updated, settled } in ms.
 */
export async function timeClick(page, click, expected, { quietMs = 600, timeoutMs = 30_000 } = {}) {
  // One expression with its helpers as source (evaluated through DevTools, so the page's CSP does not apply).
  const options = JSON.stringify({ expected, quietMs, timeoutMs });
  const watching = page.evaluate(`(${watchClickInPage})(${options}, ${readDrawingsInPage}, ${sentenceInPage})`);
  // The watcher is listening before the click: evaluate's first frame has run once this resolves.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));
  await click();
  return watching;
}

const REGIONS = ['Europe', 'Asia', 'North America', 'Latin America'];
const OPEN_SOURCER = ['Never', 'Less than once per year', 'Less than once a month but more than once per year', 'Once a month or more often'];
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The clicks timed: where they start, the filter they toggle, and how one click is made. */
export const CLICK_SCENARIOS = [
  {
    name: 'overview, top',
    path: '/state-of-engineers',
    key: 'region',
    options: REGIONS,
    prepare: (page) => openFacet(page, 'region').then(() => page.evaluate(() => window.scrollTo(0, 0))),
    click: (page, label) =>
      page
        .locator('details[data-facet="region"]')
        .getByLabel(new RegExp(`^${escape(label)}`))
        .click(),
  },
  {
    name: 'overview, cards',
    path: '/state-of-engineers',
    key: 'region',
    options: REGIONS,
    prepare: (page) => page.evaluate(() => document.querySelector('figure.chart[data-question="region"]').scrollIntoView({ block: 'center' })),
    click: async (page, label) => {
      const { x, y } = await barCentre(page, 'region', label);
      await page.mouse.click(x, y);
      // Away from the chart, so its tooltip does not follow the pointer into the next view.
      await page.mouse.move(2, 450);
    },
  },
  {
    name: 'SO 2019 question',
    path: '/stackoverflow-2019/questions/LanguageWorkedWith',
    key: 'OpenSourcer',
    options: OPEN_SOURCER,
    shared: true,
    prepare: (page) => openFacet(page, 'OpenSourcer'),
    click: (page, label) =>
      page
        .locator('details[data-facet="OpenSourcer"]')
        .getByLabel(new RegExp(`^${escape(label)}`))
        .click(),
  },
];

/** Click i ticks option ⌊i/2⌋ (in turn) or unticks it again: every click leads to another view than the one before. */
const optionOf = (scenario, i) => scenario.options[Math.floor(i / 2) % scenario.options.length];
const urlAfter = (base, scenario, i) => `${base}${scenario.path}${i % 2 === 0 ? `?${new URLSearchParams({ [scenario.key]: optionOf(scenario, i) })}` : ''}`;

/**
 * Times `clicks` clicks of a scenario in `page` (a fresh context's): each view is read on its own
 * first (readView), then the page opens at the scenario's start and clicks. `around(i, click)`
 * may wrap a click (a trace of one); it must return what `click()` returns. Returns the timings.
 */
export async function timeScenario(page, base, scenario, { clicks = 20, around = (_i, click) => click() } = {}) {
  const expected = new Map();
  for (let i = 0; i < Math.min(clicks, 2 * scenario.options.length); i++) {
    const url = urlAfter(base, scenario, i);
    if (!expected.has(url)) expected.set(url, await readView(page, url));
  }
  await page.goto(`${base}${scenario.path}`);
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
  await scenario.prepare(page);
  // Idle before the first click: charts near the window draw when the page is idle.
  await page.waitForTimeout(1000);
  const timings = [];
  for (let i = 0; i < clicks; i++) {
    const target = urlAfter(base, scenario, i);
    try {
      timings.push(await around(i, () => timeClick(page, () => scenario.click(page, optionOf(scenario, i)), expected.get(target))));
    } catch (error) {
      throw new Error(`${scenario.name}, click ${i + 1} (${optionOf(scenario, i)}, to ${target}): ${error.message}`, { cause: error });
    }
  }
  return timings;
}
