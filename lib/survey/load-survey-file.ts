import { readCsvFile } from '../csv/read-csv-file';
import { buildSurvey, type BuildSurveyOptions } from './build-survey';
import type { Survey } from './types';

/** Reads a `.csv` / `.csv.gz` file and builds its columnar survey. */
export async function loadSurveyFile(file: string, options: Omit<BuildSurveyOptions, 'name'> = {}): Promise<Survey> {
  const text = await readCsvFile(file);
  return buildSurvey(text, { ...options, name: file.split(/[\\/]/).pop() });
}
