import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildSurvey } from '../../../lib/survey/build-survey';
import { codebookSchema } from '../../../lib/survey/codebook-schema';
import { SurveyFileError } from '../../../lib/survey/survey-file-error';
import { countBits, hasBit } from '../../../lib/survey/bitset';
import type { Question, QuestionKind, Survey } from '../../../lib/survey/types';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url)), 'utf8');

function question<K extends QuestionKind>(survey: Survey, id: string, kind: K): Extract<Question, { kind: K }> {
  const found = survey.questions.find((q) => q.id === id);
  if (!found) throw new Error(`no question ${id}; have ${survey.questions.map((q) => q.id).join(', ')}`);
  expect(found.kind, `kind of ${id}`).toBe(kind);
  return found as Extract<Question, { kind: K }>;
}

const kinds = (survey: Survey) => Object.fromEntries(survey.questions.map((q) => [q.id, q.kind]));
const values = (q: { options: { value: string }[] }) => q.options.map((o) => o.value);
/** Respondent indexes whose bit is set. */
const indexes = (bits: Uint32Array, size: number) => Array.from({ length: size }, (_, i) => i).filter((i) => hasBit(bits, i));

function buildError(text: string, name?: string): SurveyFileError {
  try {
    buildSurvey(text, { name });
  } catch (error) {
    expect(error).toBeInstanceOf(SurveyFileError);
    return error as SurveyFileError;
  }
  throw new Error('buildSurvey did not throw');
}

/** Invariants every built survey keeps, whatever the file. */
function expectConsistent(survey: Survey): void {
  for (const q of survey.questions) {
    switch (q.kind) {
      case 'single':
      case 'likert':
        expect(q.codes.length).toBe(survey.size);
        expect(Math.max(0, ...q.codes)).toBeLessThanOrEqual(q.options.length);
        expect(q.answeredCount).toBe(q.codes.filter((code) => code !== 0).length);
        break;
      case 'multi':
        expect(q.answeredCount).toBe(countBits(q.answered));
        // Everyone who chose an option answered.
        for (const bits of q.members) for (let i = 0; i < survey.size; i++) if (hasBit(bits, i)) expect(hasBit(q.answered, i)).toBe(true);
        break;
      case 'numeric':
        expect(q.values.length).toBe(survey.size);
        expect(q.answeredCount).toBe([...q.values].filter((v) => !Number.isNaN(v)).length);
        break;
      default:
        break;
    }
  }
}

