/**
 * The browser review's read, in Node: the same `ReviewSession.read` the Web Worker of /add runs
 * (lib/view/figures/review-session.ts), fed the same 64 KB pieces and gunzipped by the same
 * platform DecompressionStream, so the worker's time (the page's "Read in … s") can be set
 * against the same core here. Median of --reps runs, in one process.
 *
 *   npx tsx scripts/bench/review-read.ts <file.csv|.csv.gz> [--reps 3]
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { MAX_CSV_BYTES } from '../../lib/store/read-csv-file';
import { ReviewSession } from '../../lib/view/figures/review-session';

const args = process.argv.slice(2);
const file = args.find((arg) => !arg.startsWith('--'));
const reps = Number(args[args.indexOf('--reps') + 1] ?? 3) || 3;
if (!file) {
  console.error('usage: npx tsx scripts/bench/review-read.ts <file> [--reps 3]');
  process.exit(2);
}

async function readOnce(): Promise<{ ms: number; respondents: number; questions: number }> {
  const size = statSync(file!).size;
  const source = {
    waveId: 'wave',
    name: path.basename(file!),
    size,
    bytes: () => createReadStream(file!, { highWaterMark: 64 * 1024 }) as AsyncIterable<Uint8Array>,
  };
  const started = performance.now();
  const model = await new ReviewSession().read([source], {}, { maxBytes: MAX_CSV_BYTES });
  return { ms: performance.now() - started, respondents: model.waves[0].respondents, questions: model.questions.length };
}

const runs = [];
for (let i = 0; i < reps; i++) runs.push(await readOnce());
const times = runs.map((run) => run.ms).sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
const bytes = statSync(file).size;
// Throughput of CSV text: a gzipped file's bytes once decompressed.
const text = file.endsWith('.gz') ? gunzipSync(readFileSync(file)).length : bytes;
console.log(
  JSON.stringify({
    file: path.basename(file),
    bytes,
    respondents: runs[0].respondents,
    questions: runs[0].questions,
    ms: times.map(Math.round),
    medianMs: Math.round(median),
    textBytes: text,
    textMbPerSecond: +(text / 1024 / 1024 / (median / 1000)).toFixed(2),
  }),
);
