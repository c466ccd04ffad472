import { nodeGunzip, readFileBytes } from '../csv/read-csv-file';
import { decodeCsvStream } from '../csv/decode-stream';
import { MAX_CSV_BYTES } from '../csv/read-csv-file';
import { buildSurveyFromStream, type BuildSurveyOptions } from './build-survey';
import type { Survey } from './types';

/**
 * Reads a `.csv` / `.csv.gz` file and builds its columnar survey as the bytes arrive: no
 * whole-file string, so a file is limited by its columns' size, not by the longest string.
 */
export async function loadSurveyFile(file: string, options: Omit<BuildSurveyOptions, 'name'> = {}): Promise<Survey> {
  const name = file.split(/[\\/]/).pop() ?? file;
  const decoded = decodeCsvStream(readFileBytes(file, name, MAX_CSV_BYTES), name, MAX_CSV_BYTES, { gunzip: nodeGunzip });
  const survey = await buildSurveyFromStream(decoded.pieces, { ...options, name });
  survey.issues.unshift(...decoded.issues);
  return survey;
}