describe('buildSurvey(single-row.csv): Stack Overflow style, 8 respondents', () => {
  const survey = buildSurvey(fixture('single-row.csv'));

  it('reads 8 respondents from lines 2-9 with a one-row header and no issues', () => {
    expect(survey.size).toBe(8);
    expect(survey.recordsRead).toBe(8);
    expect(survey.columnCount).toBe(8);
    expect(survey.layout).toMatchObject({ kind: 'single-row', skip: 0, rows: 1 });
    expect(survey.delimiter).toBe(',');
    expect([...survey.lines]).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(survey.issues).toEqual([]);
    expectConsistent(survey);
  });

  it('infers one question per column with the kind its values call for', () => {
    expect(kinds(survey)).toEqual({
      ResponseId: 'meta',
      Country: 'single',
      OrgSize: 'single',
      LanguageHaveWorkedWith: 'multi',
      JobSat: 'likert',
      YearsCode: 'numeric',
      ConvertedComp: 'numeric',
      Comment: 'text',
    });
  });

  it('Country: options by count (Germany 4, United States 2, India 1, France 1) and one code per respondent', () => {
    const country = question(survey, 'Country', 'single');
    expect(values(country)).toEqual(['Germany', 'United States', 'India', 'France']);
    // rows: Germany, United States, Germany, India, Germany, United States, France, Germany
    expect([...country.codes]).toEqual([1, 2, 1, 3, 1, 2, 4, 1]);
    expect(country.answeredCount).toBe(8);
    expect(country.label).toBe('Country');
  });

  it('OrgSize: ranges in numeric order with "I don\'t know" last', () => {
    const size = question(survey, 'OrgSize', 'single');
    expect(values(size)).toEqual(['1-10', '11-50', '201-1,000', '5,001+', "I don't know"]);
    // rows: 11-50, 201-1,000, 1-10, 5,001+, I don't know, 11-50, 201-1,000, 11-50
    expect([...size.codes]).toEqual([2, 3, 1, 4, 5, 2, 3, 2]);
  });

  it('LanguageHaveWorkedWith: ";"-joined multi counts respondents (7), not ticks (12)', () => {
    const languages = question(survey, 'LanguageHaveWorkedWith', 'multi');
    expect(languages.layout).toBe('joined');
    // Python 5 and SQL 5 (tie: Python seen first), JavaScript 2.
    expect(values(languages)).toEqual(['Python', 'SQL', 'JavaScript']);
    expect(indexes(languages.members[0], 8)).toEqual([0, 1, 2, 5, 7]);
    expect(indexes(languages.members[1], 8)).toEqual([0, 1, 3, 5, 7]);
    expect(indexes(languages.members[2], 8)).toEqual([1, 6]);
    expect(indexes(languages.answered, 8)).toEqual([0, 1, 2, 3, 5, 6, 7]); // row 5 blank
    expect(languages.answeredCount).toBe(7);
    expect(languages.members.reduce((ticks, bits) => ticks + countBits(bits), 0)).toBe(12);
  });

  it('JobSat: likert in scale order, lowest first; the blank is code 0', () => {
    const jobSat = question(survey, 'JobSat', 'likert');
    expect(values(jobSat)).toEqual(['Very dissatisfied', 'Neither satisfied nor dissatisfied', 'Slightly satisfied', 'Very satisfied']);
    // rows: Very satisfied, Slightly, Very dissatisfied, Slightly, Neither, Very satisfied, Slightly, (blank)
    expect([...jobSat.codes]).toEqual([4, 3, 1, 3, 2, 4, 3, 0]);
    expect(jobSat.answeredCount).toBe(7);
    expect(jobSat.offScale).toEqual([]);
  });

  it('YearsCode: blank and NA are NaN, never 0; the answer "0" stays 0', () => {
    const years = question(survey, 'YearsCode', 'numeric');
    expect([...years.values]).toEqual([5, 12, NaN, 3, NaN, 20, 0, 8]);
    expect(years.answeredCount).toBe(6);
  });

  it('ConvertedComp: 5 answered, 3 blanks as NaN', () => {
    const comp = question(survey, 'ConvertedComp', 'numeric');
    expect([...comp.values]).toEqual([72000, 150000, NaN, 21000, NaN, NaN, 55000, 64000]);
    expect(comp.answeredCount).toBe(5);
  });

  it('Comment: free text, "" for no answer, 1 answered', () => {
    const comment = question(survey, 'Comment', 'text');
    expect(comment.values.filter((v) => v !== '')).toHaveLength(1);
    expect(comment.values[5]).toMatch(/^I would like the survey/);
    expect(comment.answeredCount).toBe(1);
  });
});

describe('buildSurvey(kaggle.csv): ids over question text, 8 respondents', () => {
  const survey = buildSurvey(fixture('kaggle.csv'));

  it('reads the two header rows and 8 respondents from line 3', () => {
    expect(survey.layout).toMatchObject({ kind: 'ids-and-text', skip: 0, rows: 2 });
    expect(survey.size).toBe(8);
    expect([...survey.lines]).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
    expect(survey.issues).toEqual([]);
    expectConsistent(survey);
  });

  it('names questions by their codes and Q7_Part_1..3 becomes one multi question Q7', () => {
    expect(kinds(survey)).toEqual({ duration_in_seconds: 'meta', Q1: 'single', Q2: 'single', Q7: 'multi', Q6: 'single' });
  });

  it('Q2: label without " - Selected Choice", full header kept as text', () => {
    const gender = question(survey, 'Q2', 'single');
    expect(gender.label).toBe('What is your gender?');
    expect(gender.text).toBe('What is your gender? - Selected Choice');
    // Man 5, Woman 2, then the catch-all.
    expect(values(gender)).toEqual(['Man', 'Woman', 'Prefer not to say']);
    expect([...gender.codes]).toEqual([1, 2, 1, 3, 1, 2, 1, 1]);
  });

  it('Q7: one column per option, labels from the text suffix, padded " Python " trimmed', () => {
    const languages = question(survey, 'Q7', 'multi');
    expect(languages.layout).toBe('columns');
    expect(languages.label).toBe('What programming languages do you use on a regular basis? (Select all that apply)');
    expect(values(languages)).toEqual(['Python', 'R', 'SQL']);
    expect(indexes(languages.members[0], 8)).toEqual([0, 1, 3, 4, 6]);
    expect(indexes(languages.members[1], 8)).toEqual([1, 4, 7]);
    expect(indexes(languages.members[2], 8)).toEqual([0, 2, 4, 6]);
    expect(languages.answeredCount).toBe(7); // respondent 6 ticked nothing
    expect(languages.source.columns).toEqual(['Q7_Part_1', 'Q7_Part_2', 'Q7_Part_3']);
  });

  it('Q1 and Q6: ranges in numeric order; "I have never written code" after the ranges', () => {
    const age = question(survey, 'Q1', 'single');
    expect(values(age)).toEqual(['22-24', '25-29', '30-34', '40-44']);
    expect([...age.codes]).toEqual([1, 3, 2, 1, 4, 2, 1, 3]);
    expect(values(question(survey, 'Q6', 'single'))).toEqual(['1-2 years', '3-5 years', '5-10 years', '10-20 years', 'I have never written code']);
  });
});

