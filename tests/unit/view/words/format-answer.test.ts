import { describe, expect, it } from 'vitest';
import { buildSurvey } from '../../../../lib/survey/build-survey';
import type { Codebook } from '../../../../lib/survey/codebook-schema';
import { ANSWER_SEPARATOR, formatAnswer } from '../../../../lib/view/words/format-answer';

/**
 * One column (or column group) per question kind; respondent b left everything but its id blank.
 * `tools[…]` is a multi-select written one column per option, `rank[…]` a ranking written one
 * column per item, `top` a ranking written as an ordered list in one cell.
 */
const csv = [
  'id,role,agree,langs,tools[Git],tools[Svn],tools[Hg],rank[Cost],rank[Speed],rank[Safety],top,years,note',
  'a,BE,Agree,Python;Go,x,x,,2,1,3,Safety;Cost,1234567.5,"two\nlines"',
  'b,,,,,,,,,,,,',
  'c,FE,Strongly disagree,Rust,,x,,,2,1,Speed,0,hello',
  'd,N/A,NA,Go;Elixir;Go,,,x,3,,,Cost;Speed;Safety,-3.25,NA',
  'e,FE,Strongly agree,Rust;Python;Go,x,,x,1,,,Speed;Safety,1e3,"Fine, thanks"',
  'f,BE,Disagree,Go,,,,,,,,0.1234567,',
  'g,BE,Agree,Go,,,,,,,,0.0000001,',
].join('\n');

const codebook: Codebook = {
  questions: {
    id: { kind: 'meta' },
    role: {
      kind: 'single',
      options: [
        { value: 'BE', label: 'Backend' },
        { value: 'FE', label: 'Frontend' },
      ],
    },
    agree: { kind: 'likert', options: ['Strongly disagree', 'Disagree', 'Agree', 'Strongly agree'] },
    langs: { kind: 'multi', separator: ';', options: ['Go', 'Rust', 'Python'] },
    tools: { kind: 'multi' },
    rank: { kind: 'ranking' },
    top: { kind: 'ranking', separator: ';', options: ['Cost', 'Speed', 'Safety'] },
    years: { kind: 'numeric' },
    note: { kind: 'text' },
  },
};

const survey = buildSurvey(csv, { codebook, name: 'inline.csv' });
const RESPONDENT = { a: 0, b: 1, c: 2, d: 3, e: 4, f: 5, g: 6 } as const;
const answer = (questionId: string, respondent: keyof typeof RESPONDENT) =>
  formatAnswer(
    survey.questions.find((q) => q.id === questionId)!,
    RESPONDENT[respondent],
  );

