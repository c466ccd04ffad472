import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isBuildCurrent, STAMP_FILE, stampSources, writeStamp } from '../../../server/build-if-changed.mjs';

/**
 * `npm start` rebuilds only when what the build reads has changed. A small project in a temporary
 * folder, with a file in each kind of input and in each kind of folder the build never reads.
 */
let root: string;

const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
};

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'survey-lens-stamp-'));
  write('app/page.tsx', 'export default function Page() { return null; }\n');
  write('app/[dataset]/page.tsx', 'export default function Dataset() { return null; }\n');
  write('lib/survey/types.ts', 'export type Survey = { size: number };\n');
  write('server/serve.mjs', '// the server\n');
  write('proxy.ts', 'export function proxy() {}\n');
  write('next.config.js', 'export default {};\n');
  write('tsconfig.json', '{}\n');
  write('package.json', '{ "name": "x" }\n');
  write('package-lock.json', '{ "lockfileVersion": 3 }\n');
  write('node_modules/.package-lock.json', '{ "packages": {} }\n');
  write('data/state-of-engineers/2022.csv', 'id,role\n1,Backend\n');
  write('tests/unit/a.test.ts', '// a test\n');
  write('scripts/load.mjs', '// tooling\n');
  write('README.md', '# x\n');
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

const NO_ENV = {};

describe('stampSources', () => {
  it('gives the same stamp for the same sources, whatever their file times', async () => {
    const before = await stampSources(root, NO_ENV);
    utimesSync(path.join(root, 'app/page.tsx'), new Date(2001, 0, 1), new Date(2001, 0, 1));
    writeFileSync(path.join(root, 'lib/survey/types.ts'), 'export type Survey = { size: number };\n');
    expect(await stampSources(root, NO_ENV)).toBe(before);
  });

  it.each([
    ['an edit in app/', () => write('app/page.tsx', 'export default function Page() { return 1; }\n')],
    ['an edit in a nested folder of app/', () => write('app/[dataset]/page.tsx', '// changed\n')],
    ['an edit in lib/', () => write('lib/survey/types.ts', 'export type Survey = { size: 2 };\n')],
    ['an edit in server/', () => write('server/serve.mjs', '// the server, changed\n')],
    ['an edit of proxy.ts', () => write('proxy.ts', 'export function proxy() { return 1; }\n')],
    ['an edit of next.config.js', () => write('next.config.js', 'export default { poweredByHeader: false };\n')],
    ['an edit of tsconfig.json', () => write('tsconfig.json', '{ "compilerOptions": {} }\n')],
    ['an edit of package-lock.json', () => write('package-lock.json', '{ "lockfileVersion": 3, "packages": { "a": {} } }\n')],
    ['a package installed by hand', () => write('node_modules/.package-lock.json', '{ "packages": { "node_modules/next": {} } }\n')],
    ['a new file in app/', () => write('app/icon.svg', '<svg/>\n')],
    ['a new public/ folder', () => write('public/robots.txt', 'User-agent: *\n')],
    ['a new .env file', () => write('.env.production', 'NEXT_PUBLIC_X=1\n')],
    ['a file deleted from lib/', () => rmSync(path.join(root, 'lib/survey/types.ts'))],
    ['a file renamed in lib/', () => renameSync(path.join(root, 'lib/survey/types.ts'), path.join(root, 'lib/survey/model.ts'))],
  ])('changes on %s', async (_, change) => {
    const before = await stampSources(root, NO_ENV);
    change();
    expect(await stampSources(root, NO_ENV)).not.toBe(before);
  });

  it.each([
    ['an edit of a data file', () => write('data/state-of-engineers/2022.csv', 'id,role\n1,Frontend\n')],
    ['a new dataset', () => write('data/kaggle/2022.csv', 'id\n1\n')],
    ['an edit of a test', () => write('tests/unit/a.test.ts', '// a test, changed\n')],
    ['an edit of tooling in scripts/', () => write('scripts/load.mjs', '// tooling, changed\n')],
    ['an edit of the README', () => write('README.md', '# y\n')],
    ['the build folder itself', () => write('.next/BUILD_ID', 'abc\n')],
  ])('stays the same on %s (read at request time, or never by the build)', async (_, change) => {
    const before = await stampSources(root, NO_ENV);
    change();
    expect(await stampSources(root, NO_ENV)).toBe(before);
  });

  it('changes with the variables the build inlines or reads, and no others', async () => {
    const base = { PATH: '/bin', NODE_ENV: 'production' };
    const before = await stampSources(root, base);
    expect(await stampSources(root, { ...base, SURVEY_LENS_DATA: '../shared/data', PORT: '4000', HOME: '/root' })).toBe(before);
    expect(await stampSources(root, { ...base, NEXT_PUBLIC_TITLE: 'Survey Lens' })).not.toBe(before);
    expect(await stampSources(root, { ...base, NODE_ENV: 'development' })).not.toBe(before);
  });
});

describe('isBuildCurrent', () => {
  it('is true only for a build stamped with the same sources', async () => {
    const distDir = path.join(root, '.next');
    const stamp = await stampSources(root, NO_ENV);
    expect(await isBuildCurrent(distDir, stamp)).toBe(false); // no build at all
    write('.next/BUILD_ID', 'abc\n');
    expect(await isBuildCurrent(distDir, stamp)).toBe(false); // a build made by `next build` alone: no stamp
    await writeStamp(distDir, stamp);
    expect(readFileSync(path.join(distDir, STAMP_FILE), 'utf8')).toBe(`${stamp}\n`);
    expect(await isBuildCurrent(distDir, stamp)).toBe(true);
    write('lib/survey/types.ts', 'export type Survey = { size: 3 };\n');
    expect(await isBuildCurrent(distDir, await stampSources(root, NO_ENV))).toBe(false);
    rmSync(path.join(distDir, 'BUILD_ID'));
    expect(await isBuildCurrent(distDir, stamp)).toBe(false); // a stamp without a build (a build that was cleaned away)
  });
});
