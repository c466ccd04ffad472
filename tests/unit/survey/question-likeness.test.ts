import { describe, expect, it } from 'vitest';
import { compareQuestions, normaliseQuestionText, optionOverlap, questionWording, wordOverlap, type Likeness } from '../../../lib/survey/question-likeness';
import type { Question, QuestionKind } from '../../../lib/survey/types';

interface Asked {
  id?: string;
  options?: string[];
  text?: string;
  group?: string;
}

/** A question as a wave would hold it, with no answers: only its words, kind and options matter here. */
function asked(kind: QuestionKind, label: string, { id = 'q', options = [], text, group }: Asked = {}): Question {
  const base = { id, label, source: { columns: [], indexes: [] }, answeredCount: 0, ...(text ? { text } : {}), ...(group ? { group } : {}) };
  const listed = options.map((value) => ({ value, label: value }));
  const none = new Uint32Array(0);
  switch (kind) {
    case 'single':
      return { ...base, kind, options: listed, codes: new Uint16Array(0) };
    case 'likert':
      return { ...base, kind, options: listed, codes: new Uint16Array(0), offScale: [] };
    case 'multi':
      return { ...base, kind, options: listed, members: [], answered: none, layout: 'joined' };
    case 'ranking':
      return { ...base, kind, options: listed, ranks: [], answered: none, maxRank: 3, layout: 'columns' };
    case 'numeric':
      return { ...base, kind, values: new Float64Array(0) };
    case 'text':
    case 'meta':
      return { ...base, kind, values: [] };
  }
}

describe('normaliseQuestionText', () => {
  it.each<[string, string]>([
    // numbering the tools put in front
    ['Q3 01—How often does your organization do the following?', 'how often does your organization do the following'],
    ['Q9 00— Why not?', 'why not'],
    ['Q1 02 - Where is your company?', 'where is your company'],
    ['12. What is your role?', 'what is your role'],
    ['q5) Where is your company or organization?', 'where is your company or organization'],
    ['Q12: Which tools do you use?', 'which tools do you use'],
    ['7b. Which tools?', 'which tools'],
    ['Q4— Company size', 'company size'],
    // a number that is part of the question stays
    ['2020 was a good year?', '2020 was a good year'],
    ['3D printing at work?', '3d printing at work'],
    ['How many people work here? 12. Really?', 'how many people work here 12 really'],
    // no-break spaces (2018 and 2020 TODO exports) fold with NFKC
    ['Initiating\u00a0or releasing open source\u00a0projects', 'initiating or releasing open source projects'],
    // answering instructions, which change from year to year, are left out
    ['Where is your company on its open source journey? (Check all that apply)', 'where is your company on its open source journey'],
    ['Where is your company on its open source journey? (select all that apply)', 'where is your company on its open source journey'],
    ['Your role (Please select one)', 'your role'],
    ['Top challenges (Choose three)', 'top challenges'],
    ['Top challenges (pick up to 3)', 'top challenges'],
    // …but other brackets are words of the question
    ['Salary (USD)', 'salary usd'],
    // punctuation, curly and straight apostrophes, case and spacing
    ['Don’t know / not sure', 'don t know not sure'],
    ["Don't know / not sure", 'don t know not sure'],
    ['  HOW   many,  PEOPLE?! ', 'how many people'],
    ['Ｒｏｌｅ？', 'role'],
    ['', ''],
  ])('normaliseQuestionText(%j) → %j', (text, expected) => {
    expect(normaliseQuestionText(text)).toBe(expected);
  });
});

describe('wordOverlap', () => {
  it.each<[string, string, number]>([
    ['which editor do you use', 'which editor do you use', 1],
    // {a, b} shared of {a, b, c, d}
    ['a b c', 'a b d', 2 / 4],
    // 7 words shared of 9: "or organization" added
    ['how many people work for your company', 'how many people work for your company or organization', 7 / 9],
    // words are a set: repeats count once
    ['a a b', 'b a', 1],
    ['', '', 1],
    ['a', '', 0],
    ['a b', 'c d', 0],
  ])('wordOverlap(%j, %j) → %d', (a, b, expected) => {
    expect(wordOverlap(a, b)).toBeCloseTo(expected, 12);
  });
});

describe('questionWording', () => {
  it('questionWording(a label that is only the id) → the longer text, normalised', () => {
    expect(questionWording(asked('single', 'Q5', { id: 'Q5', text: 'Q5. Where do you work?' }))).toBe('where do you work');
  });

  it('questionWording(a label of its own) → the label, not the text', () => {
    expect(questionWording(asked('single', 'Work place', { id: 'Q5', text: 'Where do you work?' }))).toBe('work place');
  });
});

