/**
 * The production server (server/serve.mjs) lets identical page requests that arrive together share
 * one render. Next renders other HTML for the crawlers of next.config.js's `htmlLimitedBots` (their
 * metadata blocks the page instead of streaming beside it), so a crawler that asks along with
 * browsers must get a render of its own: the bytes a crawler asking alone gets, nonce aside.
 */
import assert from 'node:assert/strict';
import { addJourney } from './support.mjs';

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36';
const CRAWLER = 'Mozilla/5.0 (compatible; Twitterbot/1.0)';

/** A page as one reader gets it: its nonce (from the CSP header) and its body with that nonce blanked. */
async function ask(url, agent) {
  const response = await fetch(url, { headers: { 'user-agent': agent } });
  const html = await response.text();
  assert.equal(response.status, 200, `${agent}: ${url} answered ${response.status}`);
  const nonce = /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1];
  assert.ok(nonce && html.includes(`nonce="${nonce}"`), `${agent}: the page carries the nonce of its own header`);
  return { nonce, page: html.split(nonce).join('NONCE') };
}

addJourney('server: a crawler asking along with browsers gets the page a crawler gets alone; every reader its own nonce', async (_page, base) => {
  // Views no other journey asks for, so each burst waits on a render in progress.
  for (const region of ['Europe', 'Asia', 'North America']) {
    const url = `${base}/state-of-engineers/questions/role?region=${encodeURIComponent(region)}&_by=company_size&_base=all`;
    const burst = await Promise.all([
      ...Array.from({ length: 4 }, () => ask(url, BROWSER)),
      ask(url, CRAWLER),
      ...Array.from({ length: 4 }, () => ask(url, BROWSER)),
    ]);
    const alone = await ask(url, CRAWLER);
    const crawler = burst[4];
    // assert.ok, not equal: a page is 100 KB, and the message says what differs.
    assert.ok(crawler.page === alone.page, `${region}: the crawler amid browsers got another page than a crawler gets alone`);
    for (const browser of burst.filter((answer) => answer !== crawler)) assert.ok(browser.page !== alone.page, `${region}: a browser got a crawler's page`);
    assert.equal(new Set([...burst, alone].map((answer) => answer.nonce)).size, burst.length + 1, `${region}: every reader has a nonce of its own`);
  }
});
