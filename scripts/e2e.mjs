#!/usr/bin/env node
/**
 * Browser journeys (tests/e2e/*.mjs) against the production build, in the system Chromium
 * (playwright-core, no downloaded browsers). Starts the production server (`server/serve.mjs`) on a free port, runs every
 * journey, always stops the server, and exits non-zero if any journey failed. Run `npx next build` first.
 *
 *   node scripts/e2e.mjs                 # SURVEY_LENS_DATA defaults to ../shared/data when it exists
 *   node scripts/e2e.mjs filter          # only journeys whose name contains "filter"
 *   CHROMIUM_PATH=/path/to/chrome node scripts/e2e.mjs
 *
 * Under CI (CI=true) a journey that needs ../shared/data fails when it is missing instead of skipping.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { listJourneys, root, screenshots, sharedAvailable, uploadsDir, uploadsOwned } from '../tests/e2e/support.mjs';
import { findFreePort, startServer, stopServer, waitUntilUp } from '../tests/e2e/run-server.mjs';
import '../tests/e2e/browse.mjs';
import '../tests/e2e/filter-and-compare.mjs';
import '../tests/e2e/overview-redraw.mjs';
import '../tests/e2e/downloads.mjs';
import '../tests/e2e/trends.mjs';
import '../tests/e2e/look.mjs';
import '../tests/e2e/crosstab-responses.mjs';
import '../tests/e2e/grids.mjs';
import '../tests/e2e/hostile.mjs';
import '../tests/e2e/findings.mjs';
import '../tests/e2e/golden-downloads.mjs';
import '../tests/e2e/page-weight.mjs';
import '../tests/e2e/server.mjs';
// Last: it saves surveys, which the home page then lists.
import '../tests/e2e/add-survey.mjs';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const only = process.argv[2];
const inCi = process.env.CI === 'true';

if (!existsSync(chromiumPath)) {
  console.error(`Chromium not found at ${chromiumPath}: install it with \`sudo apt-get install -y chromium\`, or set CHROMIUM_PATH`);
  process.exit(1);
}
const distDir = process.env.SURVEY_LENS_DIST_DIR || '.next';
if (!existsSync(path.join(root, distDir, 'BUILD_ID'))) {
  console.error(`No production build in ${distDir}/: run \`npx next build\` first.`);
  process.exit(1);
}
if (!sharedAvailable) {
  console.warn('\n' + '!'.repeat(78));
  console.warn(`!! NOTICE: ../shared/data (or SURVEY_LENS_DATA) not found: the shared-dataset journeys ${inCi ? 'FAIL (CI=true)' : 'are SKIPPED'}.`);
  console.warn('!!         Only the bundled synthetic sample is tested.');
  console.warn('!'.repeat(78) + '\n');
}

// ---------- runner ----------

async function runJourney(browser, base, entry, report) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, ...(entry.context ?? {}) });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  page.setDefaultNavigationTimeout(120_000);
  const problems = [];
  const allowed = entry.allowConsole ?? [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !allowed.some((pattern) => pattern.test(message.text())))
      problems.push(`console error: ${message.text()}${message.location()?.url ? ` (${message.location().url})` : ''}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  try {
    await entry.fn(page, base, { context, report });
    assert.deepEqual(problems, [], 'no console or page errors');
  } finally {
    await context.close();
  }
}

async function main() {
  mkdirSync(screenshots, { recursive: true });
  const port = await findFreePort();
  const base = `http://localhost:${port}`;
  const measurements = {};
  const report = (name, value) => (measurements[name] = value);
  let server;
  let browser;
  let passed = 0;
  let failed = 0;
  process.on('SIGINT', () => {
    try {
      if (server) process.kill(-server.child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    process.exit(130);
  });
  try {
    server = startServer(port);
    await waitUntilUp(base, server);
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    for (const entry of listJourneys()) {
      if (only && !entry.name.includes(only)) continue;
      if (entry.shared && !sharedAvailable) {
        if (inCi) {
          failed++;
          console.log(`✘ ${entry.name}\n    ../shared/data is missing, and CI=true: a journey on real data must not be skipped`);
        } else console.log(`- SKIPPED (no shared data): ${entry.name}`);
        continue;
      }
      const started = Date.now();
      try {
        await runJourney(browser, base, entry, report);
        passed++;
        console.log(`✔ ${entry.name} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
      } catch (error) {
        failed++;
        console.log(
          `✘ ${entry.name}\n    ${String(error?.stack ?? error)
            .split('\n')
            .slice(0, 8)
            .join('\n    ')}`,
        );
        if (server.child.exitCode !== null || server.child.signalCode !== null) {
          // The server is gone: every later journey would fail the same way, so say why once and stop.
          console.error(
            `the server stopped (exit ${server.child.exitCode}, signal ${server.child.signalCode}); its last output:\n${server.log.join('').slice(-6000)}`,
          );
          break;
        }
      }
    }
  } catch (error) {
    failed++;
    console.error(`e2e setup failed: ${error?.message ?? error}`);
    if (server) console.error(server.log.join('').slice(-4000));
  } finally {
    await browser?.close().catch(() => {});
    await stopServer(server);
    if (uploadsOwned) rmSync(uploadsDir, { recursive: true, force: true });
  }
  if (Object.keys(measurements).length > 0) {
    writeFileSync(path.join(root, 'test-results', 'e2e-measurements.json'), `${JSON.stringify(measurements, null, 2)}\n`);
    console.log(`measurements (test-results/e2e-measurements.json): ${JSON.stringify(measurements)}`);
  }
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

await main();