describe('optionOverlap', () => {
  it.each<[string, Question, Question, number]>([
    ['the same options in another order', asked('single', 'x', { options: ['Yes', 'No'] }), asked('single', 'x', { options: ['No', 'Yes'] }), 1],
    // curly vs straight apostrophe, case: one option after normalising
    ["“Don’t know” and “don't KNOW”", asked('single', 'x', { options: ['Yes', 'Don’t know'] }), asked('single', 'x', { options: ['Yes', "don't KNOW"] }), 1],
    // {yes} of {yes, no, maybe, never, sometimes}
    ['one shared of five', asked('single', 'x', { options: ['Yes', 'No', 'Maybe'] }), asked('single', 'x', { options: ['Yes', 'Never', 'Sometimes'] }), 1 / 5],
    // 2018 → 2019 TODO company size: renamed buckets share nothing
    [
      'renamed buckets',
      asked('single', 'x', { options: ['1,000-10,000', 'Greater than 10,000'] }),
      asked('single', 'x', { options: ['1,001-10,000', 'More than 10,000'] }),
      0,
    ],
    ['two numbers (no options at all)', asked('numeric', 'x'), asked('numeric', 'x'), 1],
    ['options against none', asked('single', 'x', { options: ['Yes', 'No'] }), asked('numeric', 'x'), 0],
  ])('optionOverlap(%s) → %d', (_, a, b, expected) => {
    expect(optionOverlap(a, b)).toBeCloseTo(expected, 12);
  });
});

describe('compareQuestions: kinds', () => {
  const yesNo = { options: ['Yes', 'No'] };
  it.each<[QuestionKind, QuestionKind, Likeness]>([
    ['single', 'single', { same: true, wording: 1, options: 1 }],
    // an ordered scale read as single choice one year is the same question
    ['single', 'likert', { same: true, wording: 1, options: 1 }],
    ['likert', 'single', { same: true, wording: 1, options: 1 }],
    ['multi', 'multi', { same: true, wording: 1, options: 1 }],
    ['ranking', 'ranking', { same: true, wording: 1, options: 1 }],
    // the same words in another kind: a codebook can say they are one question (joinable)
    ['single', 'multi', { same: false, why: 'single in one wave, multi in the other', joinable: 'kind' }],
    ['multi', 'single', { same: false, why: 'multi in one wave, single in the other', joinable: 'kind' }],
    ['multi', 'ranking', { same: false, why: 'multi in one wave, ranking in the other', joinable: 'kind' }],
    ['likert', 'numeric', { same: false, why: 'likert in one wave, numeric in the other', joinable: 'kind' }],
    ['numeric', 'single', { same: false, why: 'numeric in one wave, single in the other', joinable: 'kind' }],
    ['text', 'single', { same: false, why: 'text in one wave, single in the other', joinable: 'kind' }],
  ])('compareQuestions(%s, %s) on the same words and options → %j', (a, b, expected) => {
    expect(compareQuestions(asked(a, 'Do you mentor?', yesNo), asked(b, 'Do you mentor?', yesNo))).toEqual(expected);
  });
});

