// @ts-check
/**
 * Identical page requests that arrive while one is being rendered share that render
 * ("request collapsing", as Varnish and CDNs do it), so a burst of readers on one published view
 * costs one render instead of one each. Nothing is kept once a render has been sent: a request
 * that arrives after it gets a new render, so an edited file is never served from here.
 *
 * Only page requests are shared: GET, not a static file, not a download (downloads stream their
 * own rows and stop when their reader leaves). Requests are the same when everything a page may
 * vary by is the same (VARY below), and whether the client is a bot (Next sends bots another
 * HTML). Pages do not read cookies or the language, so those are not part of it.
 *
 * Every sharer gets the same bytes, the Content-Security-Policy nonce included. That is safe: a
 * nonce guards a response against markup injected into it, and a sharer who reads the nonce from
 * its copy learns nothing it could use on another copy, which is the very same bytes, already
 * rendered. The render is asked of the upstream (Next's own handler on a private loopback port)
 * with the first request's headers; it is cancelled when every sharer has gone.
 */
import http from 'node:http';

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */
/** @typedef {Record<string, string | string[]>} Headers */

/** Headers that describe one connection, not the answer; never copied from one hop to the next. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer']);

/**
 * Headers a page may vary by, besides the address: Next's `Vary` (the router headers of a
 * client-side navigation, the encoding), the host it builds addresses from, what the client
 * accepts, and `purpose`, since a prefetch skips proxy.ts and so its Content-Security-Policy: a
 * prefetch must never share its render with a request that should carry one.
 */
const VARY = ['host', 'x-forwarded-host', 'x-forwarded-proto', 'accept', 'accept-encoding', 'purpose', 'rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-url'];

/** Next's list of crawlers that get blocking (non-streamed) metadata: they see other HTML. */
const HTML_LIMITED_BOT = /[\w-]+-Google|Google-[\w-]+|Chrome-Lighthouse|Slurp|DuckDuckBot|baiduspider|yandex|sogou|bitlybot|tumblr|vkShare|quora link preview|redditbot|ia_archiver|Bingbot|BingPreview|applebot|facebookexternalhit|facebookcatalog|Twitterbot|LinkedInBot|Slackbot|Discordbot|WhatsApp|SkypeUriPreview|Yeti|googleweblight/i;

/**
 * The key under which a request may share a render, or undefined when it must have its own.
 * @param {IncomingMessage} request
 * @returns {string | undefined}
 */
export function sharedRenderKey(request) {
  if (request.method !== 'GET' || !request.url) return undefined;
  const pathname = request.url.split('?')[0];
  if (pathname.startsWith('/_next/') || /\/export\/?$/.test(pathname) || request.headers['next-action'] !== undefined) return undefined;
  const bot = HTML_LIMITED_BOT.test(String(request.headers['user-agent'] ?? ''));
  return JSON.stringify([request.url, bot, ...VARY.map((name) => request.headers[name] ?? null)]);
}

/**
 * One render being answered, and everyone waiting for it.
 * @typedef {object} Render
 * @property {string} key
 * @property {string} url
 * @property {Headers} requestHeaders
 * @property {number} [status]
 * @property {Headers} [headers]
 * @property {Buffer[]} chunks
 * @property {boolean} ended
 * @property {boolean} failed
 * @property {Set<ServerResponse>} subscribers
 * @property {import('node:http').ClientRequest} [upstreamRequest] set once the render has a slot and has been asked of the upstream
 * @property {boolean} holdsSlot whether it holds one of the `renderers` slots
 */

/**
 * @typedef {object} SharedRenderOptions
 * @property {{ host: string, port: number }} upstream where renders are asked for: Next's handler on a private port
 * @property {(request: IncomingMessage, response: ServerResponse) => unknown} direct what answers every request that is not shared
 * @property {number} [renderers] how many renders run at once (default 2); the rest wait in arrival order. Renders on one core gain nothing
 *   from running side by side, and a queue served in order keeps the slowest answer close to the
 *   typical one instead of leaving some requests starved behind newer ones.
 */