describe('buildSurvey(surveymonkey.csv): question over option row, 8 respondents', () => {
  const survey = buildSurvey(fixture('surveymonkey.csv'));

  it('reads the question and option rows and 8 respondents', () => {
    expect(survey.layout).toMatchObject({ kind: 'question-and-option', skip: 0, rows: 2 });
    expect(survey.size).toBe(8);
    expect(survey.issues).toEqual([]);
    expectConsistent(survey);
  });

  it('ids come from short labels; Respondent ID, Collector ID and Start Date are meta', () => {
    expect(kinds(survey)).toEqual({
      respondent_id: 'meta',
      collector_id: 'meta',
      start_date: 'meta',
      what_is_your_role: 'single',
      which_tools_do_you_use: 'multi',
      how_satisfied_are_you_with_your_tools: 'likert',
      any_other_comments: 'text',
    });
  });

  it('the tools group: cells repeat the option label; 7 respondents ticked something', () => {
    const tools = question(survey, 'which_tools_do_you_use', 'multi');
    expect(tools.label).toBe('Which tools do you use?');
    expect(values(tools)).toEqual(['Python', 'R', 'Excel']);
    expect(indexes(tools.members[0], 8)).toEqual([0, 1, 4, 6, 7]);
    expect(indexes(tools.members[1], 8)).toEqual([1, 4, 5]);
    expect(indexes(tools.members[2], 8)).toEqual([0, 2, 4, 7]);
    expect(tools.answeredCount).toBe(7); // respondent 1004 ticked none
    expect(tools.source.columns).toEqual(['Which tools do you use? · Python', 'Which tools do you use? · R', 'Which tools do you use? · Excel']);
  });

  it('the satisfaction question under a "Response" marker is one likert question in scale order', () => {
    const satisfaction = question(survey, 'how_satisfied_are_you_with_your_tools', 'likert');
    expect(values(satisfaction)).toEqual(['Very dissatisfied', 'Dissatisfied', 'Neither satisfied nor dissatisfied', 'Satisfied', 'Very satisfied']);
    expect([...satisfaction.codes]).toEqual([5, 4, 2, 1, 4, 3, 5, 4]);
  });

  it('the role question: Analyst 4, Engineer 3, Manager 1', () => {
    const role = question(survey, 'what_is_your_role', 'single');
    expect(values(role)).toEqual(['Analyst', 'Engineer', 'Manager']);
    expect([...role.codes]).toEqual([1, 2, 1, 3, 2, 1, 2, 1]);
  });
});

