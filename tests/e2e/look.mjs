/**
 * The finished look: dark mode (the system's, and the top bar's choice kept across reloads, with
 * chart downloads still for white paper), a phone without sideways scrolling and with the
 * filter drawer, a keyboard-only journey where every chart is one tab stop at most, and an
 * axe-core scan of every page type in light and dark.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { addJourney, download, root, screenshots, sharedAvailable, takeScreenshot, waitForStreamedContent } from './support.mjs';

const PAGES = {
  home: '/',
  overview: '/state-of-engineers',
  question: '/state-of-engineers/questions/role?_by=region',
  trend: '/state-of-engineers/questions/hot_trends?_wave=all',
  crosstab: '/state-of-engineers/crosstab?_rows=role&_cols=region',
  findings: '/state-of-engineers/findings?region=Europe',
  responses: '/state-of-engineers/responses',
  // A grid (matrix question) of a real export: diverging stacked bars, the rows × answers table.
  ...(sharedAvailable ? { grid: '/fte_starwars_surveymonkey/questions/q6' } : {}),
};

const PHONE = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true };

/** Relative luminance of a computed `rgb(…)` colour (WCAG's formula). */
function luminance(rgb) {
  const [r, g, b] = rgb
    .match(/[\d.]+/g)
    .slice(0, 3)
    .map((value) => {
      const channel = Number(value) / 255;
      return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

async function readColours(page) {
  return page.evaluate(() => ({
    theme: document.documentElement.dataset.theme,
    background: getComputedStyle(document.body).backgroundColor,
    text: getComputedStyle(document.body).color,
    label: document.querySelector('.recharts-yAxis-tick-labels text')
      ? getComputedStyle(document.querySelector('.recharts-yAxis-tick-labels text')).fill
      : null,
  }));
}

async function assertDark(page, why) {
  const colours = await readColours(page);
  assert.ok(luminance(colours.background) < 0.05, `${why}: dark page background, got ${colours.background}`);
  assert.ok(luminance(colours.text) > 0.6, `${why}: light text, got ${colours.text}`);
  if (colours.label) assert.ok(luminance(colours.label) > 0.3, `${why}: light chart labels, got ${colours.label}`);
}

async function assertLight(page, why) {
  const colours = await readColours(page);
  assert.ok(luminance(colours.background) > 0.85, `${why}: light page background, got ${colours.background}`);
  assert.ok(luminance(colours.text) < 0.05, `${why}: dark text, got ${colours.text}`);
}

async function assertNoSidewaysScroll(page, where) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  assert.ok(scrollWidth <= innerWidth, `${where}: the page is ${scrollWidth}px wide in a ${innerWidth}px window`);
}

addJourney('look: dark mode from the system and from the top bar toggle, remembered after reload; chart downloads stay light', async (page, base) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`${base}${PAGES.question}`);
  await waitForStreamedContent(page);
  assert.equal((await readColours(page)).theme, 'system', 'no choice made: the system decides');
  await assertDark(page, 'system dark');
  await takeScreenshot(page, 'look-01-question-dark-system');

  // In dark mode the SVG download is still drawn for a white page: light-theme label colours, no dark ones.
  const svg = (await download(page, page.getByRole('button', { name: 'SVG', exact: true }))).bytes.toString('utf8');
  assert.match(svg, /<rect width="100%" height="100%" fill="#ffffff"\/>/, 'white ground');
  assert.ok(svg.includes('rgb(56, 64, 76)'), 'axis labels in the light theme’s --chart-label');
  assert.ok(!svg.includes('rgb(207, 213, 222)'), 'no dark-theme label colour in the file');

  await page.emulateMedia({ colorScheme: 'light' });
  await assertLight(page, 'system light');

  const toggle = page.getByRole('group', { name: 'Colour theme' });
  assert.equal(await toggle.getByRole('button', { name: 'System' }).getAttribute('aria-pressed'), 'true');
  await toggle.getByRole('button', { name: 'Dark' }).click();
  assert.equal(await toggle.getByRole('button', { name: 'Dark' }).getAttribute('aria-pressed'), 'true');
  await assertDark(page, 'chosen dark under a light system');

  // Remembered, and applied by the inline script while the HTML is parsed: the server sent "system".
  const response = await page.reload({ waitUntil: 'domcontentloaded' });
  assert.match(await response.text(), /<html[^>]*data-theme="system"/, 'the server renders no choice');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark', 'set before hydration');
  await waitForStreamedContent(page);
  await assertDark(page, 'after reload');
  assert.equal(await page.getByRole('group', { name: 'Colour theme' }).getByRole('button', { name: 'Dark' }).getAttribute('aria-pressed'), 'true');
  await takeScreenshot(page, 'look-02-question-dark-chosen');

  await page.goto(`${base}${PAGES.crosstab}`);
  await waitForStreamedContent(page);
  await assertDark(page, 'crosstab');
  await takeScreenshot(page, 'look-03-crosstab-dark');
  await page.goto(`${base}${PAGES.overview}`);
  await waitForStreamedContent(page);
  await takeScreenshot(page, 'look-04-overview-dark');

  await page.getByRole('group', { name: 'Colour theme' }).getByRole('button', { name: 'Light' }).click();
  await page.emulateMedia({ colorScheme: 'dark' });
  await assertLight(page, 'chosen light under a dark system');
  await page.getByRole('group', { name: 'Colour theme' }).getByRole('button', { name: 'System' }).click();
  await assertDark(page, 'back to the system');
  assert.equal(await page.evaluate(() => localStorage.getItem('survey-lens:theme')), null, 'system is the absence of a choice');
});

