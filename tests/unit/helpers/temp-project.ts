import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, vi } from 'vitest';

/**
 * A throwaway project for the server's store: <tmp>/project is the working folder (its data/ the
 * bundled root, data/_codebooks the overlays), <tmp>/surveys the SURVEY_LENS_DATA folder and
 * <tmp>/cache the parsed-wave cache. Date is faked (only Date) so a test can let the store's
 * 2-second listing expire with vi.setSystemTime. `setup` runs once the folders exist.
 */
export function withTempProject(prefix: string, setup: (tmp: string) => void | Promise<void>): { root: () => string } {
  let tmp = '';
  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    tmp = mkdtempSync(path.join(os.tmpdir(), prefix));
    mkdirSync(path.join(tmp, 'project', 'data', '_codebooks'), { recursive: true });
    mkdirSync(path.join(tmp, 'surveys'), { recursive: true });
    vi.spyOn(process, 'cwd').mockReturnValue(path.join(tmp, 'project'));
    vi.stubEnv('SURVEY_LENS_DATA', path.join(tmp, 'surveys'));
    vi.stubEnv('SURVEY_LENS_CACHE', path.join(tmp, 'cache'));
    vi.stubEnv('SURVEY_LENS_MODE', '');
    await setup(tmp);
  });
  afterAll(async () => {
    // Parsed waves are written to the cache folder in the background: let them land before it goes.
    await new Promise((resolve) => setTimeout(resolve, 500));
    vi.useRealTimers();
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    rmSync(tmp, { recursive: true, force: true });
  });
  return { root: () => tmp };
}