describe('buildSurvey(todo-2019.csv): a title line before question and option rows', () => {
  const survey = buildSurvey(fixture('todo-2019.csv'));

  it('skips the title, reads two header rows and 8 respondents from line 4', () => {
    expect(survey.layout).toMatchObject({ kind: 'question-and-option', skip: 1, rows: 2 });
    expect(survey.size).toBe(8);
    expect([...survey.lines]).toEqual([4, 5, 6, 7, 8, 9, 10, 11]);
    expect(survey.issues).toEqual([]);
    expectConsistent(survey);
  });

  it('long questions get q<n> ids; the frequency grid becomes one likert question per row', () => {
    expect(kinds(survey)).toEqual({ respondent_id: 'meta', completed: 'single', q3: 'multi', q4: 'single', q5_1: 'likert', q5_2: 'likert' });
  });

  it('q3: the journey group is multi with 7 respondents who ticked anything', () => {
    const journey = question(survey, 'q3', 'multi');
    expect(values(journey)).toEqual(['Consuming open source', 'Contributing upstream', 'Don’t know']);
    expect(journey.members.map(countBits)).toEqual([5, 4, 1]);
    expect(journey.answeredCount).toBe(7);
  });

  it('q4: organisation sizes in numeric order', () => {
    const size = question(survey, 'q4', 'single');
    expect(values(size)).toEqual(['1-500', '501-1000', '1,001-5,000', '5,001-10,000', '10,001+']);
    expect([...size.codes]).toEqual([3, 5, 1, 4, 1, 2, 3, 5]);
  });

  it('q5_1 and q5_2: grid rows labelled "stem: row", grouped under the stem, scale order', () => {
    const contribute = question(survey, 'q5_1', 'likert');
    const review = question(survey, 'q5_2', 'likert');
    expect(contribute.label).toBe('How often does your company do the following activities?: Contribute code upstream');
    expect(contribute.group).toBe('How often does your company do the following activities?');
    expect(values(contribute)).toEqual(['Never', 'Rarely', 'Sometimes', 'Often', 'Always']);
    expect([...contribute.codes]).toEqual([4, 5, 1, 3, 2, 0, 4, 5]);
    expect([...review.codes]).toEqual([3, 4, 2, 3, 1, 0, 4, 5]);
    expect(review.answeredCount).toBe(7);
  });
});

describe('buildSurvey(todo-2021.csv): "Q1 01—" prefixed questions', () => {
  const survey = buildSurvey(fixture('todo-2021.csv'));

  it('groups Q1 01..03 into multi Q1 and splits the Q2 grid into Q2_1 and Q2_2', () => {
    expect(kinds(survey)).toEqual({ respondent_id: 'meta', start_date: 'meta', Q1: 'multi', Q2_1: 'likert', Q2_2: 'likert' });
    expectConsistent(survey);
  });

  it('Q1: label without the prefix; Compliance 5, Faster innovation 4, Hiring 4; 7 answered', () => {
    const benefits = question(survey, 'Q1', 'multi');
    expect(benefits.label).toBe('Which benefits has your program brought?');
    expect(values(benefits)).toEqual(['Compliance', 'Faster innovation', 'Hiring']);
    expect(benefits.members.map(countBits)).toEqual([5, 4, 4]);
    expect(benefits.answeredCount).toBe(7);
  });

  it('Q2_1 and Q2_2: importance in scale order', () => {
    const security = question(survey, 'Q2_1', 'likert');
    expect(security.label).toBe('How important is each goal?: Security');
    expect(values(security)).toEqual(['Not important', 'Important', 'Very important']);
    expect([...security.codes]).toEqual([3, 2, 1, 3, 2, 3, 2, 3]);
    expect([...question(survey, 'Q2_2', 'likert').codes]).toEqual([2, 3, 2, 1, 2, 3, 3, 2]);
  });
});

describe('buildSurvey(qualtrics.csv): three header rows', () => {
  const survey = buildSurvey(fixture('qualtrics.csv'));

  it('reads 7 respondents from line 4', () => {
    expect(survey.layout).toMatchObject({ kind: 'qualtrics', skip: 0, rows: 3 });
    expect(survey.size).toBe(7);
    expect([...survey.lines]).toEqual([4, 5, 6, 7, 8, 9, 10]);
    expect(kinds(survey)).toEqual({ StartDate: 'meta', EndDate: 'meta', ResponseId: 'meta', Q1: 'likert', Q2: 'ranking', Q3: 'numeric' });
    expectConsistent(survey);
  });

  it('Q2: three rank columns become one ranking; respondent 4 ranked nothing', () => {
    const priorities = question(survey, 'Q2', 'ranking');
    expect(priorities.layout).toBe('columns');
    expect(priorities.options).toHaveLength(3);
    expect([...priorities.ranks[0]]).toEqual([1, 2, 1, 0, 3, 1, 2]); // Speed
    expect([...priorities.ranks[1]]).toEqual([2, 1, 3, 0, 1, 2, 3]); // Cost
    expect([...priorities.ranks[2]]).toEqual([3, 3, 2, 0, 2, 3, 1]); // Quality
    expect(priorities.maxRank).toBe(3);
    expect(priorities.answeredCount).toBe(6);
  });

  it('Q1 likert in scale order; Q3 numeric with one blank', () => {
    const deploy = question(survey, 'Q1', 'likert');
    expect(deploy.label).toBe('How often do you deploy to production?');
    expect(values(deploy)).toEqual(['Never', 'Rarely', 'Sometimes', 'Often', 'Always']);
    expect([...deploy.codes]).toEqual([4, 3, 5, 1, 4, 2, 4]);
    expect([...question(survey, 'Q3', 'numeric').values]).toEqual([12, 4, 30, NaN, 7, 7, 150]);
  });
});

