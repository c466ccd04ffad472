import { randomUUID } from 'node:crypto';
import http, { type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createSharedRenderHandler, NONCE, nonceSplitter, sharedRenderKey, type SharedRenderOptions } from '../../../server/shared-render.mjs';
import { isLoopbackAddress, markPeer } from '../../../server/peer.mjs';

/**
 * The front of `server/serve.mjs` against a stand-in for Next that the test drives: it records
 * every request it is asked, answers with a nonce of its own per render (in the CSP header, in a
 * script tag and in the payload, one of them written in two pieces), and holds the end of any
 * answer whose address has `hold` until the test releases it, so no test depends on timing.
 */
interface Asked {
  url: string;
  headers: IncomingHttpHeaders;
  nonce: string;
  closedEarly: boolean;
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

const body = (nonce: string, url: string) => [
  `<script nonce="${nonce}">theme()</script><main>${url}</main>`,
  `<script>self.__next_f.push(["nonce","${nonce}"])</script>`,
];

async function startUpstream(answer: (request: IncomingMessage, response: ServerResponse, nonce: string) => boolean = () => false) {
  const asked: Asked[] = [];
  const held = new Map<string, () => void>();
  const server = http.createServer((request, response) => {
    const nonce = Buffer.from(randomUUID()).toString('base64');
    const entry: Asked = { url: request.url ?? '', headers: request.headers, nonce, closedEarly: false };
    asked.push(entry);
    let done = false;
    response.on('close', () => {
      entry.closedEarly = !done;
    });
    if (answer(request, response, nonce)) return;
    const [head, tail] = body(nonce, entry.url);
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
      vary: 'rsc, Accept-Encoding',
    });
    response.write(head);
    const finish = () => {
      // The payload's nonce split over two writes, as a stream may split it.
      const cut = tail.indexOf(nonce) + 20;
      response.write(tail.slice(0, cut));
      setTimeout(() => {
        done = true;
        response.end(tail.slice(cut));
      }, 5);
    };
    if (entry.url.includes('hold')) held.set(entry.url, finish);
    else finish();
  });
  const port = await listen(server);
  return {
    port,
    asked,
    server,
    release: (url: string) => {
      const finish = held.get(url);
      if (!finish) throw new Error(`${url} is not being held`);
      held.delete(url);
      finish();
    },
  };
}

/** Crawlers that get other HTML; the server is given next.config.js's htmlLimitedBots. */
const CRAWLERS = /Twitterbot|Slackbot/i;

async function startFront(upstreamPort: number, options: { renderers?: number; maxWaiting?: number; upstreamIdleMs?: number } = {}) {
  const direct: string[] = [];
  const logged: string[] = [];
  const handler = createSharedRenderHandler({
    upstream: { host: '127.0.0.1', port: upstreamPort },
    crawlers: CRAWLERS,
    direct: (request, response) => {
      direct.push(`${request.method} ${request.url}`);
      response.end('direct');
    },
    log: (message) => logged.push(message),
    ...options,
  });
  const port = await listen(http.createServer(handler));
  return { base: `http://127.0.0.1:${port}`, direct, handler, logged };
}