addJourney(
  'look: a phone (375 px) from home to dataset, question and crosstab, no sideways scrolling, the filter drawer',
  async (page, base) => {
    await page.goto(`${base}/`);
    await waitForStreamedContent(page);
    await assertNoSidewaysScroll(page, 'home');
    await takeScreenshot(page, 'look-10-phone-home');

    await page.getByRole('link', { name: 'State of Software Engineers (synthetic sample)' }).click();
    await page.waitForURL(/\/state-of-engineers$/);
    await waitForStreamedContent(page);
    await assertNoSidewaysScroll(page, 'overview');
    // Labels go above the bars on a phone, whole (none cut to one line).
    const labels = await page
      .locator('figure.chart[data-question="role"] .recharts-yAxis-tick-labels text')
      .evaluateAll((texts) => texts.map((text) => [...text.querySelectorAll('tspan')].map((span) => span.textContent).join(' ')));
    assert.ok(labels.includes('Machine Learning Engineer'), `whole labels, got ${labels.join(' | ')}`);
    await takeScreenshot(page, 'look-11-phone-overview');

    // The filters are a drawer: it opens from its button, takes focus, and Escape gives it back.
    const opener = page.getByRole('button', { name: /^Filters/ });
    const drawer = page.getByRole('dialog', { name: 'Filters' });
    assert.equal(await page.locator('.facets').isVisible(), false, 'the drawer starts closed');
    await opener.click();
    await drawer.waitFor();
    assert.equal(await opener.getAttribute('aria-expanded'), 'true');
    assert.ok(await page.evaluate(() => document.activeElement?.closest('.facets-drawer') !== null), 'focus moves into the drawer');
    await page.waitForTimeout(300);
    // The window, not the full page: the drawer is fixed to it.
    await page.screenshot({ path: path.join(screenshots, 'look-12-phone-filter-drawer.png') });
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
    assert.ok(await page.evaluate(() => document.activeElement?.classList.contains('facets-toggle')), 'Escape returns focus to the Filters button');
    await page.locator('.facets').waitFor({ state: 'hidden' });

    // Filter from inside the drawer: it stays open while the figures change, and the button counts the filter.
    await opener.click();
    const region = page.locator('details[data-facet="region"]');
    if ((await region.getAttribute('open')) === null) await region.locator('summary').click();
    await region.getByLabel(/^Europe/).check();
    await page.waitForURL(/region=Europe/);
    await waitForStreamedContent(page);
    await page.getByRole('button', { name: 'Close the filters' }).click();
    await page.getByRole('button', { name: 'Filters (1)' }).waitFor();
    assert.ok(await page.evaluate(() => document.activeElement?.classList.contains('facets-toggle')), 'the close button returns focus too');
    await assertNoSidewaysScroll(page, 'overview, filtered');

    await page.locator('article.question-card').getByRole('link', { name: 'Primary role', exact: true }).click();
    await page.waitForURL(/\/questions\/role\?region=Europe/);
    await waitForStreamedContent(page);
    await assertNoSidewaysScroll(page, 'question');
    await takeScreenshot(page, 'look-13-phone-question');

    await page.getByRole('link', { name: 'Crosstab →' }).click();
    await page.waitForURL(/\/crosstab\?/);
    await page.getByRole('combobox', { name: 'Column question (banner)' }).selectOption('company_size');
    await page.locator('.crosstab').first().waitFor();
    await waitForStreamedContent(page);
    await assertNoSidewaysScroll(page, 'crosstab');
    // The wide table scrolls in its frame, says so, and stops saying so once scrolled to the end.
    const hint = page.locator('.crosstab .scroll-frame__hint').first();
    await hint.waitFor();
    await takeScreenshot(page, 'look-14-phone-crosstab');
    await page
      .locator('.crosstab .table-scroll')
      .first()
      .evaluate((frame) => frame.scrollTo({ left: frame.scrollWidth }));
    await hint.waitFor({ state: 'detached' });

    if (sharedAvailable) {
      // Stack Overflow 2019's long answers, on a phone: “I am a developer by profession” in full, not “I am a develope…”.
      await page.goto(`${base}/stackoverflow-2019`);
      await waitForStreamedContent(page);
      await assertNoSidewaysScroll(page, 'Stack Overflow 2019 overview');
      const branch = await page
        .locator('figure.chart[data-question="MainBranch"] .recharts-yAxis-tick-labels text')
        .evaluateAll((texts) => texts.map((text) => [...text.querySelectorAll('tspan')].map((span) => span.textContent).join(' ')));
      assert.ok(branch.includes('I am a developer by profession'), `whole label, got ${branch.join(' | ')}`);
      await takeScreenshot(page, 'look-15-phone-so2019-overview');
    }
  },
  { context: PHONE },
);