describe('formatAnswer on an inline survey with every question kind', () => {
  it('the inline survey has the kinds and layouts the codebook pins', () => {
    expect(survey.size).toBe(7);
    expect(survey.questions.map((q) => [q.id, q.kind, 'layout' in q ? q.layout : undefined])).toEqual([
      ['id', 'meta', undefined],
      ['role', 'single', undefined],
      ['agree', 'likert', undefined],
      ['langs', 'multi', 'joined'],
      ['tools', 'multi', 'columns'],
      ['rank', 'ranking', 'columns'],
      ['top', 'ranking', 'ordered-list'],
      ['years', 'numeric', undefined],
      ['note', 'text', undefined],
    ]);
  });

  it('ANSWER_SEPARATOR is "; "', () => {
    expect(ANSWER_SEPARATOR).toBe('; ');
  });

  it.each(['id', 'role', 'agree', 'langs', 'tools', 'rank', 'top', 'years', 'note'])('formatAnswer(%s, respondent b who left it blank) is ""', (questionId) => {
    // b's id is "b"; everything else in its row is blank.
    expect(answer(questionId, 'b')).toBe(questionId === 'id' ? 'b' : '');
  });

  it.each([
    // The codebook labels BE "Backend" and FE "Frontend": the label is shown, not the value.
    ['role', 'a', 'Backend'],
    ['role', 'c', 'Frontend'],
    // N/A is a missing-value token: no answer.
    ['role', 'd', ''],
    ['agree', 'a', 'Agree'],
    ['agree', 'c', 'Strongly disagree'],
    // NA is no answer on a scale too.
    ['agree', 'd', ''],
  ] as const)('formatAnswer(%s (single/likert), respondent %s) is %j', (questionId, respondent, expected) => {
    expect(answer(questionId, respondent)).toBe(expected);
  });

  it.each([
    // Options in codebook order Go, Rust, Python, whatever order the cell wrote them in.
    ['langs', 'a', 'Go; Python'], // cell "Python;Go"
    ['langs', 'c', 'Rust'],
    // "Elixir" is not in the codebook, so it follows the listed options; the repeated Go counts once.
    ['langs', 'd', 'Go; Elixir'], // cell "Go;Elixir;Go"
    ['langs', 'e', 'Go; Rust; Python'], // cell "Rust;Python;Go"
    // One column per option: any non-blank cell means chosen; the option is the column's item, in column order.
    ['tools', 'a', 'Git; Svn'],
    ['tools', 'c', 'Svn'],
    ['tools', 'd', 'Hg'],
    ['tools', 'e', 'Git; Hg'],
    ['tools', 'f', ''],
  ] as const)('formatAnswer(%s (multi), respondent %s) joins the chosen options: %j', (questionId, respondent, expected) => {
    expect(answer(questionId, respondent)).toBe(expected);
  });

  it.each([
    // rank columns Cost, Speed, Safety; shown in rank order, not column order.
    ['rank', 'a', '1. Speed; 2. Cost; 3. Safety'], // Cost 2, Speed 1, Safety 3
    ['rank', 'c', '1. Safety; 2. Speed'], // Speed 2, Safety 1
    // A lone rank 3 is printed as the respondent gave it, not renumbered.
    ['rank', 'd', '3. Cost'],
    ['rank', 'e', '1. Cost'],
    // Ordered list: the position in the cell is the rank.
    ['top', 'a', '1. Safety; 2. Cost'], // "Safety;Cost"
    ['top', 'c', '1. Speed'],
    ['top', 'd', '1. Cost; 2. Speed; 3. Safety'],
    ['top', 'e', '1. Speed; 2. Safety'],
    ['top', 'f', ''],
  ] as const)('formatAnswer(%s (ranking), respondent %s) lists the items in rank order: %j', (questionId, respondent, expected) => {
    expect(answer(questionId, respondent)).toBe(expected);
  });

  it.each([
    // Digit grouping in en-US, decimals kept.
    ['a', '1,234,567.5'],
    // Zero is an answer, not a blank.
    ['c', '0'],
    ['d', '-3.25'],
    // "1e3" in the file is the number 1000.
    ['e', '1,000'],
  ] as const)('formatAnswer(years (numeric), respondent %s) is %j', (respondent, expected) => {
    expect(answer('years', respondent)).toBe(expected);
  });

  // formatAnswerNumber promises "as in the file but with digit grouping: precision is never cut",
  // so the table must print every decimal the respondent wrote: not a rounded 0.123457, and
  // above all not "0" for 0.0000001, which would read as the answer zero.
  it.each([
    ['f', '0.1234567'],
    ['g', '0.0000001'],
  ] as const)('formatAnswer(years (numeric), respondent %s) keeps every decimal the file had: %j', (respondent, expected) => {
    expect(answer('years', respondent)).toBe(expected);
  });

  it.each([
    ['note', 'a', 'two\nlines'],
    ['note', 'c', 'hello'],
    // NA in a text column is no answer.
    ['note', 'd', ''],
    ['note', 'e', 'Fine, thanks'],
    ['id', 'a', 'a'],
    ['id', 'f', 'f'],
  ] as const)('formatAnswer(%s (text/meta), respondent %s) is the cell as written: %j', (questionId, respondent, expected) => {
    expect(answer(questionId, respondent)).toBe(expected);
  });
});

describe('formatAnswer(…, "file"): numbers in a data download are plain numbers (issue 24, defect 4)', () => {
  const years = survey.questions.find((q) => q.id === 'years')!;
  it.each([
    // As written in the inline CSV: 1234567.5, 0, -3.25, 1e3, 0.1234567, 0.0000001; b left it blank.
    ['a', '1234567.5'],
    ['b', ''],
    ['c', '0'],
    ['d', '-3.25'],
    ['e', '1000'],
    ['f', '0.1234567'],
    ['g', '1e-7'],
  ] as const)('formatAnswer(years, %s, "file") is %j: no digit grouping, no rounding', (respondent, written) => {
    expect(formatAnswer(years, RESPONDENT[respondent], 'file')).toBe(written);
    // A spreadsheet (and JavaScript) reads it back as the number answered.
    if (written !== '') expect(Number(written)).toBe(years.kind === 'numeric' ? years.values[RESPONDENT[respondent]] : NaN);
  });

  it('formatAnswer(years, a) on screen keeps its digit grouping', () => {
    expect(answer('years', 'a')).toContain(',');
  });
});
