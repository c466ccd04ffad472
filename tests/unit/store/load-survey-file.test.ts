import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSurveyFile } from '../../../lib/store/load-survey-file';
import { codebookSchema } from '../../../lib/survey/codebook-schema';
import { SurveyFileError } from '../../../lib/survey/survey-file-error';
import { CsvInputError } from '../../../lib/csv/csv-input-error';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'load-survey-'));
  writeFileSync(path.join(dir, 'answers.csv.gz'), gzipSync(Buffer.from('id,answer\n1,Yes\n2,No\n3,Yes\n')));
  writeFileSync(path.join(dir, 'header-only.csv'), 'id,answer\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadSurveyFile', () => {
  it('loadSurveyFile(tests/fixtures/single-row.csv) builds the 8-respondent survey', async () => {
    const survey = await loadSurveyFile(fileURLToPath(new URL('../../fixtures/single-row.csv', import.meta.url)));
    expect(survey.size).toBe(8);
    expect(survey.questions).toHaveLength(8);
  });

  it('loadSurveyFile(answers.csv.gz, { codebook }) decompresses and applies the codebook', async () => {
    const codebook = codebookSchema.parse({ questions: { answer: { label: 'Did it work?' } } });
    const survey = await loadSurveyFile(path.join(dir, 'answers.csv.gz'), { codebook });
    expect(survey.size).toBe(3);
    expect(survey.questions.find((q) => q.id === 'answer')?.label).toBe('Did it work?');
  });

  it('loadSurveyFile names the file, not its folder, in a SurveyFileError', async () => {
    const error = await loadSurveyFile(path.join(dir, 'header-only.csv')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SurveyFileError);
    expect((error as Error).message).toBe('header-only.csv has a header but no usable records.');
  });

  it('loadSurveyFile(missing.csv) rejects with CsvInputError "does not exist"', async () => {
    const error = await loadSurveyFile(path.join(dir, 'missing.csv')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsvInputError);
    expect((error as Error).message).toBe('missing.csv does not exist.');
  });
});