async function waitFor(condition: () => boolean) {
  for (let tries = 0; !condition(); tries++) {
    if (tries > 500) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function get(url: string, init?: RequestInit) {
  const response = await fetch(url, init);
  const text = await response.text();
  const nonce = /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1];
  return { status: response.status, nonce, encoding: response.headers.get('content-encoding'), retryAfter: response.headers.get('retry-after'), text };
}

/** How many readers the one render in flight has. */
const readersOf = (handler: { inFlight: Map<string, unknown> }) =>
  (handler.inFlight.values().next().value as { readers: unknown[] } | undefined)?.readers.length ?? 0;

const fakeRequest = (method: string, url: string, headers: Record<string, string> = {}) => ({ method, url, headers }) as unknown as IncomingMessage;
const keyOf = (request: IncomingMessage) => sharedRenderKey(request, CRAWLERS);

describe('sharedRenderKey', () => {
  it('shares plain page GETs only', () => {
    expect(keyOf(fakeRequest('GET', '/stackoverflow-2019?Country=Chile'))).toBeDefined();
    expect(keyOf(fakeRequest('GET', '/d', { 'content-length': '0' }))).toBeDefined();
    const alone: [string, string, Record<string, string>?][] = [
      ['GET', '/_next/static/chunks/a.js'],
      ['GET', '//_next/static/chunks/a.js'],
      ['GET', 'http://example.org/d'],
      ['GET', '/stackoverflow-2019/export?_question=Age'],
      ['GET', '/stackoverflow-2019/crosstab/export?_rows=A&_cols=B'],
      ['GET', '/stackoverflow-2019/responses/export'],
      ['POST', '/stackoverflow-2019'],
      ['HEAD', '/stackoverflow-2019'],
      ['GET', '/d', { 'next-action': 'abc' }],
      ['GET', '/d', { 'content-length': '5' }],
      ['GET', '/d', { 'transfer-encoding': 'chunked' }],
      ['GET', '/d', { 'if-none-match': '"x"' }],
      ['GET', '/d', { 'if-modified-since': 'Tue, 01 Dec 2026 00:00:00 GMT' }],
      ['GET', '/d', { range: 'bytes=0-10' }],
      ['GET', '/d', { authorization: 'Bearer token' }],
      ['GET', '/d', { cookie: 'theme=dark; survey-lens-admin=token' }],
    ];
    for (const [method, url, headers] of alone) expect(keyOf(fakeRequest(method, url, headers)), `${method} ${url} ${JSON.stringify(headers)}`).toBeUndefined();
  });

  it('tells apart every header a page may vary by, and nothing else', () => {
    const key = (headers: Record<string, string> = {}, url = '/d?x=1') => keyOf(fakeRequest('GET', url, { host: 'a', ...headers }));
    const plain = key();
    expect(key({ cookie: 'theme=dark', 'accept-language': 'de', 'accept-encoding': 'gzip', 'user-agent': 'Mozilla/5.0 Chrome/140.0' })).toBe(plain);
    expect(key({ 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1)' })).toBe(plain);
    expect(key({}, '/d?x=2')).not.toBe(plain);
    for (const name of [
      'host',
      'x-forwarded-host',
      'x-forwarded-proto',
      'accept',
      'purpose',
      'sec-purpose',
      'sec-fetch-dest',
      'rsc',
      'next-router-state-tree',
      'next-router-prefetch',
      'next-router-segment-prefetch',
      'next-url',
      'x-survey-lens-peer',
    ]) {
      expect(key({ [name]: 'other' }), name).not.toBe(plain);
    }
    expect(key({ 'user-agent': 'Twitterbot/1.0' })).not.toBe(plain);
  });
});

describe('pages with write controls (issue 22)', () => {
  it('a loopback reader (who may write) and a remote one asking together get two renders; only the first is rendered as loopback', async () => {
    const waiting: (() => void)[] = [];
    const upstream = await startUpstream((request, response, nonce) => {
      // Both renders are held until both have been asked, so the readers arrive while they run.
      const mark = String(request.headers['x-survey-lens-peer'] ?? 'remote');
      waiting.push(() => {
        response.writeHead(200, { 'content-type': 'text/html', 'content-security-policy': `script-src 'nonce-${nonce}'` });
        response.end(`<main nonce="${nonce}">${mark === 'remote' ? 'page' : 'page with Edit questions'}</main>`);
      });
      return true;
    });
    const front = await startFront(upstream.port);
    const local = { 'x-survey-lens-peer': 'loopback:secret' };
    const answers = Promise.all([
      get(`${front.base}/add`, { headers: local }),
      get(`${front.base}/add`),
      get(`${front.base}/add`, { headers: local }),
      get(`${front.base}/add`),
    ]);
    await waitFor(
      () => waiting.length === 2 && [...front.handler.inFlight.values()].every((render) => (render as { readers: unknown[] }).readers.length === 2),
    );
    for (const finish of waiting) finish();
    const [first, second, third, fourth] = await answers;
    expect(upstream.asked).toHaveLength(2);
    expect(upstream.asked.map((asked) => asked.headers['x-survey-lens-peer'] ?? 'none').sort()).toEqual(['loopback:secret', 'none']);
    for (const reader of [first, third]) expect(reader.text).toMatch(/page with Edit questions/);
    for (const reader of [second, fourth]) expect(reader.text).not.toMatch(/Edit questions/);
  });

  it('a reader who signed in with the admin token (cookie or Authorization) is answered by Next directly, never from a shared render', async () => {
    const upstream = await startUpstream();
    const front = await startFront(upstream.port);
    await get(`${front.base}/add`, { headers: { cookie: 'survey-lens-admin=t' } });
    await get(`${front.base}/add`, { headers: { authorization: 'Bearer t' } });
    expect(front.direct).toEqual(['GET /add', 'GET /add']);
    expect(upstream.asked).toHaveLength(0);
  });

  it('markPeer drops a forged loopback mark and marks only connections from 127.0.0.0/8 or ::1', () => {
    const request = (remoteAddress: string, headers: Record<string, string> = {}) =>
      ({ headers: { ...headers }, socket: { remoteAddress } }) as unknown as IncomingMessage;
    const cases: [string, string | undefined][] = [
      ['203.0.113.5', undefined],
      ['10.0.0.2', undefined],
      ['::ffff:198.51.100.1', undefined],
      ['127.0.0.1', 'loopback:s'],
      ['127.8.9.10', 'loopback:s'],
      ['::1', 'loopback:s'],
      ['::ffff:127.0.0.1', 'loopback:s'],
    ];
    for (const [address, expected] of cases) {
      const forged = request(address, { 'x-survey-lens-peer': 'loopback:guess' });
      markPeer(forged, 's');
      expect(forged.headers['x-survey-lens-peer'], address).toBe(expected);
    }
    expect(isLoopbackAddress(undefined)).toBe(false);
  });
});

describe('nonceSplitter', () => {
  it('finds a nonce however the stream cuts it, and keeps every other byte', () => {
    const nonce = 'NjQ5ZmQ4ZjYtMjQ2Ni00NWE2LTk2ZjQtN2U5ZmU0YjM3ZDkw';
    const text = `a"${nonce}"bb${nonce}${nonce}c${nonce.slice(0, 30)}d`;
    for (let size = 1; size <= text.length; size += 7) {
      const splitter = nonceSplitter(nonce);
      const pieces = [];
      for (let at = 0; at < text.length; at += size) pieces.push(...splitter.push(Buffer.from(text.slice(at, at + size))));
      pieces.push(...splitter.end());
      expect(pieces.map((piece) => (piece === NONCE ? '<N>' : piece.toString())).join(''), `chunks of ${size}`).toBe(`a"<N>"bb<N><N>c${nonce.slice(0, 30)}d`);
    }
  });
});

describe('createSharedRenderHandler', () => {
  it('answers 20 identical requests that arrive together with one render, each with a nonce of its own', async () => {
    const upstream = await startUpstream();
    const front = await startFront(upstream.port);
    const answers = Promise.all(Array.from({ length: 20 }, () => get(`${front.base}/d?hold`)));
    await waitFor(() => readersOf(front.handler) === 20 && upstream.asked.length === 1);
    upstream.release('/d?hold');
    const readers = await answers;
    expect(upstream.asked).toHaveLength(1);
    const rendered = upstream.asked[0].nonce;
    const nonces = readers.map((reader) => reader.nonce);
    expect(new Set(nonces).size).toBe(20);
    expect(nonces.filter((nonce) => nonce === rendered)).toHaveLength(1);
    for (const reader of readers) {
      expect(reader.status).toBe(200);
      expect(reader.nonce).toHaveLength(rendered.length);
      expect(reader.text).toBe(body(reader.nonce as string, '/d?hold').join(''));
      expect(reader.text).not.toContain(reader.nonce === rendered ? 'never' : rendered);
    }
    expect(front.handler.inFlight.size).toBe(0);
    expect(front.handler.counts.running).toBe(0);
  });

  it('asks Next for an uncompressed answer with only the keyed headers, and gzips each reader’s copy', async () => {
    const upstream = await startUpstream();
    const front = await startFront(upstream.port);
    const headers = {
      'accept-encoding': 'gzip',
      cookie: 'session=secret',
      'x-nonce': 'chosen-by-client',
      'content-security-policy': "script-src 'nonce-chosen'",
      'accept-language': 'de',
      'user-agent': 'Mozilla/5.0 Chrome/140.0',
      rsc: '1',
    };
    const reader = await get(`${front.base}/d`, { headers });
    expect(reader.encoding).toBe('gzip');
    expect(reader.text).toBe(body(reader.nonce as string, '/d').join(''));
    const forwarded = upstream.asked[0].headers;
    expect(forwarded['accept-encoding']).toBe('identity');
    expect(forwarded['user-agent']).toBe('Mozilla/5.0 Chrome/140.0');
    expect(forwarded.rsc).toBe('1');
    for (const name of ['cookie', 'authorization', 'x-nonce', 'content-security-policy', 'accept-language']) expect(forwarded[name], name).toBeUndefined();
    const plain = await get(`${front.base}/d`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.encoding).toBeNull();
  });

  it('keeps nothing once sent: the next request is a new render', async () => {
    const upstream = await startUpstream();
    const front = await startFront(upstream.port);
    const first = await get(`${front.base}/d`);
    const second = await get(`${front.base}/d`);
    expect(upstream.asked).toHaveLength(2);
    expect(first.nonce).toBe(upstream.asked[0].nonce);
    expect(second.nonce).toBe(upstream.asked[1].nonce);
  });

  it('never shares an answer that sets a cookie: the first reader gets it, the others their own', async () => {
    const upstream = await startUpstream((request, response) => {
      if (!request.url?.includes('cookie')) return false;
      setTimeout(() => {
        response.writeHead(200, { 'set-cookie': 'session=for-the-first', 'content-type': 'text/plain' });
        response.end('yours');
      }, 100);
      return true;
    });
    const front = await startFront(upstream.port);
    const readers = await Promise.all([1, 2, 3].map(() => get(`${front.base}/d?cookie`)));
    expect(readers.map((reader) => reader.text).sort()).toEqual(['direct', 'direct', 'yours']);
    expect(front.direct).toEqual(['GET /d?cookie', 'GET /d?cookie']);
  });

  it('hands downloads, static files, conditional requests and other methods to Next directly', async () => {
    const upstream = await startUpstream();
    const front = await startFront(upstream.port);
    expect((await get(`${front.base}/d/export?_question=q`)).text).toBe('direct');
    expect((await get(`${front.base}/_next/static/x.js`)).text).toBe('direct');
    expect((await get(`${front.base}/d`, { method: 'POST', body: 'x' })).text).toBe('direct');
    expect((await get(`${front.base}/d`, { headers: { 'if-none-match': '"v1"' } })).text).toBe('direct');
    expect(front.direct).toEqual(['GET /d/export?_question=q', 'GET /_next/static/x.js', 'POST /d', 'GET /d']);
    expect(upstream.asked).toEqual([]);
  });

  it('a late joiner gets the whole answer, the part already sent included', async () => {
    const upstream = await startUpstream();
    const front = await startFront(upstream.port);
    const first = get(`${front.base}/d?hold`);
    await waitFor(() => upstream.asked.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const late = get(`${front.base}/d?hold`);
    await waitFor(() => readersOf(front.handler) === 2);
    upstream.release('/d?hold');
    for (const reader of await Promise.all([first, late])) expect(reader.text).toBe(body(reader.nonce as string, '/d?hold').join(''));
    expect(upstream.asked).toHaveLength(1);
  });

  it('runs renders one at a time here, in arrival order, and gives the slot back', async () => {
    const upstream = await startUpstream();
    const front = await startFront(upstream.port, { renderers: 1 });
    // Sent one after another, each once the last has reached the front, so arrival order is known.
    const readers = [get(`${front.base}/a?hold`)];
    await waitFor(() => upstream.asked.length === 1);
    readers.push(get(`${front.base}/b?hold`));
    await waitFor(() => front.handler.queue.length === 1);
    readers.push(get(`${front.base}/c?hold`));
    await waitFor(() => front.handler.queue.length === 2);
    expect(upstream.asked.map((asked) => asked.url)).toEqual(['/a?hold']);
    expect(front.handler.counts.running).toBe(1);
    for (const url of ['/a?hold', '/b?hold', '/c?hold']) {
      await waitFor(() => upstream.asked.some((asked) => asked.url === url));
      expect(front.handler.counts.running).toBe(1);
      upstream.release(url);
    }
    await Promise.all(readers);
    expect(upstream.asked.map((asked) => asked.url)).toEqual(['/a?hold', '/b?hold', '/c?hold']);
    expect(front.handler.counts.running).toBe(0);
    expect(front.handler.queue).toHaveLength(0);
  });

  it('never starts a waiting render whose reader left, and cancels a running one when every reader has gone', async () => {
    const upstream = await startUpstream();
    const front = await startFront(upstream.port, { renderers: 1 });
    const running = [new AbortController(), new AbortController()];
    const waiting = new AbortController();
    const read = (url: string, controller: AbortController) =>
      fetch(front.base + url, { signal: controller.signal })
        .then((response) => response.text())
        .catch(() => 'aborted');
    const gone = running.map((controller) => read('/a?hold', controller));
    await waitFor(() => upstream.asked.length === 1 && readersOf(front.handler) === 2);
    gone.push(read('/b?hold', waiting));
    await waitFor(() => front.handler.queue.length === 1);
    waiting.abort();
    await waitFor(() => front.handler.queue.length === 0);
    running[0].abort();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(upstream.asked[0].closedEarly).toBe(false);
    running[1].abort();
    await Promise.all(gone);
    await waitFor(() => upstream.asked[0].closedEarly);
    expect(upstream.asked.map((asked) => asked.url)).toEqual(['/a?hold']);
    expect(front.handler.counts.running).toBe(0);
    expect(front.handler.inFlight.size).toBe(0);
  });

  it('cuts every reader off when Next’s answer breaks mid-page, so no cut page looks whole', async () => {
    const upstream = await startUpstream((request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.write('<main>half a page');
      setTimeout(() => response.destroy(), 50);
      return true;
    });
    const front = await startFront(upstream.port);
    const readers = await Promise.allSettled([get(`${front.base}/d`), get(`${front.base}/d`)]);
    for (const reader of readers) expect(reader.status).toBe('rejected');
    expect(front.logged.join('\n')).toContain('cut off');
    expect(front.handler.counts.running).toBe(0);
  });

  it('answers 502 to every reader when Next cannot be reached, 504 when it stays silent, 503 when too many wait', async () => {
    const closed = await startUpstream();
    const port = closed.port;
    closed.server.close();
    const unreachable = await startFront(port);
    for (const reader of await Promise.all([get(`${unreachable.base}/d`), get(`${unreachable.base}/d`)]))
      expect([reader.status, reader.text]).toEqual([502, 'The page could not be rendered. Try again.\n']);

    const silent = await startUpstream(() => true);
    const impatient = await startFront(silent.port, { upstreamIdleMs: 100 });
    expect(await get(`${impatient.base}/d`)).toMatchObject({ status: 504, text: 'The page took too long to render. Try again.\n' });
    expect(impatient.handler.counts.running).toBe(0);

    const slow = await startUpstream();
    const busy = await startFront(slow.port, { renderers: 1, maxWaiting: 1 });
    const held = [get(`${busy.base}/a?hold`)];
    await waitFor(() => slow.asked.length === 1);
    held.push(get(`${busy.base}/b?hold`));
    await waitFor(() => busy.handler.queue.length === 1);
    expect(await get(`${busy.base}/c`)).toMatchObject({ status: 503, retryAfter: '5' });
    slow.release('/a?hold');
    await waitFor(() => slow.asked.length === 2);
    slow.release('/b?hold');
    expect((await Promise.all(held)).map((reader) => reader.status)).toEqual([200, 200]);
  });

  it('refuses to start without the crawler pattern Next is configured with, which every key depends on', () => {
    const options = { upstream: { host: '127.0.0.1', port: 1 }, direct: () => undefined } as unknown as SharedRenderOptions;
    expect(() => createSharedRenderHandler(options)).toThrow(/htmlLimitedBots/);
  });

  it('refuses a number of renderers that would queue every page for ever', () => {
    for (const renderers of [0, -1, 1.5, Number.NaN])
      expect(() => createSharedRenderHandler({ upstream: { host: '127.0.0.1', port: 1 }, direct: () => undefined, crawlers: CRAWLERS, renderers })).toThrow(
        /at least 1/,
      );
  });
});
