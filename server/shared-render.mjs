// @ts-check
/**
 * Identical page requests that arrive while one is being rendered share that render
 * ("request collapsing", as Varnish and CDNs do it), so a burst of readers on one published view
 * costs one render instead of one each. Nothing is kept once a render has been sent: a request
 * that arrives after it gets a new render, so an edited file is never served from here.
 *
 * Only plain page requests are shared: GET, no body, no conditional or range headers, not a static
 * file, not a download (downloads stream their own rows and stop when their reader leaves).
 * Requests are the same when every header a page may vary by (KEYED) is the same and the client
 * is, or is not, one of the `crawlers` (Next sends the crawlers of its `htmlLimitedBots` setting
 * other HTML). Only those headers, the user agent and `accept-encoding: identity` are passed on
 * to Next, so nothing outside the key can shape the bytes that several readers get.
 *
 * Each reader still gets a Content-Security-Policy nonce of its own: the render's nonce is
 * replaced, in the header and wherever the body holds it, by a fresh one per reader (the reader
 * the render was asked for may keep the render's own), the way CDNs rewrite nonces in cached pages. That
 * is why renders are asked for uncompressed and each reader's copy is gzipped here. An answer
 * that sets a cookie is never shared.
 *
 * Renders run `renderers` at a time (default 2); the rest wait in arrival order, so the slowest
 * answer stays close to the typical one instead of some requests starving behind newer ones. A
 * render whose readers have all gone is dropped: never started if it was waiting, its connection
 * to Next closed if it was running.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import zlib from 'node:zlib';

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */
/** @typedef {Record<string, string | string[]>} Headers */

/**
 * Headers a page may vary by, besides the address: Next's router headers of a client-side
 * navigation, the host it builds addresses from, what the client accepts and what it fetches for
 * (Next answers a non-document 404 in plain text), and the purpose of a prefetch.
 */
const KEYED = [
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
  // Whether the reader connects from this machine (server/peer.mjs): analyst pages show write
  // controls to loopback readers only, so their render is never shared with, or sent to, others.
  'x-survey-lens-peer',
];

/** Requests with any of these get an answer of their own. */
const UNSHARED = [
  'content-length',
  'transfer-encoding',
  'expect',
  'if-none-match',
  'if-modified-since',
  'if-match',
  'if-unmodified-since',
  'if-range',
  'range',
  'next-action',
  // A reader who shows the admin token gets pages with write controls: a render of their own.
  'authorization',
];

/** The cookie of a reader signed in with the admin token (lib/store/write-access.ts): never shared. */
const ADMIN_COOKIE = /(?:^|;)\s*survey-lens-admin=/;

/** Headers that describe one connection or one body's framing, never copied from Next's answer. */
const NOT_COPIED = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'content-length']);

/** Marks, in a render's body, a place where its nonce stood. */
export const NONCE = Symbol('nonce');

/** Seconds of silence from Next after which a render is given up (a cold parse of a big file streams its progress). */
const UPSTREAM_IDLE_MS = 120_000;

/**
 * The key under which a request may share a render, or undefined when it must have its own.
 * @param {IncomingMessage} request
 * @param {RegExp} crawlers user agents Next sends other HTML (its `htmlLimitedBots` setting)
 * @returns {string | undefined}
 */
export function sharedRenderKey(request, crawlers) {
  const url = request.url ?? '';
  if (request.method !== 'GET' || !url.startsWith('/') || url.startsWith('//')) return undefined;
  if (UNSHARED.some((name) => request.headers[name] !== undefined && !(name === 'content-length' && request.headers[name] === '0'))) return undefined;
  if (ADMIN_COOKIE.test(String(request.headers.cookie ?? ''))) return undefined;
  const pathname = url.split('?')[0];
  if (pathname.startsWith('/_next/') || /\/export\/?$/.test(pathname)) return undefined;
  const crawler = crawlers.test(String(request.headers['user-agent'] ?? ''));
  return JSON.stringify([url, crawler, ...KEYED.map((name) => request.headers[name] ?? null)]);
}

/**
 * What Next is asked with: the keyed headers, the user agent (its crawler class is keyed) and an
 * uncompressed answer, so the nonce can be found and each reader's copy compressed on its own.
 * @param {IncomingMessage} request
 * @returns {Headers}
 */
function upstreamHeaders(request) {
  /** @type {Headers} */
  const headers = { 'accept-encoding': 'identity' };
  for (const name of [...KEYED, 'user-agent']) {
    const value = request.headers[name];
    if (value !== undefined) headers[name] = value;
  }
  return headers;
}