/** Tab stops until `isTarget` holds for the focused element; records which chart (if any) each stop was inside. */
async function tabTo(page, isTarget, description, stops, limit = 400) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const where = await page.evaluate(() => {
      const active = document.activeElement;
      const canvas = active?.closest('.chart__canvas');
      return {
        chart: canvas ? [...document.querySelectorAll('.chart__canvas')].indexOf(canvas) : -1,
        inSvg: active?.closest('svg') !== null && active?.closest('svg') !== undefined,
      };
    });
    if (where.chart >= 0) stops.set(where.chart, (stops.get(where.chart) ?? 0) + 1);
    if (await page.evaluate(isTarget)) return;
  }
  throw new Error(`${description} was not reached with the Tab key`);
}

async function assertFocusRing(page, what) {
  const outline = await page.evaluate(() => {
    const style = getComputedStyle(document.activeElement);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  assert.ok(outline.style !== 'none' && outline.width >= 2, `${what}: a visible focus ring, got ${JSON.stringify(outline)}`);
}

addJourney(
  'look: keyboard only: skip link, a facet option, the sentence’s remove button, a chart/table toggle; each chart one tab stop at most',
  async (page, base) => {
    await page.goto(`${base}${PAGES.overview}`);
    await waitForStreamedContent(page);
    const stops = new Map();

    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Skip to content', 'the skip link comes first');
    await assertFocusRing(page, 'skip link');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main', 'the skip link moves focus to the content');

    await tabTo(page, () => document.activeElement?.matches('details[data-facet="region"] > summary'), 'the Region facet', stops);
    await page.keyboard.press('Enter');
    await tabTo(page, () => document.activeElement?.closest('label')?.textContent?.startsWith('Europe'), 'the Europe option', stops);
    await assertFocusRing(page, 'facet option');
    await page.keyboard.press('Space');
    await page.waitForURL(/region=Europe/);
    await page.getByRole('link', { name: 'Remove filter: Region is “Europe”' }).waitFor();
    await waitForStreamedContent(page);
    assert.ok(
      await page.evaluate(() => document.activeElement?.closest('label')?.textContent?.startsWith('Europe')),
      'focus stays on the option while the figures change',
    );

    await tabTo(
      page,
      () => document.activeElement?.getAttribute('aria-label') === 'Remove filter: Region is “Europe”',
      'the remove button of the sentence',
      stops,
    );
    await assertFocusRing(page, 'remove button');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => !url.search.includes('region='));
    await page.locator('.filter-sentence', { hasText: '(no filters)' }).waitFor();
    await waitForStreamedContent(page);

    await tabTo(page, () => document.activeElement?.classList.contains('figure-switch__toggle'), 'a chart/table toggle', stops);
    await assertFocusRing(page, 'chart/table toggle');
    const card = page.locator('.figure-switch').filter({ has: page.locator(':focus') });
    assert.equal(await card.locator('.chart__canvas').count(), 1, 'a chart before');
    await page.keyboard.press('Enter');
    await card.locator('table.data-table').waitFor();
    assert.equal(await card.locator('.chart__canvas').count(), 0, 'the table instead of the chart');
    assert.match(
      await page.evaluate(() => document.activeElement?.textContent ?? ''),
      /^Show as chart/,
      'focus stays on the toggle, which now offers the chart',
    );
    await page.keyboard.press('Space');
    await card.locator('.chart__canvas svg').waitFor();

    // The rest of the page, to its end: no chart takes more than one stop.
    await tabTo(
      page,
      () => document.activeElement === document.body || document.activeElement?.classList.contains('skip-link'),
      'the end of the page',
      stops,
      600,
    );
    for (const [chart, count] of stops) assert.ok(count <= 1, `chart ${chart} took ${count} tab stops`);
    const focusable = await page.$$eval('.chart__canvas', (canvases) =>
      canvases.map((canvas) => canvas.querySelectorAll('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])').length),
    );
    assert.ok(
      focusable.every((count) => count <= 1),
      `focusable elements inside charts: ${focusable.join(', ')}`,
    );
    const unnamed = await page.$$eval(
      '.chart__canvas',
      (canvases) => canvases.filter((canvas) => canvas.getAttribute('role') !== 'img' || !canvas.getAttribute('aria-label')).length,
    );
    assert.equal(unnamed, 0, 'every chart is one named image');
    await takeScreenshot(page, 'look-20-keyboard-overview');
  },
);

addJourney('look: axe-core finds no serious or critical WCAG 2 A/AA violation on any page type, light or dark', async (page, base, { report }) => {
  const failures = [];
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const [name, url] of Object.entries(PAGES)) {
      await page.goto(`${base}${url}`);
      await waitForStreamedContent(page);
      await page.addScriptTag({ path: path.join(root, 'node_modules/axe-core/axe.min.js') });
      const violations = await page.evaluate(async () => {
        const result = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] });
        return result.violations.map((violation) => ({
          id: violation.id,
          impact: violation.impact,
          nodes: violation.nodes.length,
          first: violation.nodes[0]?.target.join(' '),
        }));
      });
      const severe = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
      report(`axe ${name} ${scheme}`, `${violations.length} violations, ${severe.length} serious or critical`);
      for (const violation of severe)
        failures.push(`${name} (${scheme}): ${violation.id}, ${violation.impact}, ${violation.nodes} nodes, e.g. ${violation.first}`);
    }
  }
  assert.deepEqual(failures, [], 'no serious or critical accessibility violations');
});
