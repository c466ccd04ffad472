import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildSurvey } from '../../../lib/survey/build-survey';
import { codebookSchema } from '../../../lib/survey/codebook-schema';
import { describeSurvey, inferredCodebook } from '../../../lib/survey/describe-survey';
import type { Survey } from '../../../lib/survey/types';

const FIXTURES = [
  'single-row.csv',
  'kaggle.csv',
  'surveymonkey.csv',
  'todo-2019.csv',
  'todo-2021.csv',
  'qualtrics.csv',
  'qualtrics-legacy.csv',
  'google-forms.csv',
];
const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url)), 'utf8');

/** What a reader sees of each question: id, kind, label and option values and labels. */
const shape = (survey: Survey) =>
  survey.questions.map((q) => ({ id: q.id, kind: q.kind, label: q.label, options: 'options' in q ? q.options.map((o) => [o.value, o.label]) : [] }));

describe('describeSurvey', () => {
  it('describeSurvey(single-row.csv) lists the file, layout and every question with its answered count', () => {
    const survey = buildSurvey(fixture('single-row.csv'));
    const description = describeSurvey(survey, 'single-row.csv');
    expect(description).toMatchObject({
      file: 'single-row.csv',
      layout: { kind: 'single-row', skip: 0, rows: 1 },
      delimiter: ',',
      respondents: 8,
      columns: 8,
      recordsRead: 8,
      issues: [],
    });
    expect(description.questions.map((q) => [q.id, q.kind, q.answered])).toEqual([
      ['ResponseId', 'meta', 8],
      ['Country', 'single', 8],
      ['OrgSize', 'single', 8],
      ['LanguageHaveWorkedWith', 'multi', 7],
      ['JobSat', 'likert', 7],
      ['YearsCode', 'numeric', 6],
      ['ConvertedComp', 'numeric', 5],
      ['Comment', 'text', 1],
    ]);
    expect(description.questions[1]).toEqual({
      id: 'Country',
      label: 'Country',
      kind: 'single',
      options: ['Germany', 'United States', 'India', 'France'],
      reason: 'single: 4 distinct answers',
      respondents: 8,
      answered: 8,
      columns: ['Country'],
      indexes: [1],
    });
    // LanguageHaveWorkedWith: 'Python;SQL' ×3, 'JavaScript;Python;SQL', 'Python', 'SQL', '', 'JavaScript': 4 of 7 answers joined, 3 options.
    expect(description.questions[3]).toMatchObject({ separator: ';', reason: "multi: 4 of 7 answers hold ';'-joined parts from a vocabulary of 3" });
    expect(description.columnKinds.map((column) => [column.index, column.question, column.kind])).toEqual([
      [0, 'ResponseId', 'meta'],
      [1, 'Country', 'single'],
      [2, 'OrgSize', 'single'],
      [3, 'LanguageHaveWorkedWith', 'multi'],
      [4, 'JobSat', 'likert'],
      [5, 'YearsCode', 'numeric'],
      [6, 'ConvertedComp', 'numeric'],
      [7, 'Comment', 'text'],
    ]);
    expect(description.grids).toEqual([]);
    expect(description.questions[5]).not.toHaveProperty('options'); // numeric
  });
});

describe('inferredCodebook', () => {
  it.each(FIXTURES)('inferredCodebook(%s) is a valid codebook', (name) => {
    const codebook = inferredCodebook(buildSurvey(fixture(name)), name);
    const parsed = codebookSchema.safeParse(codebook);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });

  it('inferredCodebook(surveymonkey.csv) states the layout, kinds, single options and multi columns', () => {
    const codebook = inferredCodebook(buildSurvey(fixture('surveymonkey.csv')), 'Tools survey');
    expect(codebook.title).toBe('Tools survey');
    expect(codebook.header).toEqual({ layout: 'question-and-option', skip: 0, rows: 2 });
    expect(codebook.questions?.what_is_your_role).toEqual({ label: 'What is your role?', kind: 'single', options: ['Analyst', 'Engineer', 'Manager'] });
    // multi and ranking keep no options list (their order is by count); they list their columns
    expect(codebook.questions?.which_tools_do_you_use).toEqual({
      label: 'Which tools do you use?',
      kind: 'multi',
      columns: ['Which tools do you use? · Python', 'Which tools do you use? · R', 'Which tools do you use? · Excel'],
    });
  });

  it.each(FIXTURES)('building %s again with its inferred codebook gives the same questions', (name) => {
    const text = fixture(name);
    const first = buildSurvey(text);
    const again = buildSurvey(text, { codebook: codebookSchema.parse(inferredCodebook(first, name)) });
    expect(shape(again)).toEqual(shape(first));
  });
});
