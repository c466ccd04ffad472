#!/usr/bin/env node
// Entry point for `npx survey-lens`. Runs the compiled CLI (bin/dist/survey-lens.mjs, built by
// `npm install`'s prepare step or `npm run build`: scripts/build-cli.mjs) when it is there and no
// source it was built from is newer; otherwise compiles the TypeScript through tsx, as before.
// SURVEY_LENS_CLI=tsx forces the TypeScript path.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'bin', 'dist', 'survey-lens.mjs');

/** The bundle, when it exists and is at least as new as every project file it was built from. */
function freshBundle() {
  if (process.env.SURVEY_LENS_CLI === 'tsx') return undefined;
  try {
    const built = statSync(bundle).mtimeMs;
    const { inputs } = JSON.parse(readFileSync(path.join(root, 'bin', 'dist', 'inputs.json'), 'utf8'));
    // A deleted or renamed input throws too: the bundle no longer matches the tree.
    for (const input of inputs) if (statSync(path.join(root, input)).mtimeMs > built) return undefined;
    return bundle;
  } catch {
    return undefined;
  }
}

const compiled = freshBundle();
let main;
if (compiled) ({ main } = await import(pathToFileURL(compiled).href));
else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('./cli.ts'));
}
process.exitCode = await main(process.argv.slice(2));
