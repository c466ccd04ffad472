#!/usr/bin/env node
// @ts-check
/**
 * The first half of `npm start`: runs `next build` only when what the build reads has changed
 * since the last build made here, so a restart, or a switch of data folders, serves at once.
 *
 *   node server/build-if-changed.mjs     # then: node server/serve.mjs
 *
 * What the build reads (BUILD_INPUTS): the app's code (app/, lib/, server/, public/, proxy.ts),
 * its settings (next.config.js, tsconfig.json, .env files, NODE_ENV and NEXT_PUBLIC_* variables)
 * and its packages (package.json, package-lock.json and npm's record of what is installed). Their
 * bytes are hashed, not their times, so a checkout that leaves a file as it was does not rebuild.
 *
 * The data folders are left out on purpose: every page and route reads them at request time
 * (`next build` lists all of them as dynamic, ƒ), so SURVEY_LENS_DATA and the files in data/ never
 * change a build. A page made static at build time would have to add its data to BUILD_INPUTS.
 *
 * The stamp is written into the build folder after a build that succeeded. `next build` empties
 * that folder when it starts, so a build made any other way (`npx next build`, `npm test`) leaves
 * no stamp, and the next `npm start` builds once more rather than trust a build it did not see.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Folders and files (relative to the project) whose bytes the build's output depends on. */
export const BUILD_INPUTS = {
  folders: ['app', 'lib', 'server', 'public'],
  files: [
    'proxy.ts',
    'next.config.js',
    'tsconfig.json',
    'package.json',
    'package-lock.json',
    // npm's record of the installed tree: a package installed by hand changes it, the lockfile not.
    'node_modules/.package-lock.json',
    '.env',
    '.env.local',
    '.env.production',
    '.env.production.local',
  ],
};

/** The stamp's file name inside the build folder. */
export const STAMP_FILE = 'survey-lens-sources';

/** Variables the build reads: Next inlines NEXT_PUBLIC_* into the bundles, and NODE_ENV chooses its mode. */
const isBuildVariable = (/** @type {string} */ name) => name === 'NODE_ENV' || name.startsWith('NEXT_PUBLIC_');

/**
 * Every file of BUILD_INPUTS that exists, as a path relative to `root` with `/` separators, sorted.
 * @param {string} root
 */
async function listInputs(root) {
  /** @type {string[]} */
  const found = [];
  for (const folder of BUILD_INPUTS.folders) {
    let entries;
    try {
      entries = await readdir(path.join(root, folder), { recursive: true, withFileTypes: true });
    } catch {
      continue; // no such folder: nothing of it to build
    }
    for (const entry of entries) if (entry.isFile()) found.push(path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
  }
  for (const file of BUILD_INPUTS.files) if (existsSync(path.join(root, file))) found.push(file);
  return found.sort();
}

/**
 * A hash of everything the build reads: each input file's path and bytes, and the build variables.
 * @param {string} root the project folder
 * @param {Record<string, string | undefined>} [env]
 * @returns {Promise<string>}
 */
export async function stampSources(root, env = process.env) {
  const stamp = createHash('sha256');
  for (const file of await listInputs(root)) {
    const bytes = createHash('sha256')
      .update(await readFile(path.join(root, file)))
      .digest('hex');
    stamp.update(`file ${file} ${bytes}\n`);
  }
  for (const name of Object.keys(env).filter(isBuildVariable).sort()) stamp.update(`env ${name}=${env[name]}\n`);
  return stamp.digest('hex');
}

/**
 * Whether the build in `distDir` was made by this script from sources with this stamp.
 * @param {string} distDir
 * @param {string} stamp
 */
export async function isBuildCurrent(distDir, stamp) {
  if (!existsSync(path.join(distDir, 'BUILD_ID'))) return false;
  try {
    return (await readFile(path.join(distDir, STAMP_FILE), 'utf8')).trim() === stamp;
  } catch {
    return false;
  }
}

/**
 * Writes the stamp of the sources a build that succeeded was made from.
 * @param {string} distDir
 * @param {string} stamp
 */
export async function writeStamp(distDir, stamp) {
  await writeFile(path.join(distDir, STAMP_FILE), `${stamp}\n`);
}

/** `next build` in `root`, its output shown as it comes; resolves to its exit code. */
function runNextBuild(/** @type {string} */ root) {
  const require = createRequire(path.join(root, 'package.json'));
  const manifest = require('next/package.json');
  const bin = path.join(path.dirname(require.resolve('next/package.json')), typeof manifest.bin === 'string' ? manifest.bin : manifest.bin.next);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'build'], { cwd: root, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main() {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  // The build folder as next.config.js names it (SURVEY_LENS_DIST_DIR, else .next).
  const { default: nextConfig } = await import(pathToFileURL(path.join(root, 'next.config.js')).href);
  const distDir = path.resolve(root, nextConfig.distDir ?? '.next');
  // Stamped before the build: a file edited while it runs makes the next start build again.
  const stamp = await stampSources(root);
  if (await isBuildCurrent(distDir, stamp)) {
    console.log(`survey-lens: the sources are as built in ${path.relative(root, distDir)}/: not rebuilding.`);
    return 0;
  }
  console.log(`survey-lens: the sources changed since the last build (or it was made another way): building.`);
  const code = await runNextBuild(root);
  if (code === 0) await writeStamp(distDir, stamp);
  return code;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await main().catch((error) => {
    console.error(`survey-lens: could not build: ${error.message}`);
    return 1;
  });
}
