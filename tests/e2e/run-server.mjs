/**
 * Starting and stopping the production server (server/serve.mjs) for the browser journeys: the
 * runner's one server, and the few journeys that need a server of their own (another mode, an
 * admin token, other limits).
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { dataEnv, root, uploadsDir } from './support.mjs';

function canListen(port) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '0.0.0.0', () => probe.close(() => resolve(true)));
  });
}

/** A free port in from–from+99 (shared machine: others use 3000, the e2e runner 3100–3199, the attack suite 3200–3299). */
export async function findFreePort(from = 3100) {
  for (let port = from + Math.floor(Math.random() * 50); port < from + 100; port++) if (await canListen(port)) return port;
  throw new Error(`no free port in ${from}–${from + 99}`);
}

/** The production server on `port` with the run's data and uploads folders; `env` adds or overrides variables (a journey's own server). */
export function startServer(port, overrides = {}) {
  const env = {
    ...process.env,
    ...(dataEnv ? { SURVEY_LENS_DATA: dataEnv } : {}),
    SURVEY_LENS_UPLOADS: uploadsDir,
    NEXT_TELEMETRY_DISABLED: '1',
    ...overrides,
  };
  const child = spawn(process.execPath, [path.join(root, 'server/serve.mjs'), '-p', String(port)], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const log = [];
  child.stdout.on('data', (chunk) => log.push(String(chunk)));
  child.stderr.on('data', (chunk) => log.push(String(chunk)));
  return { child, log };
}

/** SIGTERM to the server's process group, SIGKILL if it has not exited within 5 s. */
export async function stopServer(server) {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  const signal = (name) => {
    try {
      process.kill(-server.child.pid, name);
    } catch {
      server.child.kill(name);
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

export async function waitUntilUp(base, server, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`the server exited (${server.child.exitCode}):\n${server.log.join('')}`);
    try {
      const response = await fetch(`${base}/icon.svg`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`server did not answer within ${timeoutMs / 1000}s`);
}
