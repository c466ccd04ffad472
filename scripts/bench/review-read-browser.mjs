#!/usr/bin/env node
/**
 * /add measured in Chromium, one fresh browser per file: drop → review (the page's clock and the
 * worker's own), the longest main-thread task after the drop (PerformanceObserver 'longtask'),
 * the tab's peak memory (resident size of this Chromium's renderer processes, where the page and
 * its worker run, sampled every 200 ms), and Save → the overview's respondents. Starts the
 * production server (run `npx next build` first) with a temporary SURVEY_LENS_UPLOADS.
 *
 *   node scripts/bench/review-read-browser.mjs <file> [<file>…]
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const files = process.argv.slice(2);
const port = 3190 + Math.floor(Math.random() * 9);
const uploads = mkdtempSync(path.join(os.tmpdir(), 'survey-lens-bench-uploads-'));

async function rendererKb() {
  const { stdout } = await promisify(execFile)('ps', ['-e', '-o', 'pid=,ppid=,rss=,args=']);
  const rows = stdout
    .trim()
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter(Boolean)
    .map(([, pid, ppid, rss, args]) => ({ pid: +pid, ppid: +ppid, rss: +rss, args }));
  const ours = new Set([process.pid]);
  for (let grown = true; grown;) {
    grown = false;
    for (const row of rows) {
      if (!ours.has(row.ppid) || ours.has(row.pid)) continue;
      ours.add(row.pid);
      grown = true;
    }
  }
  return rows.filter((row) => ours.has(row.pid) && row.args.includes('--type=renderer')).reduce((sum, row) => sum + row.rss, 0);
}

const LONGEST = () => {
  window.__longest = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (window.__armed) window.__longest = Math.max(window.__longest, entry.duration);
  }).observe({ type: 'longtask', buffered: true });
};

async function measure(base, file) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(LONGEST);
    const page = await context.newPage();
    await page.goto(`${base}/add`);
    await page.waitForTimeout(1000);
    await page.evaluate(() => (window.__armed = true));
    let peak = await rendererKb();
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        peak = Math.max(peak, await rendererKb().catch(() => 0));
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    })();
    const started = Date.now();
    await page.getByLabel('Survey files').setInputFiles([file]);
    await page.getByTestId('respondents').waitFor({ timeout: 300_000 });
    await page.waitForFunction(() => document.querySelector('.review-table')?.dataset.shown === document.querySelector('.review-table')?.dataset.questions);
    const dropToReviewMs = Date.now() - started;
    await page.waitForTimeout(1000);
    sampling = false;
    await sampler;
    const workerMs = Number(await page.getByTestId('read-time').getAttribute('data-ms'));
    const longestTaskMs = await page.evaluate(() => window.__longest);
    const review = (await page.getByTestId('respondents').textContent()).trim();
    const saving = Date.now();
    await page.getByRole('button', { name: 'Save survey' }).click();
    const respondents = page.locator('.stat-list div', { hasText: 'Respondents' }).locator('dd');
    await respondents.waitFor({ timeout: 300_000 });
    const saveToDashboardMs = Date.now() - saving;
    return {
      file: path.basename(file),
      dropToReviewMs,
      workerMs,
      longestTaskMs,
      tabPeakMb: Math.round(peak / 1024),
      saveToDashboardMs,
      review,
      dashboard: (await respondents.textContent()).trim(),
    };
  } finally {
    await browser.close();
  }
}

const server = spawn(process.execPath, [path.join(root, 'server/serve.mjs'), '-p', String(port)], {
  cwd: root,
  env: { ...process.env, SURVEY_LENS_UPLOADS: uploads, NEXT_TELEMETRY_DISABLED: '1' },
  stdio: 'ignore',
  detached: true,
});
try {
  const base = `http://localhost:${port}`;
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(`${base}/icon.svg`).then(
        (response) => response.ok,
        () => false,
      )
    )
      break;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  for (const file of files) console.log(JSON.stringify(await measure(base, file)));
  console.log(JSON.stringify({ loadAverage: os.loadavg().map((value) => +value.toFixed(1)), cpus: os.cpus().length }));
} finally {
  process.kill(-server.pid, 'SIGTERM');
  rmSync(uploads, { recursive: true, force: true });
}
