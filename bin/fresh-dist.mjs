// Whether the compiled CLI and its second-thread reader (bin/dist, built by scripts/build-cli.mjs)
// are up to date with the sources they were built from. Read by the CLI's launcher and by the
// server, which then name the reader in SURVEY_LENS_PART_WORKER (lib/store/read-in-two.ts).
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'bin', 'dist');

/** bin/dist, when it exists and is at least as new as every project file it was built from. */
export function freshDist() {
  try {
    const built = statSync(path.join(dist, 'survey-lens.mjs')).mtimeMs;
    const { inputs } = JSON.parse(readFileSync(path.join(dist, 'inputs.json'), 'utf8'));
    // A deleted or renamed input throws too: the bundle no longer matches the tree.
    for (const input of inputs) if (statSync(path.join(root, input)).mtimeMs > built) return undefined;
    return dist;
  } catch {
    return undefined;
  }
}

/** Names the second-thread reader for lib/store/read-in-two.ts when bin/dist is fresh (unless one is named already). */
export function namePartWorker() {
  const fresh = freshDist();
  if (fresh && !process.env.SURVEY_LENS_PART_WORKER) process.env.SURVEY_LENS_PART_WORKER = path.join(fresh, 'read-part-worker.mjs');
  return fresh;
}

/** Builds bin/dist again (scripts/build-cli.mjs) when it is missing or older than a source: the tests and the benchmark run the code as it is. */
export function buildDistIfStale() {
  if (!freshDist()) execFileSync(process.execPath, [path.join(root, 'scripts', 'build-cli.mjs')], { stdio: 'inherit' });
}
