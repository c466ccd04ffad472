import { describe, expect, it } from 'vitest';
import { readColumnHeaders } from '../../../lib/survey/read-column-headers';
import type { HeaderLayout } from '../../../lib/survey/types';

const layout = (kind: HeaderLayout['kind'], rows: number, skip = 0): HeaderLayout => ({ kind, skip, rows });
const pick = (headers: ReturnType<typeof readColumnHeaders>, key: 'code' | 'question' | 'item' | 'name') => headers.map((h) => h[key]);

describe('readColumnHeaders', () => {
  it('single-row: each cell is the code, the question and the name; no items', () => {
    const headers = readColumnHeaders(
      [
        ['id', ' Country ', 'Salary'],
        ['1', 'DE', '5'],
      ],
      layout('single-row', 1),
    );
    expect(headers).toEqual([
      { index: 0, code: 'id', question: 'id', item: '', name: 'id' },
      { index: 1, code: 'Country', question: 'Country', item: '', name: 'Country' }, // trimmed
      { index: 2, code: 'Salary', question: 'Salary', item: '', name: 'Salary' },
    ]);
  });

  it('ids-and-text (Kaggle): first row codes, second row question text; the name is the code', () => {
    const headers = readColumnHeaders(
      [
        ['Q1', 'Q7_Part_1'],
        ['What is your age?', 'Languages? - Selected Choice - Python'],
      ],
      layout('ids-and-text', 2),
    );
    expect(pick(headers, 'code')).toEqual(['Q1', 'Q7_Part_1']);
    expect(pick(headers, 'question')).toEqual(['What is your age?', 'Languages? - Selected Choice - Python']);
    expect(pick(headers, 'name')).toEqual(['Q1', 'Q7_Part_1']);
  });

  it('question-and-option (SurveyMonkey): the question carries over blank cells under which an option is named', () => {
    const headers = readColumnHeaders(
      [
        ['Respondent ID', 'Which tools?', '', '', 'Comments'],
        ['', 'Python', 'R', 'Excel', 'Open-Ended Response'],
      ],
      layout('question-and-option', 2),
    );
    expect(pick(headers, 'question')).toEqual(['Respondent ID', 'Which tools?', 'Which tools?', 'Which tools?', 'Comments']);
    expect(pick(headers, 'item')).toEqual(['', 'Python', 'R', 'Excel', '']); // "Open-Ended Response" names no option
    expect(pick(headers, 'name')).toEqual(['Respondent ID', 'Which tools? · Python', 'Which tools? · R', 'Which tools? · Excel', 'Comments']);
    expect(pick(headers, 'code')).toEqual(['', '', '', '', '']);
  });

  it('question-and-option: a blank question cell over a blank option cell is unnamed, not part of the group before it', () => {
    const headers = readColumnHeaders(
      [
        ['Role', 'Tools', '', ''],
        ['Response', 'Python', 'R', ''],
      ],
      layout('question-and-option', 2),
    );
    expect(pick(headers, 'question')).toEqual(['Role', 'Tools', 'Tools', '']);
    expect(headers[3].name).toBe('');
  });

  it.each(['Response', 'Open-Ended Response', 'Multiple choice response'])('question-and-option: the row marker %j is not an item', (marker) => {
    const headers = readColumnHeaders([['Role'], [marker]], layout('question-and-option', 2));
    expect(headers[0].item).toBe('');
    expect(headers[0].name).toBe('Role');
  });

  it('question-and-option: an option cell that repeats the question (TODO 2021 "Respondent ID") is not an item', () => {
    const headers = readColumnHeaders([['Respondent ID'], ['Respondent ID']], layout('question-and-option', 2));
    expect(headers[0]).toMatchObject({ question: 'Respondent ID', item: '', name: 'Respondent ID' });
  });

  it('ids-question-and-option (TODO 2022+): codes and questions both carry over the group', () => {
    const headers = readColumnHeaders(
      [
        ['id', 'q2', '', 'q3'],
        ['Respondent', 'Which tools?', '', 'How satisfied?'],
        ['', 'Python', 'R', 'Response'],
      ],
      layout('ids-question-and-option', 3),
    );
    expect(pick(headers, 'code')).toEqual(['id', 'q2', 'q2', 'q3']);
    expect(pick(headers, 'question')).toEqual(['Respondent', 'Which tools?', 'Which tools?', 'How satisfied?']);
    expect(pick(headers, 'item')).toEqual(['', 'Python', 'R', '']);
    expect(pick(headers, 'name')).toEqual(['id', 'q2 · Python', 'q2 · R', 'q3']);
  });

  it('qualtrics: first row codes, second row labels; the ImportId row is ignored', () => {
    const headers = readColumnHeaders(
      [
        ['StartDate', 'Q1'],
        ['Start Date', 'How often?'],
        ['{"ImportId":"startDate"}', '{"ImportId":"QID1"}'],
      ],
      layout('qualtrics', 3),
    );
    expect(headers.map(({ code, question, item, name }) => [code, question, item, name])).toEqual([
      ['StartDate', 'Start Date', '', 'StartDate'],
      ['Q1', 'How often?', '', 'Q1'],
    ]);
  });

  it('qualtrics-legacy: V1…Vn are positions, so those columns are named by their label; real codes stay', () => {
    const headers = readColumnHeaders(
      [
        ['V1', 'V2', 'Q1', ''],
        ['ResponseID', 'ResponseSet', 'Which team?', ''],
      ],
      layout('qualtrics-legacy', 2),
    );
    expect(pick(headers, 'code')).toEqual(['', '', 'Q1', '']);
    expect(pick(headers, 'name')).toEqual(['ResponseID', 'ResponseSet', 'Q1', '']);
  });

  it('skips the title line and reads as many columns as the header has (short rows padded with "")', () => {
    const headers = readColumnHeaders([['My survey 2019'], ['Role', 'Tools', ''], ['Response', 'Python']], layout('question-and-option', 2, 1));
    expect(headers).toHaveLength(3);
    expect(pick(headers, 'item')).toEqual(['', 'Python', '']);
  });

  it('turns NBSP into spaces and trims header cells', () => {
    const headers = readColumnHeaders([['How\u00a0satisfied?\u00a0'], ['\u00a0Very\u00a0much']], layout('question-and-option', 2));
    expect(headers[0]).toMatchObject({ question: 'How satisfied?', item: 'Very much', name: 'How satisfied? · Very much' });
  });
});
