import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

/** ../shared/data beside the checkout: real public surveys and their published figures (never copied into the repo). */
export const SHARED = path.resolve(__dirname, '../../../shared/data');

/**
 * Whether `folder` (under ../shared/data) is there. Where it is not, the tests that need it are
 * skipped on a developer's machine with a loud message, and under CI (CI=true) a test is
 * registered that fails, so a missing folder can never pass as green.
 */
export function requireShared(what: string, folder = SHARED): boolean {
  if (existsSync(folder)) return true;
  const inCi = process.env.CI === 'true';
  console.warn(`\n!!! ${folder} is missing: ${what} ${inCi ? 'FAIL (CI=true)' : 'are SKIPPED'}. CI must have ../shared/data.\n`);
  it.runIf(inCi)(`${folder} is there under CI=true (${what} must run in CI)`, () => {
    expect(existsSync(folder), `${folder} is missing`).toBe(true);
  });
  return false;
}
