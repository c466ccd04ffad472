import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSurveyFile } from '../../../lib/store/load-survey-file';
import { SurveyFileError } from '../../../lib/survey/survey-file-error';
import type { Question, Survey } from '../../../lib/survey/types';
import { requireShared, SHARED } from '../shared-data';
import { selectAll } from '../../../lib/analysis/selection';
import { questionFigures } from '../../../lib/analysis/question-figures';

/**
 * Every public dataset in ../shared/data loads with the right shape. Expected respondent and
 * column counts come from ../shared/data/README.md; answered counts and option counts were
 * hand-counted with Python's csv module (an independent parser), as noted beside each figure.
 * Data: Stack Overflow Developer Survey (ODbL), Kaggle ML & DS Survey, TODO Group OSPO survey
 * (CC-BY-SA 4.0), Thai Programmer Association / digitalskill.org, Serverless Inc., qualtRics (MIT).
 */
const haveShared = requireShared('the shared-dataset tests');

const loaded = new Map<string, Promise<Survey>>();
function load(file: string): Promise<Survey> {
  if (!loaded.has(file)) loaded.set(file, loadSurveyFile(path.join(SHARED, file)));
  return loaded.get(file)!;
}

function question(survey: Survey, id: string): Question {
  const found = survey.questions.find((q) => q.id === id);
  if (!found) throw new Error(`no question ${id}; have ${survey.questions.map((q) => q.id).join(', ')}`);
  return found;
}

function countOf(survey: Survey, id: string, option: string): number {
  const found = question(survey, id);
  if (found.kind === 'numeric' || found.kind === 'text' || found.kind === 'meta') throw new Error(`${id} is not a choice question`);
  const bucket = questionFigures(found, selectAll(survey.size)).figures.find((b) => b.value === option);
  if (!bucket) throw new Error(`${id} has no option ${option}`);
  return bucket.count;
}

