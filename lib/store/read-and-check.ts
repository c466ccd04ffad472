import { CsvInputError } from '../csv/csv-input-error';
import type { Codebook } from '../survey/codebook-schema';
import { SurveyFileError } from '../survey/survey-file-error';
import { compareFingerprints, type SurveyFingerprint } from '../survey/survey-fingerprint';
import { fingerprintSurvey } from '../survey/survey-fingerprint';
import type { Survey } from '../survey/types';
import { loadSurveyFile } from './load-survey-file';
import { WriteError } from './write-error';

/**
 * A file read again on the server with the codebook about to be saved, as the store will read it:
 * what the browser's review showed must be what the dashboard will show, or nothing is saved.
 */
export async function readAndCheck(file: string, name: string, codebook: Codebook, shown: SurveyFingerprint | undefined): Promise<Survey> {
  let survey: Survey;
  try {
    survey = await loadSurveyFile(file, { codebook });
  } catch (error) {
    if (error instanceof CsvInputError || error instanceof SurveyFileError) throw new WriteError(422, error.message.split(file).join(name), { cause: error });
    throw error;
  }
  if (!shown) throw new WriteError(400, `The review of ${name} was not sent with the save.`);
  const difference = compareFingerprints(shown, fingerprintSurvey(survey));
  if (difference)
    throw new WriteError(409, `The server read ${name} differently from the review (${difference}): nothing was saved. Reload the page and try again.`);
  return survey;
}