describe('buildSurvey(qualtrics-legacy.csv): V1… ids over labels, trailing comma', () => {
  const survey = buildSurvey(fixture('qualtrics-legacy.csv'));

  it('names V-columns by their labels, keeps Q codes and ignores the empty last column with a warning', () => {
    expect(survey.layout).toMatchObject({ kind: 'qualtrics-legacy', skip: 0, rows: 2 });
    expect(survey.size).toBe(6);
    expect(survey.columnCount).toBe(7);
    expect(survey.questions.map((q) => q.id)).toEqual(['responseid', 'responseset', 'startdate', 'enddate', 'Q1', 'Q2']);
    expect(survey.issues).toEqual([{ severity: 'warning', line: 1, message: 'column 7 has no name and no data; ignored' }]);
    expectConsistent(survey);
  });

  it('ResponseID and StartDate are meta; Q1 single (Platform 3, Web 2, Mobile 1); Q2 numeric', () => {
    question(survey, 'responseid', 'meta');
    question(survey, 'startdate', 'meta');
    const team = question(survey, 'Q1', 'single');
    expect(team.label).toBe('Which team are you on?');
    expect(values(team)).toEqual(['Platform', 'Web', 'Mobile']);
    expect([...question(survey, 'Q2', 'numeric').values]).toEqual([3, 1, 7, NaN, 12, 2]);
  });
});

describe('buildSurvey(google-forms.csv): `Stem [Row]` grid', () => {
  const survey = buildSurvey(fixture('google-forms.csv'));

  it('splits the grid into one likert question per row', () => {
    expect(kinds(survey)).toEqual({
      Timestamp: 'meta', // an id-like header is its own id
      email_address: 'meta',
      which_editor_do_you_use_most: 'single',
      rate_these_parts_of_the_docs_1: 'likert',
      rate_these_parts_of_the_docs_2: 'likert',
      rate_these_parts_of_the_docs_3: 'likert',
    });
    expectConsistent(survey);
  });

  it('grid rows: "stem: row" labels, the scale all rows share in its order (a row nobody rated Excellent has it too), blank = 0', () => {
    const tutorials = question(survey, 'rate_these_parts_of_the_docs_1', 'likert');
    expect(tutorials.label).toBe('Rate these parts of the docs: Tutorials');
    expect(tutorials.group).toBe('Rate these parts of the docs');
    expect(values(tutorials)).toEqual(['Poor', 'Fair', 'Good', 'Very good', 'Excellent']);
    expect([...tutorials.codes]).toEqual([3, 1, 3, 2, 4, 3]);
    const api = question(survey, 'rate_these_parts_of_the_docs_2', 'likert');
    expect(values(api)).toEqual(['Poor', 'Fair', 'Good', 'Very good', 'Excellent']);
    expect([...api.codes]).toEqual([4, 3, 5, 3, 3, 1]);
    const examples = question(survey, 'rate_these_parts_of_the_docs_3', 'likert');
    // Fair, Good, blank, Very good, Good, Fair on the five-point scale.
    expect([...examples.codes]).toEqual([2, 3, 0, 4, 3, 2]);
    expect(examples.answeredCount).toBe(5);
  });

  it('the three rows make one grid on the 5-point quality scale, rows named by their bracket', () => {
    expect(survey.grids).toEqual([
      {
        id: 'rate_these_parts_of_the_docs',
        label: 'Rate these parts of the docs',
        rowIds: ['rate_these_parts_of_the_docs_1', 'rate_these_parts_of_the_docs_2', 'rate_these_parts_of_the_docs_3'],
        rowLabels: ['Tutorials', 'API reference', 'Examples'],
        scale: ['Poor', 'Fair', 'Good', 'Very good', 'Excellent'].map((value) => ({ value, label: value })),
        ordered: true,
        offScale: [],
      },
    ]);
  });
});

