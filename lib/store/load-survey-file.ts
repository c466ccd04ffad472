import { nodeGunzip, readFileBytes } from './read-csv-file';
import { decodeCsvStream } from '../csv/decode-stream';
import { MAX_CSV_BYTES } from './read-csv-file';
import { buildSurveyFromStream, type BuildSurveyOptions } from '../survey/build-survey';
import type { Survey } from '../survey/types';

/**
 * Reads a `.csv`, `.tsv` (or gzipped) file and builds its columnar survey as the bytes arrive: no
 * whole-file string, so a file is limited by its columns' size, not by the longest string.
 */
export async function loadSurveyFile(file: string, options: Omit<BuildSurveyOptions, 'name'> = {}): Promise<Survey> {
  const name = file.split(/[\\/]/).pop() ?? file;
  const open = () => decodeCsvStream(readFileBytes(file, name, MAX_CSV_BYTES), name, MAX_CSV_BYTES, { gunzip: nodeGunzip });
  const decoded = open();
  // A second read, when needed (a tab-separated file whose quotes broke records), opens the file anew.
  const survey = await buildSurveyFromStream(decoded.pieces, { ...options, name, reread: () => open().pieces });
  survey.issues.unshift(...decoded.issues);
  return survey;
}
