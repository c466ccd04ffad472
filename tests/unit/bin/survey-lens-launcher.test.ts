import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';

/**
 * bin/survey-lens.mjs runs the compiled CLI (bin/dist, scripts/build-cli.mjs) only while no
 * source it was built from is newer, and falls back to tsx otherwise. Tried in a throwaway copy
 * whose "bundle" and "sources" each say which one ran, so no file of the checkout is touched.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'launcher-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const past = new Date('2024-01-01T00:00:00Z');
const built = new Date('2024-06-01T00:00:00Z');

function writeProject(): void {
  rmSync(path.join(tmp, 'bin'), { recursive: true, force: true });
  mkdirSync(path.join(tmp, 'bin', 'dist'), { recursive: true });
  if (!existsSync(path.join(tmp, 'node_modules'))) symlinkSync(path.join(root, 'node_modules'), path.join(tmp, 'node_modules'));
  for (const file of ['survey-lens.mjs', 'fresh-dist.mjs']) copyFileSync(path.join(root, 'bin', file), path.join(tmp, 'bin', file));
  const says = (who: string) => `export async function main(argv) { process.stdout.write('${who} ' + argv.join(' ')); return 0; }\n`;
  writeFileSync(path.join(tmp, 'bin', 'cli.ts'), says('tsx'));
  writeFileSync(path.join(tmp, 'bin', 'dist', 'survey-lens.mjs'), says('bundle'));
  writeFileSync(path.join(tmp, 'bin', 'dist', 'inputs.json'), JSON.stringify({ inputs: ['bin/cli.ts', 'package-lock.json'] }));
  writeFileSync(path.join(tmp, 'package.json'), JSON.stringify({ type: 'module' }));
  writeFileSync(path.join(tmp, 'package-lock.json'), '{}');
  for (const file of ['bin/cli.ts', 'package-lock.json']) utimesSync(path.join(tmp, file), past, past);
  utimesSync(path.join(tmp, 'bin', 'dist', 'survey-lens.mjs'), built, built);
}

function run(env: Record<string, string> = {}): string {
  const result = spawnSync(process.execPath, [path.join(tmp, 'bin', 'survey-lens.mjs'), '--help'], {
    encoding: 'utf8',
    env: { ...process.env, SURVEY_LENS_CLI: '', ...env },
  });
  expect(result.stderr).toBe('');
  return result.stdout;
}

describe('bin/survey-lens.mjs', () => {
  beforeEach(writeProject);

  it('survey-lens.mjs with a bundle newer than every input → runs the bundle', () => {
    expect(run()).toBe('bundle --help');
  });

  it('survey-lens.mjs after a source is saved again → runs the sources through tsx', () => {
    utimesSync(path.join(tmp, 'bin', 'cli.ts'), new Date(), new Date());
    expect(run()).toBe('tsx --help');
  });

  it('survey-lens.mjs after package-lock.json changed → runs the sources through tsx', () => {
    utimesSync(path.join(tmp, 'package-lock.json'), new Date(), new Date());
    expect(run()).toBe('tsx --help');
  });

  it('survey-lens.mjs without a bundle → runs the sources through tsx', () => {
    rmSync(path.join(tmp, 'bin', 'dist'), { recursive: true });
    expect(run()).toBe('tsx --help');
  });

  it('survey-lens.mjs when an input of the bundle is gone → runs the sources through tsx', () => {
    writeFileSync(path.join(tmp, 'bin', 'dist', 'inputs.json'), JSON.stringify({ inputs: ['bin/cli.ts', 'bin/gone.ts'] }));
    expect(run()).toBe('tsx --help');
  });

  it('survey-lens.mjs with SURVEY_LENS_CLI=tsx → runs the sources through tsx', () => {
    expect(run({ SURVEY_LENS_CLI: 'tsx' })).toBe('tsx --help');
  });
});

describe.runIf(existsSync(path.join(root, 'bin', 'dist', 'survey-lens.mjs')))('the bundle npm install built', () => {
  const cli = (env: Record<string, string>, ...args: string[]) =>
    spawnSync(process.execPath, [path.join(root, 'bin', 'survey-lens.mjs'), ...args], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, SURVEY_LENS_DATA: '', ...env },
    });

  it.each([
    [['--help']],
    [[]],
    [['schema', 'data/state-of-engineers/2021.csv']],
    [['aggregate', 'state-of-engineers', '--question', 'role', '--by', 'region']],
  ])('survey-lens %j → the same status and output compiled as through tsx', (args) => {
    const compiled = cli({}, ...args);
    const typescript = cli({ SURVEY_LENS_CLI: 'tsx' }, ...args);
    expect(compiled.status).toBe(typescript.status);
    expect(compiled.stdout).toBe(typescript.stdout);
    expect(compiled.stdout.length).toBeGreaterThan(100);
  });
});
