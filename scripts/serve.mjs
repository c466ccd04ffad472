#!/usr/bin/env node
/**
 * The production server (`npm start`, `npm run serve`): Next's request handler for the built app,
 * behind a front that lets identical page requests arriving together share one render
 * (shared-render.mjs). Everything else (static files, downloads) goes straight to Next.
 *
 *   node scripts/serve.mjs [-p PORT] [-H HOST]     # defaults: $PORT or 3000, every interface
 *
 * The build is read from SURVEY_LENS_DIST_DIR (default .next), as next.config.js says.
 */
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import next from 'next';
import { createSharedRenderHandler } from './shared-render.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** @param {string[]} args */
function readOptions(args) {
  const value = (/** @type {string[]} */ ...names) => {
    const at = args.findIndex((arg) => names.includes(arg));
    return at === -1 ? undefined : args[at + 1];
  };
  const port = Number(value('-p', '--port') ?? process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`not a port: ${value('-p', '--port') ?? process.env.PORT}`);
  return { port, hostname: value('-H', '--hostname') ?? process.env.HOSTNAME };
}

/** @param {import('node:http').Server} server @param {number} port @param {string | undefined} hostname */
function listen(server, port, hostname) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, hostname, () => resolve(server.address()));
  });
}

const { port, hostname } = readOptions(process.argv.slice(2));
const app = next({ dev: false, dir: root, hostname: hostname ?? 'localhost', port });
await app.prepare();
const handleByNext = app.getRequestHandler();
const direct = (/** @type {import('node:http').IncomingMessage} */ request, /** @type {import('node:http').ServerResponse} */ response) => handleByNext(request, response);

// Shared renders are asked of Next over a private loopback port, so each arrives as one whole answer.
const renderer = http.createServer(direct);
const rendererAddress = /** @type {import('node:net').AddressInfo} */ (await listen(renderer, 0, '127.0.0.1'));
const front = http.createServer(createSharedRenderHandler({ upstream: { host: '127.0.0.1', port: rendererAddress.port }, direct, renderers: Number(process.env.SURVEY_LENS_RENDERERS) || undefined }));
await listen(front, port, hostname);
console.log(`Survey Lens ready on http://${hostname ?? 'localhost'}:${port}`);

const stop = () => {
  front.close();
  renderer.close();
  front.closeAllConnections();
  renderer.closeAllConnections();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
