#!/usr/bin/env node
// Entry point for `npx survey-lens`. Runs the compiled CLI (bin/dist/survey-lens.mjs, built by
// `npm install`'s prepare step or `npm run build`: scripts/build-cli.mjs) when it is there and no
// source it was built from is newer; otherwise compiles the TypeScript through tsx, as before.
// SURVEY_LENS_CLI=tsx forces the TypeScript path.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { namePartWorker } from './fresh-dist.mjs';

/** The bundle, when it exists and is up to date (and SURVEY_LENS_CLI is not tsx). */
function freshBundle() {
  if (process.env.SURVEY_LENS_CLI === 'tsx') return undefined;
  const dist = namePartWorker();
  return dist && path.join(dist, 'survey-lens.mjs');
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