/**
 * A request handler that shares renders of `upstream` among identical requests and hands every
 * other request to `direct`.
 * @param {SharedRenderOptions} options
 */
export function createSharedRenderHandler({ upstream, direct, renderers = 2 }) {
  /** @type {Map<string, Render>} */
  const inFlight = new Map();
  /** @type {Render[]} */
  const queue = [];
  let running = 0;
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
      running--;
      const next = queue.shift();
      if (next) ask(next);
    }
  }

  /** @param {Render} render @param {ServerResponse} response */
  function subscribe(render, response) {
    render.subscribers.add(response);
    response.on('close', () => {
      render.subscribers.delete(response);
      // Nobody is waiting any more: the render is work for no one.
      if (render.subscribers.size === 0 && !render.ended) {
        finish(render);
        render.upstreamRequest?.destroy();
      }
    });
    if (render.status !== undefined) start(render, response);
  }

  /** @param {Render} render @param {ServerResponse} response */
  function start(render, response) {
    if (render.failed) {
      fail(response);
      return;
    }
    response.writeHead(/** @type {number} */ (render.status), render.headers);
    for (const chunk of render.chunks) response.write(chunk);
    if (render.ended) response.end();
  }

  /** @param {ServerResponse} response */
  function fail(response) {
    if (response.headersSent) {
      response.destroy();
      return;
    }
    response.writeHead(502, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' });
    response.end('The page could not be rendered. Try again.\n');
  }

  /**
   * Asks the upstream for the render, in a slot of its own.
   * @param {Render} render
   */
  function ask(render) {
    running++;
    render.holdsSlot = true;
    const upstreamRequest = http.request({ host: upstream.host, port: upstream.port, method: 'GET', path: render.url, headers: render.requestHeaders, agent });
    render.upstreamRequest = upstreamRequest;
    upstreamRequest.on('response', (answer) => {
      render.status = answer.statusCode ?? 502;
      render.headers = withoutHopByHop(answer.headers);
      for (const response of render.subscribers) start(render, response);
      answer.on('data', (/** @type {Buffer} */ chunk) => {
        render.chunks.push(chunk);
        for (const response of render.subscribers) response.write(chunk);
      });
      answer.on('end', () => {
        render.ended = true;
        finish(render);
        for (const response of render.subscribers) response.end();
      });
      answer.on('error', () => {
        finish(render);
        for (const response of render.subscribers) response.destroy();
      });
    });
    upstreamRequest.on('error', () => {
      finish(render);
      if (render.status !== undefined) {
        for (const response of render.subscribers) response.destroy();
        return;
      }
      render.failed = true;
      render.status = 502;
      for (const response of render.subscribers) fail(response);
    });
    upstreamRequest.end();
  }

  /** @param {string} key @param {IncomingMessage} request @returns {Render} */
  function begin(key, request) {
    /** @type {Render} */
    const render = {
      key,
      url: request.url ?? '/',
      requestHeaders: withoutHopByHop(request.headers),
      chunks: [],
      ended: false,
      failed: false,
      subscribers: new Set(),
      holdsSlot: false,
    };
    inFlight.set(key, render);
    if (running < renderers) ask(render);
    else queue.push(render);
    return render;
  }

  /** @param {IncomingMessage} request @param {ServerResponse} response */
  function handle(request, response) {
    const key = sharedRenderKey(request);
    if (key === undefined) return direct(request, response);
    const render = inFlight.get(key) ?? begin(key, request);
    subscribe(render, response);
  }

  return Object.assign(handle, { inFlight, queue, close: () => agent.destroy() });
}

/**
 * @param {IncomingMessage['headers']} headers
 * @returns {Headers}
 */
function withoutHopByHop(headers) {
  /** @type {Headers} */
  const kept = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined && !HOP_BY_HOP.has(name)) kept[name] = value;
  return kept;
}
