import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeQuestions, readPublisherSchema } from '../../../lib/survey/publisher-schema';
import { discoverDatasets } from '../../../lib/store/discover-datasets';
import { loadSurveyFile } from '../../../lib/store/load-survey-file';
import { requireShared, SHARED } from '../shared-data';

describe('readPublisherSchema on small hand-written files', () => {
  it('Stack Overflow 2020–2021 "Column,QuestionText": the text per column, a short label when the text is short', () => {
    const questions = readPublisherSchema(
      'Column,QuestionText\nAge,What is your age (in years)?\nEdLevel,"Which of the following best describes the highest level of formal education that you’ve completed? Choose the closest."\n',
    );
    expect(questions.Age).toEqual({ text: 'What is your age (in years)?', label: 'What is your age (in years)?' });
    // 131 characters: the label is the first sentence, the text all of it.
    expect(questions.EdLevel.label).toBe('Which of the following best describes the highest level of formal education that you’ve completed?');
    expect(questions.EdLevel.text).toMatch(/Choose the closest\.$/);
  });

  it('Stack Overflow 2022+ "qid,qname,question,…": HTML removed; 2025 rows of one group (sub, sq_id) give the stem its text', () => {
    const text = [
      '"qid","qname","question","type","sub","sq_id"',
      '"QID2","MainBranch","<p>Which of the following options <strong>best</strong> describes you today?</p>","MC","",""',
      '"QID18","TechEndorse_1","What attracts you to a technology?","RO","AI integration","1"',
      '"QID18","TechEndorse_2","What attracts you to a technology?","RO","Easy-to-use API","2"',
    ].join('\n');
    const questions = readPublisherSchema(text);
    expect(questions.MainBranch.text).toBe('Which of the following options best describes you today?');
    expect(questions.TechEndorse).toEqual({ text: 'What attracts you to a technology?', label: 'What attracts you to a technology?' });
    expect(questions.TechEndorse_1).toBeUndefined();
  });

  it('mergeQuestions: the dataset codebook wins field by field over the publisher', () => {
    expect(mergeQuestions({ Age: { label: 'Age' } }, { Age: { text: 'What is your age?', label: 'What is your age?' } })).toEqual({
      Age: { text: 'What is your age?', label: 'Age' },
    });
  });
});

describe('one wave exported twice, as codes and as labels', () => {
  it('discovery keeps the labelled file as the wave and leaves the coded twin out (TODO Group 2024 layout)', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'survey-lens-twins-'));
    const dir = path.join(root, 'ospo', '2024', 'Raw_Data');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'raw-data-numeric.csv'), 'q1\n1\n2\n');
    writeFileSync(path.join(dir, 'raw-data-text.csv'), 'q1\nYes\nNo\n');
    const [dataset] = discoverDatasets([{ dir: root, origin: 'external' }]);
    expect(dataset.waves.map((wave) => [wave.id, path.basename(wave.path)])).toEqual([['2024', 'raw-data-text.csv']]);
  });
});

const haveShared = requireShared('the publisher-schema tests');

describe.skipIf(!haveShared)('publisher schemas in ../shared/data', () => {
  it('Stack Overflow 2020 schema: MainBranch has its question text', () => {
    const questions = readPublisherSchema(readFileSync(path.join(SHARED, 'stackoverflow-samples/survey_results_schema_2020.csv'), 'utf8'));
    expect(questions.MainBranch.text).toBe('Which of the following options best describes you today? Here, by "developer" we mean "someone who writes code."');
  });

  it('TODO Group 2022 reference model: Q2 "How many people work for your organization?" has the codes 1–8 labelled', () => {
    const questions = readPublisherSchema(readFileSync(path.join(SHARED, 'todo-ospo/2022/Data-SurveyReferenceModel.csv'), 'utf8'));
    expect(questions.Q2.text).toMatch(/^How many people work for your organization\?/);
    expect(questions.Q2.valueLabels).toEqual({
      '1': 'Under 10',
      '2': '11 to 49',
      '3': '50 to 249',
      '4': '250 to 999',
      '5': '1,000 to 9,999',
      '6': '10,000 to 19,999',
      '7': '20,000 or more',
      '8': 'I am currently unemployed, a full-time student or retired',
    });
  });

  it('the TODO 2022 wave is read with its reference model: Q2 is a single choice of labelled sizes, not a number from 1 to 8', async () => {
    const datasets = discoverDatasets([{ dir: SHARED, origin: 'external', codebooks: path.resolve(__dirname, '../../../data/_codebooks') }]);
    const wave = datasets.find((dataset) => dataset.id === 'todo-ospo')!.waves.find((candidate) => candidate.id === '2022')!;
    expect(wave.schema).toBe('2022/Data-SurveyReferenceModel.csv');
    const survey = await loadSurveyFile(wave.path, { codebook: wave.codebook });
    const size = survey.questions.find((question) => question.id === 'Q2')!;
    expect(size.kind).toBe('single');
    expect(size.kind === 'single' && size.options.map((option) => option.label).slice(0, 3)).toEqual(['Under 10', '11 to 49', '50 to 249']);
  });
});
