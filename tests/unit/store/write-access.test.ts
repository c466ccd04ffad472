import { describe, expect, it } from 'vitest';
import { checkOrigin, writeAccess } from '@/lib/store/write-access';

const headers = (values: Record<string, string>) => new Headers(values);
const SECRET = 'per-process-secret';
const LOOPBACK = { 'x-survey-lens-peer': `loopback:${SECRET}` };

describe('writeAccess', () => {
  it.each([
    ['public mode: nobody, as if the page did not exist', { SURVEY_LENS_MODE: 'public', SURVEY_LENS_PEER_SECRET: SECRET }, LOOPBACK, 404],
    ['no token: a loopback client marked by server/serve.mjs', { SURVEY_LENS_PEER_SECRET: SECRET }, LOOPBACK, undefined],
    ['no token: a remote client', { SURVEY_LENS_PEER_SECRET: SECRET }, {}, 403],
    ['no token: a forged loopback mark', { SURVEY_LENS_PEER_SECRET: SECRET }, { 'x-survey-lens-peer': 'loopback:guess' }, 403],
    ['no token, no server secret (next start): even a loopback mark', {}, { 'x-survey-lens-peer': 'loopback:' }, 403],
    ['a token: loopback alone is not enough', { SURVEY_LENS_ADMIN_TOKEN: 'tok', SURVEY_LENS_PEER_SECRET: SECRET }, LOOPBACK, 401],
    ['a token: the Authorization header', { SURVEY_LENS_ADMIN_TOKEN: 'tok' }, { authorization: 'Bearer tok' }, undefined],
    ['a token: the sign-in cookie', { SURVEY_LENS_ADMIN_TOKEN: 'tok' }, { cookie: 'theme=dark; survey-lens-admin=tok' }, undefined],
    ['a token: a wrong one', { SURVEY_LENS_ADMIN_TOKEN: 'tok' }, { authorization: 'Bearer tok2' }, 401],
  ])('%s', (_name, env, given, status) => {
    const access = writeAccess(headers(given), env as NodeJS.ProcessEnv);
    if (status === undefined) expect(access).toEqual({ allowed: true });
    else expect(access).toMatchObject({ allowed: false, status });
  });
});

describe('checkOrigin', () => {
  it.each([
    ['the page itself', { host: 'localhost:3000', origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin' }, true],
    ['another site', { host: 'localhost:3000', origin: 'https://evil.example' }, false],
    ['another port of this host', { host: 'localhost:3000', origin: 'http://localhost:4000' }, false],
    ['a cross-site fetch that hides its Origin', { host: 'localhost:3000', 'sec-fetch-site': 'cross-site' }, false],
    ['no Origin and no Authorization (a form from nowhere)', { host: 'localhost:3000' }, false],
    ['no Origin, with Authorization (a script)', { host: 'localhost:3000', authorization: 'Bearer t' }, true],
    ['a null Origin (sandboxed frame)', { host: 'localhost:3000', origin: 'null' }, false],
  ])('%s', (_name, given, accepted) => {
    expect(checkOrigin(headers(given)) === undefined).toBe(accepted);
  });
});
