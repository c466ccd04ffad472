import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSurvey } from '../../../../lib/survey/build-survey';
import type { Codebook } from '../../../../lib/survey/codebook-schema';
import { readResponsesPage } from '../../../../lib/view/responses/read-responses-page';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../../fixtures/${name}`, import.meta.url)), 'utf8');

// Kinds and option orders are pinned by a codebook so the expected orders below do not depend on inference.
const codebook: Codebook = {
  questions: {
    id: { kind: 'meta' },
    role: { kind: 'single', options: ['Backend', 'Frontend', 'Data'] },
    years: { kind: 'numeric' },
    satisfaction: { kind: 'likert', options: ['Very dissatisfied', 'Dissatisfied', 'Satisfied', 'Very satisfied'] },
    languages: { kind: 'multi', separator: ';', options: ['JavaScript', 'TypeScript', 'Python', 'SQL', 'Go'] },
    comment: { kind: 'text' },
    trend: { kind: 'ranking' },
  },
};

const survey = buildSurvey(fixture('responses-small.csv'), { codebook, name: 'responses-small.csv' });
const respondentsOf = (request: Parameters<typeof readResponsesPage>[1]) => readResponsesPage(survey, request).rows.map((row) => row.respondent);

describe('readResponsesPage on tests/fixtures/responses-small.csv (7 respondents)', () => {
  it('readResponsesPage(survey) lists one column per question, in file order', () => {
    const page = readResponsesPage(survey);
    expect(page.columns.map((column) => [column.id, column.kind])).toEqual([
      ['id', 'meta'],
      ['role', 'single'],
      ['years', 'numeric'],
      ['satisfaction', 'likert'],
      ['languages', 'multi'],
      ['comment', 'text'],
      ['trend', 'ranking'],
    ]);
    expect(page).toMatchObject({ page: 1, pageCount: 1, respondents: 7, desc: false });
    expect(page.sort).toBeUndefined();
  });

  it('readResponsesPage(survey) keeps file order and the line each record starts on (r3 spans lines 4–5)', () => {
    const page = readResponsesPage(survey);
    expect(page.rows.map((row) => row.respondent)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(page.rows.map((row) => row.line)).toEqual([2, 3, 4, 6, 7, 8, 9]);
  });

  it.each([
    [1, ['r1', 'Frontend', '5', 'Satisfied', 'JavaScript; TypeScript', '', '1. AI; 2. Cloud']],
    [2, ['r2', 'Backend', '12.5', 'Very satisfied', 'Go', 'Fine', '1. Cloud; 2. IoT']],
    [3, ['r3', 'Data', '', 'Dissatisfied', 'Python; SQL', 'two\nlines', '1. IoT; 2. AI']],
    [4, ['r4', '', '3', '', '', 'zebra', '']],
    [5, ['r5', 'Backend', '1,200', 'Satisfied', 'SQL; Go', 'apple', '1. AI']],
    [6, ['r6', 'Frontend', '0', 'Very dissatisfied', 'TypeScript', '', '1. Cloud; 2. IoT; 3. AI']],
  ])('readResponsesPage(survey) prints respondent %i as plain strings (blank = "", 0 stays "0")', (respondent, cells) => {
    expect(readResponsesPage(survey).rows[respondent - 1].cells).toEqual(cells);
  });

  it.each([
    ['years', false, [6, 4, 1, 7, 2, 5, 3]],
    ['years', true, [5, 2, 7, 1, 4, 6, 3]],
    ['role', false, [2, 5, 1, 6, 3, 7, 4]],
    ['role', true, [3, 7, 1, 6, 2, 5, 4]],
    ['satisfaction', false, [6, 3, 1, 5, 2, 4, 7]],
    ['satisfaction', true, [2, 1, 5, 3, 6, 4, 7]],
    ['languages', false, [1, 6, 7, 3, 5, 2, 4]],
    ['comment', false, [5, 7, 2, 3, 4, 1, 6]],
    ['comment', true, [4, 3, 2, 7, 5, 1, 6]],
    ['trend', false, [5, 1, 2, 6, 3, 4, 7]],
  ])('readResponsesPage(survey, { sort: %s, desc: %s }) gives respondents %j (blanks last, ties in file order)', (sort, desc, expected) => {
    expect(respondentsOf({ sort, desc })).toEqual(expected);
  });

  it('readResponsesPage(survey, { sort: "years", page: 2, pageSize: 3 }) returns the middle three of the sorted order', () => {
    const page = readResponsesPage(survey, { sort: 'years', page: 2, pageSize: 3 });
    expect(page.rows.map((row) => row.respondent)).toEqual([7, 2, 5]);
    expect(page.rows.map((row) => row.cells[2])).toEqual(['7', '12.5', '1,200']);
    expect(page).toMatchObject({ page: 2, pageCount: 3, sort: 'years', desc: false });
  });

  it.each([
    [3, 3, [7]],
    [99, 3, [7]],
    [0, 1, [1, 2, 3]],
    [-4, 1, [1, 2, 3]],
  ])('readResponsesPage(survey, { page: %i, pageSize: 3 }) shows page %i', (page, shown, respondents) => {
    const result = readResponsesPage(survey, { page, pageSize: 3 });
    expect(result.page).toBe(shown);
    expect(result.rows.map((row) => row.respondent)).toEqual(respondents);
  });

  it('readResponsesPage(survey, { sort: "nope", desc: true }) falls back to file order, ascending', () => {
    const page = readResponsesPage(survey, { sort: 'nope', desc: true });
    expect(page.rows.map((row) => row.respondent)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(page.sort).toBeUndefined();
    expect(page.desc).toBe(false);
  });

  it('readResponsesPage(survey) builds rows for the requested page only', () => {
    const page = readResponsesPage(survey, { pageSize: 2, page: 2 });
    expect(page.rows).toHaveLength(2);
    expect(page.pageCount).toBe(4);
  });
});

describe('readResponsesPage on the bundled 2022 sample (6,400 respondents)', () => {
  const sample = buildSurvey(readFileSync(fileURLToPath(new URL('../../../../data/state-of-engineers/2022.csv', import.meta.url)), 'utf8'));

  it('readResponsesPage(sample, { page: 128 }) is the last of 128 pages of 50', () => {
    const page = readResponsesPage(sample, { page: 128 });
    expect(page.pageCount).toBe(128);
    expect(page.rows).toHaveLength(50);
    expect(page.rows[49].respondent).toBe(6400);
  });
});