describe.skipIf(!haveShared)('shared datasets load with the published shape', () => {
  it('stackoverflow-2019: 88,883 respondents × 21 columns; LanguageWorkedWith is multi with 87,569 answered', async () => {
    const survey = await load('stackoverflow-2019/survey_results_public_2019_subset21cols.csv.gz');
    expect(survey.size).toBe(88_883);
    expect(survey.columnCount).toBe(21);
    const languages = question(survey, 'LanguageWorkedWith');
    expect(languages.kind).toBe('multi');
    expect(languages.answeredCount).toBe(87_569); // README and Python
    expect(countOf(survey, 'LanguageWorkedWith', 'JavaScript')).toBe(59_219); // Python: 'JavaScript' in cell.split(';')
    expect(countOf(survey, 'LanguageWorkedWith', 'Other(s):')).toBeGreaterThan(215); // 215 chose only Other(s):
    // Gender is multi-select although few combine answers; 6,709 ticked Woman (Python).
    expect(question(survey, 'Gender').kind).toBe('multi');
    expect(countOf(survey, 'Gender', 'Woman')).toBe(6_709);
    expect(question(survey, 'CareerSat').kind).toBe('likert');
    expect(question(survey, 'Country').kind).toBe('single');
    expect(question(survey, 'Country').answeredCount).toBe(88_751);
    expect(question(survey, 'ConvertedComp').kind).toBe('numeric');
    expect(question(survey, 'Age').answeredCount).toBe(79_210);
    // The second header is empty and its column blank: dropped with a warning, not a question.
    expect(survey.questions).toHaveLength(20);
    expect(survey.issues.some((issue) => /column 2 has no name and no data/.test(issue.message))).toBe(true);
  });

  it('stackoverflow-2019 likert CareerSat keeps scale order, lowest first', async () => {
    const survey = await load('stackoverflow-2019/survey_results_public_2019_subset21cols.csv.gz');
    const careerSat = question(survey, 'CareerSat');
    expect(careerSat.kind === 'likert' && careerSat.options.map((o) => o.value)).toEqual([
      'Very dissatisfied',
      'Slightly dissatisfied',
      'Neither satisfied nor dissatisfied',
      'Slightly satisfied',
      'Very satisfied',
    ]);
  });

  it('stackoverflow-2022: 73,268 × 5; junk unnamed columns reported, LanguageHaveWorkedWith multi with 70,975 answered', async () => {
    const survey = await load('stackoverflow-2022/survey_results_public_2022_ResponseId_LanguageHaveWorkedWith.csv');
    expect(survey.size).toBe(73_268);
    expect(survey.columnCount).toBe(5);
    expect(question(survey, 'ResponseId').kind).toBe('meta');
    expect(question(survey, 'LanguageHaveWorkedWith').kind).toBe('multi');
    expect(question(survey, 'LanguageHaveWorkedWith').answeredCount).toBe(70_975);
    expect(countOf(survey, 'LanguageHaveWorkedWith', 'Python')).toBe(34_155); // Python csv count
    expect(survey.issues.filter((issue) => /holds values in 42 records/.test(issue.message))).toHaveLength(2);
  });

  it('kaggle-2022: 23,997 × 296 with two header rows; Q12_* is one multi question of 15 options', async () => {
    const survey = await load('kaggle-2022/kaggle_survey_2022_responses.csv.gz');
    expect(survey.layout).toMatchObject({ kind: 'ids-and-text', skip: 0, rows: 2 });
    expect(survey.size).toBe(23_997);
    expect(survey.columnCount).toBe(296);
    const q12 = question(survey, 'Q12');
    expect(q12.kind).toBe('multi');
    expect(q12.source.columns).toHaveLength(15);
    expect(q12.answeredCount).toBe(21_135); // Python: any Q12_ cell non-blank
    expect(countOf(survey, 'Q12', 'Python')).toBe(18_653);
    expect(q12.label).toBe('What programming languages do you use on a regular basis? (Select all that apply)');
    expect(question(survey, 'Q2').kind).toBe('single');
    const duration = question(survey, 'duration_in_seconds');
    expect(duration.kind).toBe('meta');
    // Methodology PDF: the shortest duration is 120 seconds.
    expect(Math.min(...(duration.kind === 'meta' ? duration.values.map(Number) : []))).toBe(120);
  });

  it('kaggle-2018: 23,859 × 395; Q16_Part_* is one multi question of 18 options, Python first', async () => {
    const survey = await load('kaggle-2018/multipleChoiceResponses_2018.csv.gz');
    expect(survey.size).toBe(23_859);
    expect(survey.columnCount).toBe(395);
    const q16 = question(survey, 'Q16');
    expect(q16.kind).toBe('multi');
    expect(q16.source.columns).toHaveLength(18);
    expect(q16.answeredCount).toBe(18_827);
    expect(countOf(survey, 'Q16', 'Python')).toBe(15_711);
    expect(question(survey, 'Q1').kind).toBe('single');
  });

  it('todo-ospo 2018: two header rows grouped into questions; the README figures are reproduced', async () => {
    const survey = await load('todo-ospo/2018/results.csv');
    expect(survey.layout).toMatchObject({ kind: 'question-and-option', skip: 0, rows: 2 });
    expect(survey.size).toBe(748);
    expect(question(survey, 'q5').kind).toBe('multi'); // "on its open source journey? (Check all that apply)"
    expect(question(survey, 'q5').source.columns).toHaveLength(6);
    // "How often does your company do the following activities?" is a grid: one question per row.
    const internal = question(survey, 'q7_2');
    expect(internal.label).toMatch(/Use open source code for noncommercial or internal reasons/);
    expect(internal.kind).toBe('likert');
    expect(internal.answeredCount).toBe(736); // README: 527 of 736
    expect(countOf(survey, 'q7_2', 'Frequently')).toBe(527);
    expect(question(survey, 'q7_3').answeredCount).toBe(738); // README: 405 of 738
    expect(countOf(survey, 'q7_3', 'Frequently')).toBe(405);
    const program = question(survey, 'q9'); // README: 399 of 748 have or plan a program
    expect(program.answeredCount).toBe(748);
    expect(countOf(survey, 'q9', 'Yes') + countOf(survey, 'q9', 'No, but planning one')).toBe(399);
    expect(question(survey, 'q10').kind).toBe('multi'); // its "Other (please specify)" column is split off as text
    expect(question(survey, 'q10_11_text').kind).toBe('text');
  });

  it.each([
    ['todo-ospo/2019/results.csv', 'question-and-option', 1, 2],
    ['todo-ospo/2020/results_2020.csv', 'question-and-option', 0, 2],
    ['todo-ospo/2021/results_2021.csv', 'question-and-option', 0, 2],
    ['todo-ospo/2022/RawData.csv', 'ids-question-and-option', 0, 3],
    ['todo-ospo/2023/RawData.csv', 'ids-question-and-option', 0, 3],
    ['todo-ospo/2024/Raw_Data/raw-data-numeric.csv', 'ids-question-and-option', 0, 3],
  ])('%s has header layout %s (skip %i, %i rows)', async (file, kind, skip, rows) => {
    const survey = await load(file);
    expect(survey.layout).toMatchObject({ kind, skip, rows });
    expect(survey.questions.some((q) => q.kind === 'multi')).toBe(true);
  });

  it('todo-ospo 2020: the 378 fully blank responses are not respondents', async () => {
    const survey = await load('todo-ospo/2020/results_2020.csv');
    expect(survey.size).toBe(1_404 - 378); // 1,406 records − 2 header rows − 378 blank
    expect(survey.issues.some((issue) => issue.message === '378 blank lines ignored')).toBe(true);
  });

  it('thai-developers-2019: 2,389 × 53, Buddhist-era timestamps are meta, Thai labels get q<n> ids', async () => {
    const survey = await load('thai-developers-2019/rawdata.csv');
    expect(survey.size).toBe(2_389);
    expect(survey.columnCount).toBe(53);
    expect(question(survey, 'q1').kind).toBe('meta');
    expect(question(survey, 'q1').label).toBe('ประทับเวลา');
    expect(question(survey, 'q2').kind).toBe('single');
  });

  it('serverless-2020: 581 × 419 with question-over-group headers and no final newline', async () => {
    const survey = await load('serverless-2020/full-results.csv');
    expect(survey.size).toBe(581);
    expect(survey.columnCount).toBe(419);
    expect(survey.layout.kind).toBe('question-and-option');
    expect(survey.questions.some((q) => q.kind === 'multi' && q.source.columns.length > 2)).toBe(true);
  });

  it('qualtrics: the three-row export and the legacy two-row one each give one respondent', async () => {
    const current = await load('qualtrics/qualtRics_sample.csv');
    expect(current.layout.kind).toBe('qualtrics');
    expect(current.size).toBe(1);
    expect(current.columnCount).toBe(20);
    expect(question(current, 'StartDate').kind).toBe('meta');
    const legacy = await load('qualtrics/qualtRics_sample_legacy.csv');
    expect(legacy.layout.kind).toBe('qualtrics-legacy');
    expect(legacy.size).toBe(1);
    expect(question(legacy, 'responseid').label).toBe('ResponseID');
  });

  it('stackoverflow-samples: the Excel-mangled 2019 file is refused with a clear message', async () => {
    await expect(loadSurveyFile(path.join(SHARED, 'stackoverflow-samples/so2019_first997rows_EXCEL_SEMICOLON_MANGLED.csv'))).rejects.toThrow(SurveyFileError);
    await expect(loadSurveyFile(path.join(SHARED, 'stackoverflow-samples/so2019_first997rows_EXCEL_SEMICOLON_MANGLED.csv'))).rejects.toThrow(
      /re-saved by a spreadsheet/,
    );
  });

  it('stackoverflow-samples: the 2023 file cut at 1 MiB keeps 595 whole records and reports the cut-off last one', async () => {
    const survey = await load('stackoverflow-samples/so2023_survey_results_public_first1MiB_TRUNCATED.csv');
    expect(survey.size).toBe(595); // 597 records − header − the cut one
    const truncated = survey.issues.find((issue) => /looks truncated/.test(issue.message));
    expect(truncated?.line).toBe(597); // wc -l counts 596 line breaks and no final one: the cut record is on line 597
  });

  it('stackoverflow-samples: 2025 has 1,000 respondents × 170 columns despite the BOM and LF inside quoted CRLF cells', async () => {
    const survey = await load('stackoverflow-samples/so2025_survey_results_public_first1000rows.csv');
    expect(survey.size).toBe(1_000);
    expect(survey.columnCount).toBe(170);
    expect(survey.questions[0].id).toBe('ResponseId'); // no BOM glued to the first name
  });
});
