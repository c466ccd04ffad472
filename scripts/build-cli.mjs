#!/usr/bin/env node
/**
 * Compiles the CLI (bin/cli.ts and the lib/ floors it reads) into one ES module,
 * bin/dist/survey-lens.mjs, so `survey-lens --help` starts without compiling TypeScript (tsx
 * took 0.9–1.0 s on every run). Run by `npm install`/`npm ci` (the `prepare` script) and by
 * `npm run build`. Beside the bundle, bin/dist/inputs.json lists the project's source files it
 * was built from: bin/survey-lens.mjs runs the bundle only while none of them is newer than it,
 * and falls back to tsx otherwise, so an edited source is never run stale.
 */
import { rename, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'bin', 'dist');
const building = `${outDir}.building`;

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  // Without esbuild the CLI still runs, through tsx: slower to start, never wrong.
  console.warn('build-cli: esbuild is not installed; survey-lens will run through tsx');
  process.exit(0);
}

const started = performance.now();
// Stamped with the time the build began: a source saved while it ran is newer, so the bundle counts as stale.
const startedAt = new Date();
await rm(building, { recursive: true, force: true });
const result = await esbuild.build({
  absWorkingDir: root,
  entryPoints: { 'survey-lens': 'bin/cli.ts', 'read-part-worker': 'lib/store/read-part.worker.ts' },
  outdir: building,
  outExtension: { '.js': '.mjs' },
  // `--help` loads the entry alone; a command loads its chunks (the store, zod, the statistics) when it runs.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  metafile: true,
  logLevel: 'warning',
  // papaparse and other CommonJS packages call require() for node's modules: give the ES module one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
});
// The project's own sources (not node_modules): an edit to any of them makes the bundle stale.
const inputs = Object.keys(result.metafile.inputs)
  .filter((input) => !input.includes('node_modules/'))
  .sort();
await writeFile(path.join(building, 'inputs.json'), `${JSON.stringify({ inputs: [...inputs, 'package-lock.json'] }, null, 1)}\n`);
await utimes(path.join(building, 'survey-lens.mjs'), startedAt, startedAt);
await rm(outDir, { recursive: true, force: true });
await rename(building, outDir);
console.log(`build-cli: bin/dist/survey-lens.mjs from ${inputs.length} source files in ${Math.round(performance.now() - started)} ms`);