/**
 * Runs `task` in the event loop's next check phase after a poll phase: by then every hang-up that
 * had reached this machine has been read (the first setImmediate comes before the next poll).
 * @param {() => void} task
 */
function afterNextRead(task) {
  setImmediate(() => setImmediate(task));
}

/**
 * Whether a reader is still there: its client has not hung up (which Node marks on the request
 * as soon as it reads the end of the connection, before the response's 'close').
 * @param {Reader} reader
 */
function isWaiting(reader) {
  const socket = reader.request.socket;
  return !reader.request.destroyed && !socket.destroyed && !socket.readableEnded;
}

/** A nonce in proxy.ts's form (base64 of a random UUID), so it has the same length. */
function freshNonce() {
  return Buffer.from(randomUUID()).toString('base64');
}

/**
 * Cuts a body, as it streams, into byte pieces and NONCE marks where `nonce` stood; the last
 * nonce-length − 1 bytes wait for the next chunk, in case a nonce is split between two.
 * @param {string} nonce
 */
export function nonceSplitter(nonce) {
  const needle = Buffer.from(nonce);
  let carry = Buffer.alloc(0);
  return {
    /** @param {Buffer} chunk @returns {(Buffer | typeof NONCE)[]} */
    push(chunk) {
      const data = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      /** @type {(Buffer | typeof NONCE)[]} */
      const pieces = [];
      let from = 0;
      for (let at = data.indexOf(needle, from); at !== -1; at = data.indexOf(needle, from)) {
        if (at > from) pieces.push(data.subarray(from, at));
        pieces.push(NONCE);
        from = at + needle.length;
      }
      const keep = Math.max(from, data.length - (needle.length - 1));
      if (keep > from) pieces.push(data.subarray(from, keep));
      carry = Buffer.from(data.subarray(keep));
      return pieces;
    },
    /** @returns {(Buffer | typeof NONCE)[]} */
    end() {
      const rest = carry;
      carry = Buffer.alloc(0);
      return rest.length > 0 ? [rest] : [];
    },
  };
}

/**
 * One reader of a render.
 * @typedef {object} Reader
 * @property {IncomingMessage} request
 * @property {ServerResponse} response
 * @property {string} [nonce] its own nonce, chosen when the render's head arrives
 * @property {import('node:stream').Writable} [out] where its body goes: the response, or a gzip stream into it
 */

/**
 * One render being answered, and everyone waiting for it.
 * @typedef {object} Render
 * @property {string} key
 * @property {IncomingMessage} first the request it is rendered for
 * @property {number} [status]
 * @property {Headers} [headers]
 * @property {string} [nonce] the nonce Next rendered with, if the answer has one
 * @property {(Buffer | typeof NONCE)[]} pieces the body so far, for readers who join late
 * @property {ReturnType<typeof nonceSplitter>} [splitter]
 * @property {boolean} ended
 * @property {boolean} failed
 * @property {Reader[]} readers
 * @property {import('node:http').ClientRequest} [upstreamRequest] set once it has a slot
 * @property {boolean} holdsSlot
 * @property {boolean} retried
 */

/**
 * @typedef {object} SharedRenderOptions
 * @property {{ host: string, port: number }} upstream where renders are asked for: Next's handler on a private port
 * @property {(request: IncomingMessage, response: ServerResponse) => unknown} direct what answers every request that is not shared
 * @property {RegExp} crawlers user agents Next sends other HTML: next.config.js's `htmlLimitedBots`
 * @property {number} [renderers] how many renders run at once (default 2); the rest wait in arrival order
 * @property {number} [maxWaiting] how many renders may wait (default 1,000); past that, 503 with Retry-After
 * @property {number} [upstreamIdleMs] silence from Next after which a render is given up (default 120 s)
 * @property {(message: string) => void} [log] where failures of Next are reported (default console.error)
 */

/**
 * A request handler that shares renders of `upstream` among identical requests and hands every
 * other request to `direct`.
 * @param {SharedRenderOptions} options
 */
