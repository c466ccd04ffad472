#!/usr/bin/env node
/**
 * Click → updated figures in Chromium (issue 25), on the production server (run `npx next build`
 * first; SURVEY_LENS_DIST_DIR picks another build folder, so two builds can be timed side by side):
 *
 *   overview, top      the sample's overview at the top of the page, a Region option ticked and
 *                      unticked in the facet sidebar, in turn for each region (20 clicks)
 *   overview, cards    the same scrolled down to the question cards, clicking the Region chart's bars
 *   SO 2019 question   /stackoverflow-2019/questions/LanguageWorkedWith, OpenSourcer options ticked
 *                      and unticked (the e2e journey's clicks; needs ../shared/data)
 *
 * "Updated" is tests/e2e/click-timing.mjs's: the new sentence, nothing streaming, and every chart
 * in the window drawn as a fresh load of that view draws it. "Settled" adds the page's later
 * changes (charts out of the window redrawing). "answered" is the server's RSC answer complete.
 * Prints median (min–max) per scenario; --trace DIR writes a Chromium trace (with JS samples) of
 * one click per scenario and prints where its main-thread time went.
 *
 *   node scripts/bench/overview-click.mjs [--clicks 20] [--only overview] [--trace DIR] [--dark]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CLICK_SCENARIOS, summarise, timeScenario } from '../../tests/e2e/click-timing.mjs';
import { findFreePort, startServer, stopServer, waitUntilUp } from '../../tests/e2e/run-server.mjs';
import { sharedAvailable } from '../../tests/e2e/support.mjs';

const { values: flags } = parseArgs({
  options: {
    clicks: { type: 'string', default: '20' },
    only: { type: 'string' },
    trace: { type: 'string' },
    dark: { type: 'boolean', default: false },
  },
});

/**
 * Main-thread time of a Chromium trace by event (self time: an event's duration less its
 * children's), the top `n`: script, style, layout, paint and garbage collection told apart.
 */
function mainThreadTime(trace, n = 16) {
  const events = JSON.parse(trace).traceEvents;
  const main = events.find(
    (event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain' && events.some((e) => e.pid === event.pid && e.name === 'FunctionCall'),
  );
  const slices = events
    .filter((event) => event.ph === 'X' && event.pid === main.pid && event.tid === main.tid && event.dur > 0)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const self = new Map();
  const open = [];
  for (const slice of slices) {
    while (open.length > 0 && open.at(-1).ts + open.at(-1).dur <= slice.ts) open.pop();
    const parent = open.at(-1);
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - slice.dur / 1000);
    self.set(slice.name, (self.get(slice.name) ?? 0) + slice.dur / 1000);
    open.push(slice);
  }
  return [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
}

async function runScenario(browser, base, scenario, clicks) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: flags.dark ? 'dark' : 'light' });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  let traced;
  const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'disabled-by-default-v8.cpu_profiler', 'blink.user_timing'];
  try {
    const timings = await timeScenario(page, base, scenario, {
      clicks,
      // The fifth click: past the first views' one-off costs (code loaded, caches filled).
      around: flags.trace
        ? async (i, click) => {
            if (i !== 4) return click();
            await browser.startTracing(page, { categories });
            const timing = await click();
            traced = String(await browser.stopTracing());
            return timing;
          }
        : undefined,
    });
    if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
    return { timings, traced };
  } finally {
    await context.close();
  }
}

const format = ({ median, min, max }) => `${median} ms (${min}–${max})`;

async function main() {
  const clicks = Number(flags.clicks);
  const port = await findFreePort(3300);
  const base = `http://localhost:${port}`;
  const server = startServer(port);
  let browser;
  try {
    await waitUntilUp(base, server);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
    });
    const results = {};
    for (const scenario of CLICK_SCENARIOS) {
      if (flags.only && !scenario.name.includes(flags.only)) continue;
      if (scenario.shared && !sharedAvailable) {
        console.log(`- ${scenario.name}: skipped (no ../shared/data)`);
        continue;
      }
      const { timings, traced } = await runScenario(browser, base, scenario, clicks);
      const figures = Object.fromEntries(
        ['updated', 'settled', 'firstByte', 'answered'].map((what) => [what, summarise(timings.map((timing) => timing[what]))]),
      );
      results[scenario.name] = figures;
      console.log(
        `${scenario.name}: updated ${format(figures.updated)} · settled ${format(figures.settled)} · server: first byte ${format(figures.firstByte)}, answered ${format(figures.answered)}`,
      );
      if (traced) {
        mkdirSync(flags.trace, { recursive: true });
        const file = path.join(flags.trace, `${scenario.name.replace(/\W+/g, '-')}.json`);
        writeFileSync(file, traced);
        console.log(`  trace of click 5 (open in DevTools → Performance): ${file}; main-thread self time by event:`);
        for (const [name, ms] of mainThreadTime(traced)) console.log(`    ${ms.toFixed(1).padStart(7)} ms  ${name}`);
      }
    }
    console.log(JSON.stringify(results));
  } finally {
    await browser?.close().catch(() => {});
    await stopServer(server);
  }
}

await main();
