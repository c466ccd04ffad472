import { open } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { PartLayout } from '../survey/survey-ingest';
import type { PartOutcome } from './read-part';

/**
 * Files below this are read by one thread. Measured on two cores (load 1.5): a 28 MB file read in
 * 2.44 s on two threads against 2.35 s on one (the threads slow each other: two collectors, one
 * memory bus, and the worker’s start-up and the merge cost 150–250 ms), 94 MB in 3.5–3.7 s
 * against 4.3 s, 283 MB in 9.9 s against 13.5 s. SURVEY_LENS_SPLIT_FROM (bytes) overrides it.
 */
export const SPLIT_FROM_BYTES = 48 * 1024 * 1024;
/**
 * Files above this are read by one thread too, memory first: at 1M rows (945 MB) two threads read
 * in 26.7–28.4 s against 32.9 s, but their peak RSS was 1,632–1,984 MB (up to 2.1× the file)
 * against 1,585 MB, over the 2× budget. Memory the worker's allocator freed is not taken back by
 * this thread's (glibc keeps an arena per thread: with MALLOC_ARENA_MAX=1 the peak was 1,776 MB).
 */
export const SPLIT_UP_TO_BYTES = 512 * 1024 * 1024;

const splitFrom = () => {
  const given = Number(process.env.SURVEY_LENS_SPLIT_FROM);
  return process.env.SURVEY_LENS_SPLIT_FROM && Number.isFinite(given) && given >= 0 ? given : SPLIT_FROM_BYTES;
};
/**
 * The compiled second-thread reader (bin/dist/read-part-worker.mjs, built with the CLI), as the
 * launchers name it in SURVEY_LENS_PART_WORKER when it is up to date with the sources; none
 * (one thread) otherwise, or when SURVEY_LENS_SPLIT=0.
 */
export function partWorkerFile(): string | undefined {
  const file = process.env.SURVEY_LENS_PART_WORKER;
  if (!file || process.env.SURVEY_LENS_SPLIT === '0' || !existsSync(file)) return undefined;
  return file;
}

/**
 * Where the cut is looked for, as a share of the file: past the middle, because the worker starts
 * later (its own start-up, then the header layout from this thread) and this thread then waited
 * for it (366 ms of 2.4 s idle at 30k rows cut in the middle).
 */
export const CUT_SHARE = 0.55;
const SCAN_BYTES = 4 * 1024 * 1024;
const QUOTE = 0x22;
const NEWLINE = 0x0a;

/**
 * Where a file is cut in two: at the first line break past CUT_SHARE of it with an even number
 * of quote characters before it, which in well-formed CSV is outside every quoted answer (a
 * doubled quote inside one counts two). Counting quotes runs at memory speed (50 ms for 30 MB).
 * Still only a guess, since a stray quote in an unquoted answer breaks the count: the first
 * part's parse ending cleanly there is what proves it. None for small, very large (see
 * SPLIT_UP_TO_BYTES) or gzip files (a gzip stream cannot be entered in the middle), or with no such break.
 */
export async function planSplit(file: string, minBytes = splitFrom()): Promise<{ at: number; size: number } | undefined> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size < minBytes || size < 2 || size > SPLIT_UP_TO_BYTES) return undefined;
    const buffer = Buffer.alloc(Math.min(SCAN_BYTES, size));
    await handle.read(buffer, 0, 2, 0);
    if (buffer[0] === 0x1f && buffer[1] === 0x8b) return undefined;
    const target = Math.floor(size * CUT_SHARE);
    let quotes = 0;
    for (let position = 0; position < size;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
      if (bytesRead === 0) break;
      const view = buffer.subarray(0, bytesRead);
      // Between two quotes the count stands still: past the target, a break there with an even count is the cut.
      let since = 0;
      for (let at = view.indexOf(QUOTE); at !== -1; at = view.indexOf(QUOTE, at + 1)) {
        if (position + at >= target) {
          const cut = evenBreak(view, Math.max(since, target - position), at, quotes);
          if (cut !== undefined) return finishCut(position + cut, size);
        }
        quotes++;
        since = at + 1;
      }
      if (position + bytesRead > target) {
        const cut = evenBreak(view, Math.max(since, target - position), bytesRead, quotes);
        if (cut !== undefined) return finishCut(position + cut, size);
      }
      position += bytesRead;
    }
    return undefined;
  } finally {
    await handle.close();
  }
}

/** The first line break in view[from, to) when the quotes before it are even (none lies between from and to), as the offset just past it. */
function evenBreak(view: Buffer, from: number, to: number, quotes: number): number | undefined {
  if (quotes % 2 !== 0 || from >= to) return undefined;
  const newline = view.subarray(0, to).indexOf(NEWLINE, from);
  return newline === -1 ? undefined : newline + 1;
}

const finishCut = (at: number, size: number) => (at < size ? { at, size } : undefined);

/** A second thread reading bytes `start` to `end`: it starts at once and reads once told the layout. */
export interface PartReader {
  layout(layout: PartLayout): void;
  outcome: Promise<PartOutcome>;
  stop(): void;
}

export function startPartReader(workerFile: string, file: string, start: number, end: number): PartReader {
  const worker = new Worker(/*turbopackIgnore: true*/ workerFile, { workerData: { file, start, end } });
  let told = false;
  const outcome = new Promise<PartOutcome>((resolve) => {
    worker.once('message', (message: PartOutcome) => {
      resolve(message);
      // Its heap (the part's parse, its encoders' uncut arrays) goes now, before this thread's peak (assembling the questions).
      void worker.terminate();
    });
    worker.once('error', (error) => resolve({ unusable: `the second thread failed: ${error.message}` }));
    worker.once('exit', (code) => resolve({ unusable: `the second thread ended (exit ${code})` }));
  });
  return {
    layout(layout) {
      if (told) return;
      told = true;
      worker.postMessage(layout);
    },
    outcome,
    stop: () => void worker.terminate(),
  };
}