export function createSharedRenderHandler({
  upstream,
  direct,
  crawlers,
  renderers = 2,
  maxWaiting = 1000,
  upstreamIdleMs = UPSTREAM_IDLE_MS,
  log = console.error,
}) {
  if (!Number.isInteger(renderers) || renderers < 1) throw new Error(`renderers must be a whole number of at least 1, not ${renderers}`);
  if (!(crawlers instanceof RegExp)) throw new Error('crawlers must be the RegExp of next.config.js htmlLimitedBots');
  /** @type {Map<string, Render>} */
  const inFlight = new Map();
  /** @type {Render[]} */
  const queue = [];
  const counts = { running: 0 };
  const agent = new http.Agent({ keepAlive: true });

  /**
   * Closes the render to newcomers and gives its slot to the next in the queue.
   * @param {Render} render
   */
  function finish(render) {
    if (inFlight.get(render.key) === render) inFlight.delete(render.key);
    const queued = queue.indexOf(render);
    if (queued !== -1) queue.splice(queued, 1);
    if (render.holdsSlot) {
      render.holdsSlot = false;
      counts.running--;
      // After the next read of the network, for the same reason as in begin: when many readers hang
      // up at once, a slot freed by the first must not start a render for another who has gone.
      afterNextRead(startWaiting);
    }
  }

  function startWaiting() {
    while (counts.running < renderers && queue.length > 0) {
      const next = /** @type {Render} */ (queue.shift());
      // A reader whose client has hung up (its end of the connection read) has gone, even if the
      // response's 'close' is still to come.
      if (next.readers.some(isWaiting)) ask(next);
      else finish(next);
    }
  }

  /**
   * @param {Render} render
   * @param {IncomingMessage} request
   * @param {ServerResponse} response
   */
  function join(render, request, response) {
    /** @type {Reader} */
    const reader = { request, response };
    render.readers.push(reader);
    response.on('close', () => {
      const at = render.readers.indexOf(reader);
      if (at !== -1) render.readers.splice(at, 1);
      reader.out?.destroy();
      // Nobody is waiting any more: the render is work for no one.
      if (render.readers.length === 0 && !render.ended) {
        finish(render);
        render.upstreamRequest?.destroy();
      }
    });
    if (render.status !== undefined) start(render, reader);
  }

  /**
   * Sends a reader the head and the body so far, with its own nonce. The reader whose request the
   * render was asked for may keep the render's nonce, which no one else has been sent.
   * @param {Render} render
   * @param {Reader} reader
   */
  function start(render, reader) {
    const first = render.readers[0] === reader && render.first === reader.request;
    reader.nonce = render.nonce === undefined || first ? render.nonce : freshNonce();
    /** @type {Headers} */
    const headers = { ...render.headers };
    if (render.nonce !== undefined && reader.nonce !== render.nonce) {
      for (const [name, value] of Object.entries(headers))
        if (typeof value === 'string') headers[name] = value.split(render.nonce).join(/** @type {string} */ (reader.nonce));
    }
    const gzip =
      /\bgzip\b/.test(String(reader.request.headers['accept-encoding'] ?? '')) &&
      headers['content-encoding'] === undefined &&
      /^text\/|json|javascript|x-component/.test(String(headers['content-type'] ?? ''));
    if (gzip) headers['content-encoding'] = 'gzip';
    reader.response.writeHead(/** @type {number} */ (render.status), headers);
    if (gzip) {
      const compressor = zlib.createGzip({ level: zlib.constants.Z_BEST_SPEED });
      compressor.pipe(reader.response);
      reader.out = compressor;
    } else {
      reader.out = reader.response;
    }
    write(reader, render.pieces);
    if (render.ended) reader.out.end();
  }

  /**
   * @param {Reader} reader
   * @param {(Buffer | typeof NONCE)[]} pieces
   */
  function write(reader, pieces) {
    if (!reader.out || pieces.length === 0) return;
    // One write per batch: a chunked answer frames every write, and a page holds its nonce ~50 times.
    const nonce = Buffer.from(reader.nonce ?? '');
    reader.out.write(Buffer.concat(pieces.map((piece) => (piece === NONCE ? nonce : piece))));
    // A streamed part (a loading state, then the page) reaches the reader when Next sends it.
    if (reader.out instanceof zlib.Gzip) reader.out.flush();
  }

  /**
   * @param {ServerResponse} response
   * @param {number} status
   */
  function fail(response, status) {
    if (response.headersSent) {
      response.destroy();
      return;
    }
    const message =
      status === 503
        ? 'The server is busy. Try again in a few seconds.\n'
        : status === 504
          ? 'The page took too long to render. Try again.\n'
          : 'The page could not be rendered. Try again.\n';
    response.writeHead(status, {
      'content-type': 'text/plain; charset=utf-8',
      'x-content-type-options': 'nosniff',
      ...(status === 503 ? { 'retry-after': '5' } : {}),
    });
    response.end(message);
  }

  /**
   * Ends a render that failed: readers who have the head lose the connection (a cut page never
   * looks whole), the others get `status`.
   * @param {Render} render
   * @param {number} status
   * @param {string} why
   */
  function failRender(render, status, why) {
    if (render.failed || render.ended) return;
    render.failed = true;
    finish(render);
    log(`survey-lens: a shared render of ${render.first.url} failed: ${why}`);
    if (render.status !== undefined) {
      for (const reader of render.readers) reader.response.destroy();
      return;
    }
    render.status = status;
    for (const reader of render.readers) fail(reader.response, status);
  }

  /**
   * Asks the upstream for the render, in a slot of its own.
   * @param {Render} render
   */
  function ask(render) {
    counts.running++;
    render.holdsSlot = true;
    send(render);
  }

  /**
   * The request to Next for a render that holds a slot.
   * @param {Render} render
   */
  function send(render) {
    /** @type {import('node:http').ClientRequest} */
    let upstreamRequest;
    try {
      upstreamRequest = http.request({
        host: upstream.host,
        port: upstream.port,
        method: 'GET',
        path: render.first.url,
        headers: upstreamHeaders(render.first),
        agent,
      });
    } catch (error) {
      failRender(render, 502, String(error));
      return;
    }
    render.upstreamRequest = upstreamRequest;
    upstreamRequest.setTimeout(upstreamIdleMs, () =>
      upstreamRequest.destroy(Object.assign(new Error(`no answer for ${upstreamIdleMs / 1000} s`), { code: 'TIMEOUT' })),
    );
    upstreamRequest.on('response', (answer) => {
      if (answer.headers['set-cookie'] !== undefined) {
        // An answer for one reader: the first gets it, the others are answered on their own.
        finish(render);
        const [first, ...others] = render.readers;
        render.readers = first ? [first] : [];
        for (const other of others) direct(other.request, other.response);
      }
      /** @type {Headers} */
      const headers = {};
      for (const [name, value] of Object.entries(answer.headers)) if (value !== undefined && !NOT_COPIED.has(name)) headers[name] = value;
      render.nonce = /'nonce-([^']+)'/.exec(String(answer.headers['content-security-policy'] ?? ''))?.[1];
      if (render.nonce !== undefined) {
        render.splitter = nonceSplitter(render.nonce);
        delete headers.etag;
      }
      render.headers = headers;
      render.status = answer.statusCode ?? 502;
      for (const reader of [...render.readers]) start(render, reader);
      answer.on('data', (/** @type {Buffer} */ chunk) => {
        const pieces = render.splitter ? render.splitter.push(chunk) : [chunk];
        render.pieces.push(...pieces);
        for (const reader of render.readers) write(reader, pieces);
      });
      answer.on('end', () => {
        const rest = render.splitter?.end() ?? [];
        render.ended = true;
        finish(render);
        for (const reader of render.readers) {
          write(reader, rest);
          reader.out?.end();
        }
        // Nobody can join an ended render: its body is no longer needed.
        render.pieces = [];
      });
      answer.on('close', () => {
        // Cut off by Next, not by us cancelling a render nobody reads any more.
        if (!answer.complete && render.readers.length > 0) failRender(render, 502, 'the answer was cut off');
      });
    });
    upstreamRequest.on('error', (/** @type {NodeJS.ErrnoException} */ error) => {
      if (render.ended || render.failed || render.readers.length === 0) return;
      // A kept-alive socket Next has just closed: asking again is safe for a GET.
      if (upstreamRequest.reusedSocket && error.code === 'ECONNRESET' && render.status === undefined && !render.retried) {
        render.retried = true;
        send(render);
        return;
      }
      failRender(render, error.code === 'TIMEOUT' ? 504 : 502, String(error.message));
    });
    upstreamRequest.end();
  }

  /**
   * @param {string} key
   * @param {IncomingMessage} request
   * @returns {Render | undefined} undefined when too many are waiting
   */
  function begin(key, request) {
    // The queue also holds renders about to take a free slot: those do not wait.
    if (queue.length >= maxWaiting + Math.max(0, renderers - counts.running)) return undefined;
    /** @type {Render} */
    const render = { key, first: request, pieces: [], ended: false, failed: false, readers: [], holdsSlot: false, retried: false };
    inFlight.set(key, render);
    queue.push(render);
    // Started after the next read of the network, not now: a request read from the buffer of a
    // client that has already hung up is followed by its hang-up, and must not cost a render.
    afterNextRead(startWaiting);
    return render;
  }

  /**
   * @param {IncomingMessage} request
   * @param {ServerResponse} response
   */
  function handle(request, response) {
    const key = sharedRenderKey(request, crawlers);
    if (key === undefined) return direct(request, response);
    const render = inFlight.get(key) ?? begin(key, request);
    if (!render) return fail(response, 503);
    join(render, request, response);
  }

  return Object.assign(handle, { inFlight, queue, counts, close: () => agent.destroy() });
}
