import { timingSafeEqual } from 'node:crypto';

/**
 * Who may add, edit and delete surveys. Public mode: nobody, and the pages and endpoints do not
 * exist (404). Analyst mode: with SURVEY_LENS_ADMIN_TOKEN set, whoever presents the token (an
 * `Authorization: Bearer` header, or the cookie the sign-in form sets); without it, clients on
 * this machine only (loopback), as the production server (server/serve.mjs) marks them.
 */
export type WriteAccess = { allowed: true } | { allowed: false; status: 401 | 403 | 404; reason: string; signIn: boolean };

/** The cookie the sign-in form sets: the token itself, HttpOnly, SameSite=Strict. */
export const ADMIN_COOKIE = 'survey-lens-admin';
/**
 * Set by server/serve.mjs on every request it takes, after removing any the client sent:
 * `loopback:<secret>` when the connection comes from 127.0.0.0/8 or ::1. The secret is made by
 * that process at start (SURVEY_LENS_PEER_SECRET), so the header cannot be forged from outside,
 * and under a server that does not set it (next start, next dev) no client counts as loopback.
 */
export const PEER_HEADER = 'x-survey-lens-peer';

interface HeaderSource {
  get(name: string): string | null;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValue(cookies: string | null, name: string): string | undefined {
  for (const part of (cookies ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) {
      try {
        return decodeURIComponent(rest.join('='));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

export function isPublicServer(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.SURVEY_LENS_MODE === 'public';
}

/** Whether the request presents the admin token (header or cookie). */
function presentsToken(headers: HeaderSource, token: string): boolean {
  const bearer = /^Bearer\s+(.+)$/i.exec(headers.get('authorization') ?? '')?.[1]?.trim();
  const cookie = cookieValue(headers.get('cookie'), ADMIN_COOKIE);
  return [bearer, cookie].some((given) => given !== undefined && sameSecret(given, token));
}

export function isLoopbackPeer(headers: HeaderSource, env: NodeJS.ProcessEnv = process.env): boolean {
  const secret = env.SURVEY_LENS_PEER_SECRET;
  return Boolean(secret) && sameSecret(headers.get(PEER_HEADER) ?? '', `loopback:${secret}`);
}

/** Whether this request may write, and if not, what it is told. */
export function writeAccess(headers: HeaderSource, env: NodeJS.ProcessEnv = process.env): WriteAccess {
  if (isPublicServer(env)) return { allowed: false, status: 404, reason: 'Not found.', signIn: false };
  const token = env.SURVEY_LENS_ADMIN_TOKEN;
  if (token) {
    if (presentsToken(headers, token)) return { allowed: true };
    return { allowed: false, status: 401, reason: 'Adding and editing surveys needs the admin token: sign in with it.', signIn: true };
  }
  if (isLoopbackPeer(headers, env)) return { allowed: true };
  return {
    allowed: false,
    status: 403,
    reason:
      'Adding and editing surveys is open to this machine only (a loopback address, through npm start). To allow it from elsewhere, start the server with SURVEY_LENS_ADMIN_TOKEN set.',
    signIn: false,
  };
}

/**
 * A write must come from this site's own pages: a browser sends `Origin` with every POST, PUT and
 * DELETE, and a form or script on another site sends its own. A request without `Origin` is
 * accepted only with an `Authorization` header (a script, not a browser: no cookie rides along).
 */
export function checkOrigin(headers: HeaderSource): string | undefined {
  const origin = headers.get('origin');
  const site = headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return `a write from another site (${site}) is refused`;
  if (origin === null) return headers.get('authorization') ? undefined : 'a write without an Origin header is refused (send Authorization from a script)';
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return `the Origin "${origin.slice(0, 80)}" is not an address`;
  }
  const own = headers.get('host');
  return host === own ? undefined : `a write from ${origin.slice(0, 80)} is refused: only this site's pages may write`;
}
