import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { configureCellKeys } from '../analysis/cell-key';

/**
 * The secret behind public mode's record keys (lib/analysis/cell-key): SURVEY_LENS_SECRET, else a
 * random one kept in the cache folder (created once, readable by the server's user only), so the
 * noise of a cell stays the same across restarts — noise that changed would average away.
 */
export function configureCellKeySecret(cacheFolder: string, fromEnv = process.env.SURVEY_LENS_SECRET): void {
  if (fromEnv && fromEnv.length >= 16) return configureCellKeys(fromEnv);
  const file = path.join(cacheFolder, 'cell-key.secret');
  let secret: string;
  try {
    secret = readFileSync(file, 'utf8').trim();
  } catch {
    secret = '';
  }
  if (secret.length < 16) {
    secret = randomBytes(32).toString('hex');
    try {
      mkdirSync(cacheFolder, { recursive: true });
      writeFileSync(file, secret, { flag: 'wx', mode: 0o600 });
      chmodSync(file, 0o600);
    } catch {
      // Another process wrote it first (read that one), or the disk is read-only (this process's secret stands).
      try {
        const written = readFileSync(file, 'utf8').trim();
        if (written.length >= 16) secret = written;
      } catch {
        // keep ours
      }
    }
  }
  configureCellKeys(secret);
}
