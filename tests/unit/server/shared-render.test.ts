import http, { type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createSharedRenderHandler, sharedRenderKey } from '../../../scripts/shared-render.mjs';

/**
 * The front of `scripts/serve.mjs` against a stand-in for Next: an upstream that counts its
 * renders, takes `?ms=` to render, answers in two pieces and stamps each render with its number
 * (in the body and in a nonce-bearing CSP header, as Next's pages carry one).
 */
interface Upstream {
  server: Server;
  port: number;
  renders: string[];
  closedEarly: string[];
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

function listen(server: Server): Promise<number> {
  servers.push(server);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

async function startUpstream(): Promise<Upstream> {
  const upstream: Upstream = { server: undefined as unknown as Server, port: 0, renders: [], closedEarly: [] };
  upstream.server = http.createServer((request, response) => {
    upstream.renders.push(request.url ?? '');
    const number = upstream.renders.length;
    const ms = Number(new URL(request.url ?? '/', 'http://x').searchParams.get('ms') ?? 20);
    let done = false;
    response.on('close', () => {
      if (!done) upstream.closedEarly.push(request.url ?? '');
    });
    response.writeHead(200, { 'content-type': 'text/html', 'content-security-policy': `script-src 'nonce-n${number}'`, 'x-render': String(number) });
    response.write(`<p>render ${number} of ${request.url} `);
    setTimeout(() => {
      done = true;
      response.end(`for ${request.headers['accept-encoding'] ?? 'identity'}</p>`);
    }, ms);
  });
  upstream.port = await listen(upstream.server);
  return upstream;
}

async function startFront(upstreamPort: number) {
  const direct: string[] = [];
  const handler = createSharedRenderHandler({
    upstream: { host: '127.0.0.1', port: upstreamPort },
    direct: (request, response) => {
      direct.push(`${request.method} ${request.url}`);
      response.end('direct');
    },
  });
  const port = await listen(http.createServer(handler));
  return { base: `http://127.0.0.1:${port}`, direct, handler };
}

async function get(url: string, init?: RequestInit) {
  const response = await fetch(url, init);
  return { status: response.status, csp: response.headers.get('content-security-policy'), render: response.headers.get('x-render'), body: await response.text() };
}

const fakeRequest = (method: string, url: string, headers: Record<string, string> = {}) => ({ method, url, headers }) as unknown as IncomingMessage;

describe('sharedRenderKey', () => {
  it('shares page requests only: not static files, downloads, form actions or other methods', () => {
    expect(sharedRenderKey(fakeRequest('GET', '/stackoverflow-2019?Country=Chile'))).toBeDefined();
    expect(sharedRenderKey(fakeRequest('GET', '/_next/static/chunks/a.js'))).toBeUndefined();
    expect(sharedRenderKey(fakeRequest('GET', '/stackoverflow-2019/export?_question=Age'))).toBeUndefined();
    expect(sharedRenderKey(fakeRequest('GET', '/stackoverflow-2019/crosstab/export?_rows=A&_cols=B'))).toBeUndefined();
    expect(sharedRenderKey(fakeRequest('GET', '/stackoverflow-2019/responses/export'))).toBeUndefined();
    expect(sharedRenderKey(fakeRequest('POST', '/stackoverflow-2019'))).toBeUndefined();
    expect(sharedRenderKey(fakeRequest('HEAD', '/stackoverflow-2019'))).toBeUndefined();
    expect(sharedRenderKey(fakeRequest('GET', '/stackoverflow-2019', { 'next-action': 'abc' }))).toBeUndefined();
  });

  it('tells apart what a page varies by: address, host, encoding, router headers, crawlers', () => {
    const key = (url: string, headers: Record<string, string> = {}) => sharedRenderKey(fakeRequest('GET', url, { host: 'a', ...headers }));
    const plain = key('/d?x=1');
    expect(key('/d?x=1', { cookie: 'theme=dark', 'accept-language': 'de' })).toBe(plain);
    expect(key('/d?x=2')).not.toBe(plain);
    expect(key('/d?x=1', { host: 'b' })).not.toBe(plain);
    expect(key('/d?x=1', { 'accept-encoding': 'gzip' })).not.toBe(plain);
    expect(key('/d?x=1', { rsc: '1' })).not.toBe(plain);
    // A prefetch skips proxy.ts, so it has no Content-Security-Policy: never shared with a navigation.
    expect(key('/d?x=1', { purpose: 'prefetch' })).not.toBe(plain);
    expect(key('/d?x=1', { 'x-forwarded-host': 'evil.example' })).not.toBe(plain);
    expect(key('/d?x=1', { accept: 'text/markdown' })).not.toBe(plain);
    expect(key('/d?x=1', { rsc: '1', 'next-router-state-tree': '%5B%5D' })).not.toBe(key('/d?x=1', { rsc: '1' }));
    expect(key('/d?x=1', { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1)' })).toBe(plain);
    expect(key('/d?x=1', { 'user-agent': 'Twitterbot/1.0' })).not.toBe(plain);
    expect(key('/d?x=1', { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0' })).toBe(plain);
  });
});

describe('createSharedRenderHandler', () => {
  it('answers 20 identical requests that arrive together with one render, the same bytes and headers for each', async () => {
    const upstream = await startUpstream();
    const front = await startFront(upstream.port);
    const answers = await Promise.all(Array.from({ length: 20 }, () => get(`${front.base}/d?ms=150`)));
    expect(upstream.renders).toEqual(['/d?ms=150']);
    for (const answer of answers) expect(answer).toEqual({ status: 200, csp: "script-src 'nonce-n1'", render: '1', body: '<p>render 1 of /d?ms=150 for gzip, deflate</p>' });
    expect(front.handler.inFlight.size).toBe(0);
  });

  it('keeps nothing once sent: the next request is a new render', async () => {
    const upstream = await startUpstream();
    const front = await startFront(upstream.port);
    expect((await get(`${front.base}/d`)).render).toBe('1');
    expect((await get(`${front.base}/d`)).render).toBe('2');
    expect(upstream.renders).toHaveLength(2);
  });

  it('renders different views, and the same view for another encoding, apart', async () => {
    const upstream = await startUpstream();
    const front = await startFront(upstream.port);
    const [a, b, gzip] = await Promise.all([get(`${front.base}/d?x=1&ms=100`), get(`${front.base}/d?x=2&ms=100`), get(`${front.base}/d?x=1&ms=100`, { headers: { 'accept-encoding': 'gzip' } })]);
    expect(upstream.renders.sort()).toEqual(['/d?x=1&ms=100', '/d?x=1&ms=100', '/d?x=2&ms=100']);
    expect(a.body).toContain('of /d?x=1');
    expect(b.body).toContain('of /d?x=2');
    expect(gzip.body).toContain('for gzip</p>');
    expect(a.body).toContain('for gzip, deflate</p>');
    expect(a.render).not.toBe(gzip.render);
  });

  it('hands downloads, static files and other methods to Next directly', async () => {
    const upstream = await startUpstream();
    const front = await startFront(upstream.port);
    expect((await get(`${front.base}/d/export?_question=q`)).body).toBe('direct');
    expect((await get(`${front.base}/_next/static/x.js`)).body).toBe('direct');
    expect((await get(`${front.base}/d`, { method: 'POST', body: 'x' })).body).toBe('direct');
    expect(front.direct).toEqual(['GET /d/export?_question=q', 'GET /_next/static/x.js', 'POST /d']);
    expect(upstream.renders).toEqual([]);
  });

  it('a late joiner gets the whole answer, the part already sent included', async () => {
    const upstream = await startUpstream();
    const front = await startFront(upstream.port);
    const first = get(`${front.base}/d?ms=300`);
    await new Promise((resolve) => setTimeout(resolve, 150));
    const late = await get(`${front.base}/d?ms=300`);
    expect(late).toEqual(await first);
    expect(upstream.renders).toHaveLength(1);
  });

  it('cancels the render when every client has gone, and only then', async () => {
    const upstream = await startUpstream();
    const front = await startFront(upstream.port);
    const staying = get(`${front.base}/d?ms=400`);
    const leaving = new AbortController();
    const left = fetch(`${front.base}/d?ms=400`, { signal: leaving.signal }).then((response) => response.text());
    await new Promise((resolve) => setTimeout(resolve, 100));
    leaving.abort();
    await expect(left).rejects.toThrow();
    expect((await staying).body).toContain('render 1');
    expect(upstream.closedEarly).toEqual([]);

    const everyone = [new AbortController(), new AbortController()];
    const gone = everyone.map((controller) => fetch(`${front.base}/e?ms=2000`, { signal: controller.signal }).then((response) => response.text()));
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (const controller of everyone) controller.abort();
    await Promise.allSettled(gone);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(upstream.closedEarly).toEqual(['/e?ms=2000']);
    expect(front.handler.inFlight.size).toBe(0);
  });

  it('answers 502 with a message to every sharer when the renderer cannot be reached', async () => {
    const closed = await startUpstream();
    const port = closed.port;
    closed.server.close();
    const front = await startFront(port);
    const answers = await Promise.all([get(`${front.base}/d`), get(`${front.base}/d`)]);
    for (const answer of answers) {
      expect(answer.status).toBe(502);
      expect(answer.body).toBe('The page could not be rendered. Try again.\n');
    }
    expect(front.handler.inFlight.size).toBe(0);
  });
});
