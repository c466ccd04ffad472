import { open } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { PartLayout } from '../survey/survey-ingest';
import type { PartOutcome } from './read-part';

/** Files below this are read by one thread: a second one takes longer to start than it saves. */
export const SPLIT_FROM_BYTES = 4 * 1024 * 1024;
/** How far past the middle a line break is looked for. */
const SPLIT_WINDOW = 1024 * 1024;

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
 * Where a file is cut in two: just after the first line break past its middle. Only a guess that
 * it is a record boundary (the break may sit inside a quoted answer): the first part's parse
 * ending cleanly there is what proves it. None for small or gzip files (a gzip stream cannot be
 * entered in the middle), or when no line break is near the middle.
 */
export async function planSplit(file: string, minBytes = SPLIT_FROM_BYTES): Promise<{ at: number; size: number } | undefined> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size < minBytes) return undefined;
    const magic = Buffer.alloc(2);
    await handle.read(magic, 0, 2, 0);
    if (magic[0] === 0x1f && magic[1] === 0x8b) return undefined;
    const middle = Math.floor(size / 2);
    const window = Buffer.alloc(Math.min(SPLIT_WINDOW, size - middle));
    const { bytesRead } = await handle.read(window, 0, window.length, middle);
    const newline = window.subarray(0, bytesRead).indexOf(0x0a);
    if (newline === -1 || middle + newline + 1 >= size) return undefined;
    return { at: middle + newline + 1, size };
  } finally {
    await handle.close();
  }
}

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
    worker.once('message', (message: PartOutcome) => resolve(message));
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