describe('compareQuestions: wording and options', () => {
  const options = ['Yes', 'No', 'Maybe'];

  it('compareQuestions("What is your role?", "What is your main role?") → the same at exactly 0.8 of the words (4 of 5)', () => {
    expect(compareQuestions(asked('single', 'What is your role?', { options }), asked('single', 'What is your main role?', { options }))).toEqual({
      same: true,
      wording: 0.8,
      options: 1,
    });
  });

  it('compareQuestions("What is your role?", "What is your primary job role?") → worded differently (4 of 6 words)', () => {
    expect(compareQuestions(asked('single', 'What is your role?', { options }), asked('single', 'What is your primary job role?', { options }))).toEqual({
      same: false,
      why: 'the question is worded differently',
    });
  });

  it('compareQuestions(the 2021 and 2022 TODO journey question) → the same: numbering and the answering instruction do not count', () => {
    const a = asked('multi', 'Q1 01—Where is your organization on its open source journey? (Check all that apply)', { options });
    const b = asked('multi', 'Where is your organization on its open source journey? (select all that apply)', { options });
    expect(compareQuestions(a, b)).toEqual({ same: true, wording: 1, options: 1 });
  });

  it('compareQuestions(options {Yes, No, Maybe} vs {Yes, No, Never}) → the same: 2 of the shorter list’s 3 options shared', () => {
    expect(compareQuestions(asked('single', 'Do you mentor?', { options }), asked('single', 'Do you mentor?', { options: ['Yes', 'No', 'Never'] }))).toEqual({
      same: true,
      wording: 1,
      options: 2 / 3,
    });
  });

  it('compareQuestions(options {Yes, No, Maybe} vs {Yes, Never, Sometimes}) → the options barely overlap (1 of 3), which a codebook can overrule', () => {
    expect(
      compareQuestions(asked('single', 'Do you mentor?', { options }), asked('single', 'Do you mentor?', { options: ['Yes', 'Never', 'Sometimes'] })),
    ).toEqual({ same: false, why: 'the answer options barely overlap (1 of 3 in common)', joinable: 'options' });
  });

  it('compareQuestions(a list of 31 options grown to 91, 30 kept) → the same: options added are not a reason to refuse', () => {
    const before = Array.from({ length: 31 }, (_, k) => `Project ${k}`);
    const after = [...before.slice(1), ...Array.from({ length: 61 }, (_, k) => `New ${k}`)];
    expect(compareQuestions(asked('multi', 'Which projects?', { options: before }), asked('multi', 'Which projects?', { options: after }))).toEqual({
      same: true,
      wording: 1,
      options: 30 / 31,
    });
  });

  it('compareQuestions(likert 1–5 vs likert 1–10, same words and numbers) → the rating scale changed', () => {
    const five = { ...asked('likert', 'Would you recommend it?', { options: ['1', '2', '3', '4', '5'] }), range: { min: 1, max: 5 } };
    const ten = { ...asked('likert', 'Would you recommend it?', { options: ['3', '4', '5', '8', '10'] }), range: { min: 1, max: 10 } };
    expect(compareQuestions(ten, five)).toEqual({ same: false, why: 'the rating scale changed (1–10 in one wave, 1–5 in the other)', joinable: 'options' });
  });

  it('compareQuestions(two Typeform lists with no text, 4 of 5 options shared) → the same; a list sharing one option → not, and no codebook hint', () => {
    const build = ['CMake', 'Makefiles', 'SCons', 'Autotools', 'None or not applicable to my project(s)'];
    const split = ['CMake', 'Makefiles', 'SCons', 'Autotools', 'None, but I want to learn', 'Not relevant to my project(s)'];
    const untitled = (labels: string[]) => ({ ...asked('multi', labels.join(' / '), { options: labels }), untitled: true });
    expect(compareQuestions(untitled(build), untitled(split))).toEqual({ same: true, wording: 1, options: 4 / 5 });
    expect(compareQuestions(untitled(build), untitled(['CMake', 'Git and version control', 'Jupyter notebooks']))).toEqual({
      same: false,
      why: 'the answer options barely overlap (1 of 3 in common)',
    });
  });

  it('compareQuestions(wording and options both different) → the wording is named first', () => {
    expect(compareQuestions(asked('single', 'Do you mentor?', { options }), asked('single', 'What is your team size?', { options: ['1-5'] }))).toEqual({
      same: false,
      why: 'the question is worded differently',
    });
  });
});

describe('compareQuestions: rows of a grid', () => {
  const stem = 'How often do you use each of these tools at work?';
  const frequency = { options: ['Daily', 'Weekly', 'Never'] };
  const row = (item: string, inGrid = true) => asked('likert', `${stem}: ${item}`, { ...frequency, group: inGrid ? stem : undefined });

  it('compareQuestions(Git row, Jira row of one stem) → another row of the grid, though 11 of 13 words (0.85) are shared', () => {
    expect(compareQuestions(row('Git'), row('Jira'))).toEqual({ same: false, why: 'another row of the grid' });
  });

  it('compareQuestions(the same labels without a grid stem) → the same: the row check is what keeps grid rows apart', () => {
    expect(compareQuestions(row('Git', false), row('Jira', false))).toEqual({ same: true, wording: 11 / 13, options: 1 });
  });

  it('compareQuestions(Git row, Git row) → the same', () => {
    expect(compareQuestions(row('Git'), row('Git'))).toEqual({ same: true, wording: 1, options: 1 });
  });

  it('compareQuestions(rows "Git" and "git!") → the same; rows "Use …" and "Using …" → another row (5 of their 7 words, under 0.8)', () => {
    expect(compareQuestions(row('Git'), row('git!'))).toMatchObject({ same: true });
    // {open, source, code, in, products} shared of {use, using, open, source, code, in, products}: 5/7 < 0.8
    expect(compareQuestions(row('Use open source code in products'), row('Using open source code in products'))).toEqual({
      same: false,
      why: 'another row of the grid',
    });
  });

  it('compareQuestions(a grid row, a question on its own with the same words) → no row check, the same', () => {
    expect(compareQuestions(row('Git'), row('Git', false))).toMatchObject({ same: true });
  });
});