describe('buildSurvey with a codebook (validated with codebookSchema)', () => {
  const text = fixture('single-row.csv');

  it('applies labels, kinds, option order and option labels, excludeFromBase and aliases', () => {
    const codebook = codebookSchema.parse({
      questions: {
        country: { label: 'Country of residence', aliases: ['Country'] },
        OrgSize: { options: ['5,001+', '201-1,000', '11-50', '1-10', { value: "I don't know", label: 'Not sure', excludeFromBase: true }] },
        YearsCode: { kind: 'single' },
        JobSat: { excludeFromBase: ['Neither satisfied nor dissatisfied'] },
      },
    });
    const survey = buildSurvey(text, { codebook });
    expect(survey.questions.map((q) => q.id)).toEqual([
      'ResponseId',
      'country',
      'OrgSize',
      'LanguageHaveWorkedWith',
      'JobSat',
      'YearsCode',
      'ConvertedComp',
      'Comment',
    ]);

    const country = question(survey, 'country', 'single');
    expect(country.label).toBe('Country of residence');
    expect([...country.codes]).toEqual([1, 2, 1, 3, 1, 2, 4, 1]); // same answers under the new id

    const size = question(survey, 'OrgSize', 'single');
    expect(size.options).toEqual([
      { value: '5,001+', label: '5,001+' },
      { value: '201-1,000', label: '201-1,000' },
      { value: '11-50', label: '11-50' },
      { value: '1-10', label: '1-10' },
      { value: "I don't know", label: 'Not sure', excludedFromBase: true },
    ]);
    // rows: 11-50, 201-1,000, 1-10, 5,001+, I don't know, 11-50, 201-1,000, 11-50
    expect([...size.codes]).toEqual([3, 2, 4, 1, 5, 3, 2, 3]);

    const years = question(survey, 'YearsCode', 'single');
    expect(values(years)).toEqual(['0', '3', '5', '8', '12', '20']);
    expect([...years.codes]).toEqual([3, 5, 0, 2, 0, 6, 1, 4]);

    const jobSat = question(survey, 'JobSat', 'likert');
    expect(jobSat.options.filter((o) => o.excludedFromBase).map((o) => o.value)).toEqual(['Neither satisfied nor dissatisfied']);
  });

  it('codebook "missing" adds no-answer strings', () => {
    const survey = buildSurvey(text, { codebook: codebookSchema.parse({ missing: ["I don't know"] }) });
    const size = question(survey, 'OrgSize', 'single');
    expect(values(size)).toEqual(['1-10', '11-50', '201-1,000', '5,001+']);
    expect(size.codes[4]).toBe(0);
    expect(size.answeredCount).toBe(7);
  });

  it('codebook "weight" names the numeric weight column; a missing or non-numeric one is a warning', () => {
    expect(buildSurvey(text, { codebook: codebookSchema.parse({ weight: 'ConvertedComp' }) }).weightQuestionId).toBe('ConvertedComp');
    const textual = buildSurvey(text, { codebook: codebookSchema.parse({ weight: 'Country' }) });
    expect(textual.weightQuestionId).toBeUndefined();
    expect(textual.issues).toContainEqual({ severity: 'warning', message: 'codebook weight column "Country" is not numeric; figures are unweighted' });
    const absent = buildSurvey(text, { codebook: codebookSchema.parse({ weight: 'w' }) });
    expect(absent.issues).toContainEqual({ severity: 'warning', message: 'codebook weight column "w" is not in this file; figures are unweighted' });
  });

  it('codebook "columns" assembles one question from named columns, wherever the file puts them', () => {
    const csv = 'id,uses_docker,team,uses_k8s,uses_nomad\n1,Docker,Web,,\n2,Docker,Web,Kubernetes,\n3,,Data,,\n4,,Data,Kubernetes,Nomad\n5,Docker,Web,,\n';
    const codebook = codebookSchema.parse({
      questions: {
        containers: {
          label: 'Container tools',
          kind: 'multi',
          columns: ['uses_docker', 'uses_k8s', 'uses_nomad'],
          options: [{ value: 'uses_docker', label: 'Docker' }],
        },
      },
    });
    const survey = buildSurvey(csv, { codebook });
    expect(survey.questions.map((q) => q.id)).toEqual(['id', 'containers', 'team']);
    const containers = question(survey, 'containers', 'multi');
    expect(containers.label).toBe('Container tools');
    expect(containers.source.columns).toEqual(['uses_docker', 'uses_k8s', 'uses_nomad']);
    expect(containers.options.map((o) => [o.value, o.label])).toEqual([
      ['uses_docker', 'Docker'],
      ['uses_k8s', 'uses_k8s'],
      ['uses_nomad', 'uses_nomad'],
    ]);
    expect(containers.members.map((bits) => indexes(bits, 5))).toEqual([[0, 1, 4], [1, 3], [3]]);
    expect(containers.answeredCount).toBe(4); // respondent 3 uses none
  });

  it('codebook "columns" naming a column the file lacks is a warning', () => {
    const codebook = codebookSchema.parse({ questions: { tools: { kind: 'multi', columns: ['a', 'nope'] } } });
    const survey = buildSurvey('a,b\nx,1\nx,2\n', { codebook });
    expect(survey.issues).toContainEqual({ severity: 'warning', message: 'codebook question "tools" names column "nope", which this file does not have' });
    expect(survey.questions.map((q) => q.id)).toEqual(['tools', 'b']);
  });

  it('applies a codebook entry written for one row of a grid (the ids inferredCodebook writes)', () => {
    // todo-2019.csv: the frequency grid q5 is split into q5_1 and q5_2; the codebook speaks of q5_1.
    const codebook = codebookSchema.parse({
      questions: { q5_1: { label: 'Contributing code', options: ['Always', 'Often', 'Sometimes', 'Rarely', 'Never'] } },
    });
    const contribute = question(buildSurvey(fixture('todo-2019.csv'), { codebook }), 'q5_1', 'likert');
    expect(contribute.label).toBe('Contributing code');
    expect(values(contribute)).toEqual(['Always', 'Often', 'Sometimes', 'Rarely', 'Never']);
  });

  it('codebook "header" overrides the detected layout', () => {
    // Read as one header row, Kaggle's question-text row becomes a 9th respondent.
    const survey = buildSurvey(fixture('kaggle.csv'), { codebook: codebookSchema.parse({ header: { layout: 'single-row', rows: 1 } }) });
    expect(survey.layout).toMatchObject({ kind: 'single-row', skip: 0, rows: 1 });
    expect(survey.size).toBe(9);
  });
});

