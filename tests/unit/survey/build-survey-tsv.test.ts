import path from 'node:path';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSurvey } from '../../../lib/survey/build-survey';
import { loadSurveyFile } from '../../../lib/store/load-survey-file';
import { discoverDatasets } from '../../../lib/store/discover-datasets';
import { codebookSchema } from '../../../lib/survey/codebook-schema';
import { requireShared, SHARED } from '../shared-data';

const header = 'when\ttool\tcomment';
const rows = [
  '2018-01-01\t"Native" interactive graphics\tfine',
  '2018-01-02\tggplot2\t"quoted" start',
  '2018-01-03\tshiny\tok',
  '2018-01-04\tplotly\tgood',
  '2018-01-05\tbase\tgreat',
];

describe('buildSurvey on tab-separated text', () => {
  it('buildSurvey(Google Sheets TSV, quotes unescaped) reads all 5 respondents and says it read quotes as text', () => {
    const survey = buildSurvey(`${header}\n${rows.join('\n')}\n`, { name: 'sheet.tsv' });
    expect(survey.size).toBe(5);
    expect(survey.delimiter).toBe('\t');
    const warning = survey.issues.find((issue) => issue.message.startsWith('tab-separated file read without quote handling'));
    expect(warning?.severity).toBe('warning');
    expect(warning?.message).toMatch(/line/);
  });

  it('buildSurvey(Excel TSV, a quoted cell holding a tab and a line break) keeps the quoted read: 3 respondents, no quote warning', () => {
    const text = 'id\tanswer\n1\t"two\tparts"\n2\t"a\nb"\n3\tplain\n';
    const survey = buildSurvey(text, { name: 'excel.tsv' });
    expect(survey.size).toBe(3);
    expect(survey.issues.some((issue) => issue.message.includes('without quote handling'))).toBe(false);
    expect(Array.from(survey.lines)).toEqual([2, 3, 5]);
  });

  it('buildSurvey(TSV with a quote that breaks records and lines of differing widths) keeps the quoted read and its errors', () => {
    const text = 'a\tb\tc\n1\t"x\t3\n4\t5\n6\t7\t8\n';
    let issues: { message: string }[] = [];
    try {
      issues = buildSurvey(text, { name: 'broken.tsv' }).issues;
    } catch (error) {
      issues = (error as { issues: { message: string }[] }).issues;
    }
    expect(issues.some((issue) => issue.message.includes('without quote handling'))).toBe(false);
    expect(issues.some((issue) => /quote|fields/.test(issue.message))).toBe(true);
  });
});

describe('.tsv files as waves', () => {
  it('codebookSchema accepts a wave file "2018/Form Responses 1.tsv" and a .tsv.gz', () => {
    expect(
      codebookSchema.safeParse({
        waves: [
          { id: '2018', file: '2018/Form Responses 1.tsv' },
          { id: '2019', file: 'r.tsv.gz' },
        ],
      }).success,
    ).toBe(true);
  });
});

const LEARNING_R = path.join(SHARED, 'exports/rcommunity2018_gforms_tsv');
if (requireShared('the Learning R 2018 TSV test', LEARNING_R)) {
  describe('Learning R Internet Survey 2018 (Google Sheets TSV, nothing quoted)', () => {
    it('loadSurveyFile reads 3,062 respondents in 43 columns (the README and Python csv QUOTE_NONE both say 3,062), with the quote warning', async () => {
      const survey = await loadSurveyFile(path.join(LEARNING_R, 'Learning R Internet Survey - Form Responses 1.tsv'));
      expect(survey.size).toBe(3062);
      expect(survey.recordsRead).toBe(3062);
      expect(survey.columnCount).toBe(43);
      expect(survey.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
      expect(survey.issues.some((issue) => issue.message.startsWith('tab-separated file read without quote handling'))).toBe(true);
    });

    it('discoverDatasets lists the folder as a dataset whose one wave is the .tsv file (no year in its path: named by the file)', () => {
      const datasets = discoverDatasets([{ dir: path.join(SHARED, 'exports'), origin: 'external' }]);
      const dataset = datasets.find((candidate) => candidate.id === 'rcommunity2018_gforms_tsv');
      expect(dataset?.waves.map((wave) => [wave.id, path.basename(wave.path)])).toEqual([
        ['learning-r-internet-survey-form-responses-1', 'Learning R Internet Survey - Form Responses 1.tsv'],
      ]);
      expect(existsSync(dataset!.waves[0].path)).toBe(true);
    });
  });
}
