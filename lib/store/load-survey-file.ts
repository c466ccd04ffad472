import { nodeGunzip, readFileBytes } from './read-csv-file';
import { decodeCsvStream } from '../csv/decode-stream';
import { MAX_CSV_BYTES } from './read-csv-file';
import { buildSurveyFromStream, type BuildSurveyOptions } from '../survey/build-survey';
import type { Survey } from '../survey/types';
import { partWorkerFile, planSplit, startPartReader, type PartReader } from './read-in-two';
import type { PartOutcome } from './read-part';

type LoadOptions = Omit<BuildSurveyOptions, 'name' | 'reread' | 'onLayout' | 'appendRest'>;

/** The first part was not read to a clean record boundary, or the second part has something to report: read the whole file in one. */
export class ReadWhole extends Error {}

const nameOf = (file: string) => file.split(/[\\/]/).pop() ?? file;
const openWhole = (file: string) => decodeCsvStream(readFileBytes(file, nameOf(file), MAX_CSV_BYTES), nameOf(file), MAX_CSV_BYTES, { gunzip: nodeGunzip });

/** The whole file on this thread. */
export async function loadWhole(file: string, options: LoadOptions = {}): Promise<Survey> {
  const decoded = openWhole(file);
  // A second read, when needed (a tab-separated file whose quotes broke records), opens the file anew.
  const survey = await buildSurveyFromStream(decoded.pieces, { ...options, name: nameOf(file), reread: () => openWhole(file).pieces });
  survey.issues.unshift(...decoded.issues);
  return survey;
}

/**
 * A large file on two cores: this thread reads the first half while a worker reads the second
 * from the first line break past the middle, then the worker's columns are appended to these.
 * The cut is speculative: it is kept only when this thread's parse ends cleanly there (no quote
 * left open, so the break was a record boundary) and the worker's part has nothing to report;
 * otherwise the file is read again in one, so what is kept is always what one read gives.
 */
export async function loadInTwo(file: string, split: { at: number; size: number }, second: PartReader, options: LoadOptions = {}): Promise<Survey> {
  const name = nameOf(file);
  try {
    const decoded = decodeCsvStream(readFileBytes(file, name, MAX_CSV_BYTES, { end: split.at }), name, MAX_CSV_BYTES);
    const survey = await buildSurveyFromStream(decoded.pieces, {
      ...options,
      name,
      reread: () => openWhole(file).pieces,
      onLayout: (layout) => second.layout(layout),
      appendRest: async (ingest, summary) => {
        if (summary.quoteErrors > 0 || !summary.endsWithNewline) throw new ReadWhole('the first part did not end at a record boundary');
        // The second part is read as UTF-8: a file in a legacy encoding is read in one.
        if (decoded.encoding !== 'utf-8') throw new ReadWhole(`the file is in ${decoded.encoding}`);
        ingest.settleLayout();
        const outcome: PartOutcome = await second.outcome;
        if (!('part' in outcome)) throw new ReadWhole(outcome.unusable);
        ingest.appendPart(outcome.part, summary.lines);
        return { ...summary, lines: summary.lines + outcome.lines, endsWithNewline: outcome.endsWithNewline };
      },
    });
    survey.issues.unshift(...decoded.issues);
    return survey;
  } finally {
    second.stop();
  }
}

/**
 * Reads a `.csv`, `.tsv` (or gzipped) file and builds its columnar survey as the bytes arrive: no
 * whole-file string, so a file is limited by its columns' size, not by the longest string. A
 * large plain file is read on two threads when the compiled worker is there (see loadInTwo).
 */
export async function loadSurveyFile(file: string, options: LoadOptions = {}): Promise<Survey> {
  const workerFile = partWorkerFile();
  const split = workerFile ? await planSplit(file).catch(() => undefined) : undefined;
  if (!workerFile || !split) return loadWhole(file, options);
  const trace = process.env.SURVEY_LENS_TRACE?.includes('read') ? (line: string) => console.error(`survey-lens: ${nameOf(file)}: ${line}`) : () => {};
  try {
    const survey = await loadInTwo(file, split, startPartReader(workerFile, file, split.at, split.size), options);
    trace(`read on two threads, cut at byte ${split.at} of ${split.size}`);
    return survey;
  } catch (error) {
    if (!(error instanceof ReadWhole)) throw error;
    trace(`read again on one thread: ${error.message}`);
    return loadWhole(file, options);
  }
}
