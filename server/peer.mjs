// @ts-check
/**
 * Who is on the other end of a connection, as the app may trust it: every request the front of
 * server/serve.mjs takes loses any `x-survey-lens-peer` header the client sent, and gets
 * `loopback:<secret>` when its connection comes from this machine (127.0.0.0/8, ::1). The secret
 * is this process's own (SURVEY_LENS_PEER_SECRET, made at start), so a client cannot claim to be
 * local; lib/store/write-access.ts lets loopback clients write when no admin token is set.
 */
import { randomBytes } from 'node:crypto';

export const PEER_HEADER = 'x-survey-lens-peer';

/** @param {string | undefined} address */
export function isLoopbackAddress(address) {
  if (!address) return false;
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
  return plain === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(plain);
}

/** The secret loopback marks carry; set once per process, before Next is started in it. */
export function peerSecret() {
  if (!process.env.SURVEY_LENS_PEER_SECRET) process.env.SURVEY_LENS_PEER_SECRET = randomBytes(24).toString('hex');
  return process.env.SURVEY_LENS_PEER_SECRET;
}

/**
 * @param {import('node:http').IncomingMessage} request
 * @param {string} secret
 */
export function markPeer(request, secret) {
  delete request.headers[PEER_HEADER];
  if (isLoopbackAddress(request.socket.remoteAddress)) request.headers[PEER_HEADER] = `loopback:${secret}`;
}
