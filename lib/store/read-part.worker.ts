/**
 * The second thread of a two-part read (see read-in-two.ts): waits for the first part's layout,
 * reads its own part into columns and hands them back, their typed arrays transferred.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PartLayout } from '../survey/survey-ingest';
import { partBuffers, readPart, type PartOutcome } from './read-part';

const { file, start, end } = workerData as { file: string; start: number; end: number };

parentPort!.once('message', async (layout: PartLayout) => {
  let outcome: PartOutcome;
  try {
    outcome = await readPart(file, start, end, layout);
  } catch (error) {
    outcome = { unusable: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(outcome, partBuffers(outcome));
});