describe('buildSurvey on awkward files', () => {
  it('renames a repeated column name and warns', () => {
    const survey = buildSurvey('id,color,color\n1,red,blue\n2,blue,blue\n3,red,green\n');
    expect(survey.questions.map((q) => q.id)).toEqual(['id', 'color', 'color_2']);
    expect(survey.issues).toEqual([
      { severity: 'warning', line: 1, message: 'columns 2, 3 have the same header “color”: their answers cannot be told apart by name' },
      { severity: 'warning', line: 1, message: 'column name "color" appears more than once; occurrence 2 is named "color_2"' },
    ]);
  });

  it('ignores unnamed columns with a warning that says whether they hold data', () => {
    const survey = buildSurvey('id,,answer,\n1,,yes,\n2,x,no,\n3,,yes,\n');
    expect(survey.questions.map((q) => q.id)).toEqual(['id', 'answer']);
    expect(survey.issues).toEqual([
      { severity: 'warning', line: 1, message: 'column 2 has no name but holds values in 1 records; ignored (name it in the header to use it)' },
      { severity: 'warning', line: 1, message: 'column 4 has no name and no data; ignored' },
    ]);
  });

  it('refuses a header that is one cell of comma-separated names over ";"-split records', () => {
    const error = buildError('a,b,c\n1;2;3\n4;5;6\n7;8;9\n', 'mangled.csv');
    expect(error.message).toMatch(/^mangled\.csv: the header is a single column holding 3 names separated by ","/);
    expect(error.message).toMatch(/split by ";"/);
    expect(error.issues).toEqual([{ severity: 'error', line: 1, message: 'header and records use different delimiters' }]);
    expect(error.name).toBe('SurveyFileError');
  });

  it('refuses an empty file', () => {
    expect(buildError('', 'empty.csv').message).toBe('empty.csv has no records.');
    expect(buildError('').message).toBe('The file has no records.');
  });

  it('refuses a header with no records under it', () => {
    expect(buildError('a,b\n', 'header-only.csv').message).toBe('header-only.csv has a header but no usable records.');
  });

  it('refuses a file where 3 of 5 records have the wrong width, listing each line', () => {
    const error = buildError('a,b,c\n1,2,3\n4,5\n6,7\n8,9\n10,11,12\n', 'ragged.csv');
    expect(error.message).toMatch(/^ragged\.csv: 3 of 5 records have the wrong number of fields \(2–2 instead of 3\)/);
    expect(error.issues.map((issue) => issue.line)).toEqual([3, 4, 5]);
  });

  it('skips one ragged record among 20 and one unclosed quote, reporting their lines', () => {
    const rows = Array.from({ length: 20 }, (_, i) => `${i + 1},${i % 2 ? 'Yes' : 'No'}`);
    rows[9] = '10,Yes,extra'; // line 11
    const text = `id,answer\n${rows.join('\n')}\n21,"never closed\n`;
    const survey = buildSurvey(text);
    expect(survey.size).toBe(19);
    expect(survey.recordsRead).toBe(21);
    expect(survey.issues.map((issue) => [issue.severity, issue.line])).toEqual([
      ['error', 22], // the unclosed quote, found by the parser
      ['error', 11], // the ragged record
    ]);
    expect(survey.lines[9]).toBe(12); // respondent 10 is record 11, on line 12
  });

  it('reads a semicolon file and counts the same as the comma version', () => {
    const comma = buildSurvey('id,answer,team\n1,Yes,Web\n2,No,Web\n3,Yes,Data\n');
    const semicolon = buildSurvey('id;answer;team\n1;Yes;Web\n2;No;Web\n3;Yes;Data\n');
    expect(semicolon.delimiter).toBe(';');
    expect([...question(semicolon, 'answer', 'single').codes]).toEqual([...question(comma, 'answer', 'single').codes]);
  });

  it('treats NBSP-padded answers as the same answer', () => {
    const survey = buildSurvey('id,answer\n1,Yes\n2,\u00a0Yes\u00a0\n3,No\n');
    expect(values(question(survey, 'answer', 'single'))).toEqual(['Yes', 'No']);
  });
});

