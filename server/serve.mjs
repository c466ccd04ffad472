#!/usr/bin/env node
/**
 * The production server (`npm start`, `npm run serve`): Next's request handler for the built app,
 * behind a front that lets identical page requests arriving together share one render, and runs
 * renders a few at a time in arrival order (shared-render.mjs). Everything else (static files,
 * downloads) goes straight to Next.
 *
 *   node server/serve.mjs [-p PORT] [-H HOST]     # defaults: $PORT or 3000, every interface
 *
 * SURVEY_LENS_RENDERERS sets how many renders run at once (default 2). The build is read from
 * SURVEY_LENS_DIST_DIR (default .next), as next.config.js says. On SIGTERM or SIGINT it stops
 * taking connections, lets the requests in progress finish (up to 10 s), then exits.
 */
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import next from 'next';
import nextConfig from '../next.config.js';
import { markPeer, peerSecret } from './peer.mjs';
import { createSharedRenderHandler } from './shared-render.mjs';
import { namePartWorker } from '../bin/fresh-dist.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const GRACE_MS = 10_000;

/** `-p 3000`, `--port 3000` or `--port=3000`; `-H`/`--hostname` likewise. */
function readOptions(/** @type {string[]} */ args) {
  const value = (/** @type {string} */ short, /** @type {string} */ long) => {
    for (let i = 0; i < args.length; i++) {
      if (args[i] === short || args[i] === long) return args[i + 1];
      if (args[i].startsWith(`${long}=`)) return args[i].slice(long.length + 1);
    }
    return undefined;
  };
  const rawPort = value('-p', '--port') ?? (process.env.PORT || '3000');
  const port = Number(rawPort);
  if (!/^\d+$/.test(rawPort) || port > 65535) throw new Error(`not a port: "${rawPort}"`);
  const rawRenderers = process.env.SURVEY_LENS_RENDERERS;
  const renderers = rawRenderers === undefined || rawRenderers === '' ? undefined : Number(rawRenderers);
  if (renderers !== undefined && (!Number.isInteger(renderers) || renderers < 1))
    throw new Error(`SURVEY_LENS_RENDERERS must be a whole number of at least 1, not "${rawRenderers}"`);
  return { port, hostname: value('-H', '--hostname'), renderers };
}

function listen(/** @type {import('node:http').Server} */ server, /** @type {number} */ port, /** @type {string | undefined} */ hostname) {
  return /** @type {Promise<import('node:net').AddressInfo>} */ (
    new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, hostname, () => {
        server.off('error', reject);
        server.on('error', (error) => console.error(`survey-lens: server error: ${error.message}`));
        resolve(/** @type {import('node:net').AddressInfo} */ (server.address()));
      });
    })
  );
}

async function main() {
  const { port, hostname, renderers } = readOptions(process.argv.slice(2));
  // Before Next starts in this process: the app checks loopback marks against it (peer.mjs).
  const secret = peerSecret();
  // A large survey file is read on two threads when the compiled reader is up to date (lib/store/read-in-two.ts).
  namePartWorker();
  const app = next({ dev: false, dir: root, hostname: hostname ?? 'localhost', port });
  await app.prepare();
  const direct = app.getRequestHandler();

  // Shared renders are asked of Next over a private loopback port, so each arrives as one whole
  // answer. Its kept-alive connections never time out, so no render is sent on a closing socket.
  const renderer = http.createServer(direct);
  renderer.keepAliveTimeout = 0;
  const rendererAddress = await listen(renderer, 0, '127.0.0.1');
  // The crawlers Next renders other HTML for, read as Next reads them (case-insensitive), so the two agree.
  if (!(nextConfig.htmlLimitedBots instanceof RegExp)) throw new Error('next.config.js must set htmlLimitedBots: shared renders are keyed by it');
  const crawlers = new RegExp(nextConfig.htmlLimitedBots.source, 'i');
  const shared = createSharedRenderHandler({ upstream: { host: '127.0.0.1', port: rendererAddress.port }, direct, crawlers, renderers });
  // Who may write is decided from the connection, here, where it is known; the mark is keyed by shared renders.
  const front = http.createServer((request, response) => {
    markPeer(request, secret);
    shared(request, response);
  });
  front.on('upgrade', app.getUpgradeHandler());
  const address = await listen(front, port, hostname);
  console.log(`Survey Lens ready on http://${hostname ?? 'localhost'}:${address.port}`);

  let stopping = false;
  const stop = async (/** @type {NodeJS.Signals} */ signal) => {
    if (stopping) return;
    stopping = true;
    const closed = Promise.all([front, renderer].map((server) => new Promise((resolve) => server.close(resolve))));
    front.closeIdleConnections();
    renderer.closeIdleConnections();
    const grace = new Promise((resolve) => setTimeout(resolve, GRACE_MS).unref());
    await Promise.race([closed, grace]);
    front.closeAllConnections();
    renderer.closeAllConnections();
    shared.close();
    await app.close();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error) => {
  console.error(`survey-lens: failed to start the server: ${error.message}`);
  process.exit(1);
});
