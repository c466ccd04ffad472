/**
 * The deployment under attack: the production server (`server/serve.mjs`, the e2e runner's way
 * of starting it) in public mode (`SURVEY_LENS_MODE=public`) on a free port, with the bundled
 * sample and, in a temporary data folder, a copy of it whose codebook opts raw responses in
 * (`publicColumns`: role and job satisfaction; salary marked `private: true`) — the setting
 * attack 8 needs; and a small survey of formula-like answers for the formula-safety guard. With
 * ATTACK_CODEBOOK (a JSON object of codebook settings, e.g. {"publicFields": 2}) the sample is
 * also served under those settings, and that copy is the one attacked. The cell-key secret is
 * fixed for reproducible runs (ATTACK_SECRET overrides it, ATTACK_SECRET=random draws one); the
 * attacker never sees it. Cache folder: the temporary one.
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findFreePort, startServer, stopServer, waitUntilUp } from '../e2e/run-server.mjs';
import { root } from '../e2e/support.mjs';
import { DATASET } from './judge.mjs';

export const OPEN_DATASET = 'attack-open';
/** A small survey whose answers and headers look like spreadsheet formulas (tests/fixtures/formula-labels.csv), raw responses opted in. */
export const FORMULA_DATASET = 'attack-formulas';
/** The sample under the codebook settings of ATTACK_CODEBOOK, when given: then the dataset attacked. */
export const VARIANT_DATASET = 'attack-variant';
export const PUBLIC_COLUMNS = ['role', 'job_satisfaction'];
const DEFAULT_SECRET = 'attack-suite-fixed-secret-issue-21';

/** Codebook settings to attack the sample under (ATTACK_CODEBOOK, JSON merged over the bundled codebook), e.g. {"publicFields": 2}. */
function readOverride() {
  const text = process.env.ATTACK_CODEBOOK;
  if (!text) return undefined;
  const override = JSON.parse(text);
  if (typeof override !== 'object' || override === null || Array.isArray(override)) throw new Error('ATTACK_CODEBOOK is a JSON object of codebook settings');
  return override;
}

/** The bundled sample copied under another name, its codebook changed by `change`. */
function copySample(folder, name, change) {
  const source = path.join(root, 'data', DATASET);
  const target = path.join(folder, name);
  mkdirSync(target, { recursive: true });
  for (const file of readdirSync(source)) if (file.endsWith('.csv')) copyFileSync(path.join(source, file), path.join(target, file));
  const codebook = JSON.parse(readFileSync(path.join(source, 'survey.json'), 'utf8'));
  writeFileSync(path.join(target, 'survey.json'), `${JSON.stringify(change(codebook), null, 2)}\n`);
}

/** The bundled sample again, with raw responses opted in: the publisher's setting attack 8 needs. */
function writeOpenDataset(folder, override) {
  copySample(folder, OPEN_DATASET, (codebook) => ({
    ...codebook,
    ...override,
    title: 'State of Software Engineers, raw responses opted in (attack suite)',
    publicColumns: PUBLIC_COLUMNS,
    questions: { ...codebook.questions, salary_usd: { ...codebook.questions.salary_usd, private: true } },
  }));
}

function writeFormulaDataset(folder) {
  const target = path.join(folder, FORMULA_DATASET);
  mkdirSync(target, { recursive: true });
  copyFileSync(path.join(root, 'tests/fixtures/formula-labels.csv'), path.join(target, '2024.csv'));
  const codebook = { title: 'Formula-like answers (attack suite)', waves: [{ id: '2024', file: '2024.csv' }], publicColumns: ['role', 'team_x', 'comment'] };
  writeFileSync(path.join(target, 'survey.json'), `${JSON.stringify(codebook, null, 2)}\n`);
}

export function chooseSecret() {
  const wanted = process.env.ATTACK_SECRET;
  if (wanted === 'random') return randomBytes(24).toString('hex');
  return wanted && wanted.length >= 16 ? wanted : DEFAULT_SECRET;
}

/** Starts the server; resolves once it answers. `{ base, stop, log, secret }`. */
export async function startPublicServer({ secret = chooseSecret() } = {}) {
  const folder = mkdtempSync(path.join(tmpdir(), 'survey-lens-attack-'));
  const data = path.join(folder, 'data');
  const override = readOverride();
  writeOpenDataset(data, override);
  writeFormulaDataset(data);
  if (override)
    copySample(data, VARIANT_DATASET, (codebook) => ({ ...codebook, ...override, title: 'State of Software Engineers under other settings (attack suite)' }));
  const port = await findFreePort(3200);
  const server = startServer(port, {
    SURVEY_LENS_MODE: 'public',
    SURVEY_LENS_DATA: data,
    SURVEY_LENS_CACHE: path.join(folder, 'cache'),
    SURVEY_LENS_SECRET: secret,
  });
  const base = `http://localhost:${port}`;
  const stop = async () => {
    await stopServer(server);
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    await waitUntilUp(base, server);
  } catch (error) {
    await stop();
    throw error;
  }
  const { log, child } = server;
  return { base, stop, log, secret, child, dataset: override ? VARIANT_DATASET : DATASET };
}