describe('buildSurvey with columns whose answers hardly repeat (packed, inferred from a sample)', () => {
  // 12,000 respondents: an id, a stamp, a weight, a comment each their own, a choice, and a joined list with a rare option.
  const rows = Array.from({ length: 12_000 }, (_, i) => {
    const comment = i % 5 === 0 ? '' : `"I wrote answer ${i}, in my own words"`;
    const tools = i % 1000 === 7 ? 'Vim/Neovim;Emacs (GNU)' : i % 2 ? 'Vim/Neovim;VS Code (or a fork)' : 'VS Code (or a fork)';
    return `${100_000 + i},2022-03-${String(1 + (i % 28)).padStart(2, '0')} 10:${String(i % 60).padStart(2, '0')}:00,${(0.5 + i / 24_000).toFixed(6)},${comment},${['Yes', 'No'][i % 2]},${tools}`;
  });
  const survey = buildSurvey(`respondent_id,submitted_at,weight,comment,remote,tools\n${rows.join('\n')}\n`, { name: 'wide.csv' });

  it('infers each kind as the whole column would: meta, meta, numeric, text, single, multi', () => {
    expect(survey.questions.map((q) => [q.id, q.kind])).toEqual([
      ['respondent_id', 'meta'],
      ['submitted_at', 'meta'],
      ['weight', 'numeric'],
      ['comment', 'text'],
      ['remote', 'single'],
      ['tools', 'multi'],
    ]);
  });

  it('keeps every respondent’s comment, and blanks as no answer ("")', () => {
    const comment = question(survey, 'comment', 'text');
    expect(comment.values).toHaveLength(12_000);
    expect(comment.values[0]).toBe('');
    expect(comment.values[11_999]).toBe('I wrote answer 11999, in my own words');
    expect(comment.answeredCount).toBe(12_000 - 12_000 / 5);
    expect(comment.reason).toMatch(/in a sample of 4,096 of 12,000 cells/);
  });

  it('reads every weight exactly, and every id', () => {
    const weight = question(survey, 'weight', 'numeric');
    expect(weight.values[0]).toBe(0.5);
    expect(weight.values[11_999]).toBe(Number((0.5 + 11_999 / 24_000).toFixed(6)));
    expect(weight.answeredCount).toBe(12_000);
    expect(question(survey, 'respondent_id', 'meta').values[42]).toBe('100042');
  });

  it('counts a joined list over every respondent: options holding "/" and parentheses stay whole', () => {
    const tools = question(survey, 'tools', 'multi');
    expect(tools.options.map((option) => option.value).sort()).toEqual(['Emacs (GNU)', 'VS Code (or a fork)', 'Vim/Neovim']);
    const emacs = tools.options.findIndex((option) => option.value === 'Emacs (GNU)');
    expect(countBits(tools.members[emacs])).toBe(12);
  });
});
