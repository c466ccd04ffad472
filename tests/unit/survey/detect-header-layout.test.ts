import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCsvPieces } from '../../../lib/csv/parse-csv-stream';
import { detectHeaderLayout } from '../../../lib/survey/detect-header-layout';
import type { HeaderLayout } from '../../../lib/survey/types';

/** Every record of a CSV text, as the streaming parser gives them to ingest. */
function parseRecords(text: string): string[][] {
  const records: string[][] = [];
  parseCsvPieces(text, (batch) => records.push(...batch.records));
  return records;
}

const records = (fixture: string) => parseRecords(readFileSync(fileURLToPath(new URL(`../../fixtures/${fixture}`, import.meta.url)), 'utf8'));

describe('detectHeaderLayout on the fixtures', () => {
  it.each<[string, HeaderLayout, string]>([
    ['single-row.csv', { kind: 'single-row', skip: 0, rows: 1 }, 'one row of column codes (Stack Overflow)'],
    ['google-forms.csv', { kind: 'single-row', skip: 0, rows: 1 }, 'one row with `Stem [Row]` grid columns (Google Forms)'],
    ['kaggle.csv', { kind: 'ids-and-text', skip: 0, rows: 2 }, 'ids over text with " - Selected Choice - " (Kaggle)'],
    ['surveymonkey.csv', { kind: 'question-and-option', skip: 0, rows: 2 }, 'question over a group’s first column, option row with Response markers'],
    ['todo-2019.csv', { kind: 'question-and-option', skip: 1, rows: 2 }, 'a title line, then question and option rows (TODO Group 2019)'],
    ['todo-2021.csv', { kind: 'question-and-option', skip: 0, rows: 2 }, '"Q1 01—" questions over option labels, meta names repeated (TODO Group 2021)'],
    ['qualtrics.csv', { kind: 'qualtrics', skip: 0, rows: 3 }, 'ids, labels and {"ImportId":…} (Qualtrics)'],
    ['qualtrics-legacy.csv', { kind: 'qualtrics-legacy', skip: 0, rows: 2 }, 'V1,V2,V3… over labels (Qualtrics legacy)'],
  ])('detectHeaderLayout(%s) is %o: %s', (fixture, layout) => {
    expect(detectHeaderLayout(records(fixture))).toMatchObject(layout);
  });
});

describe('detectHeaderLayout on small inline files', () => {
  const parse = parseRecords;

  it('a one-row header over data whose first row has blanks stays single-row (a blank is an answer gap, not a header)', () => {
    const text = 'id,age,team\n1,,Web\n2,31,Web\n3,45,Platform\n4,28,Web\n5,39,Mobile\n6,50,Web\n7,33,Mobile\n';
    expect(detectHeaderLayout(parse(text))).toMatchObject({ kind: 'single-row', skip: 0, rows: 1 });
  });

  it('a title line is skipped only when it is at most one cell and less than half as wide as the next line', () => {
    const titled = 'Survey 2019\na,b,c\n1,2,3\n';
    expect(detectHeaderLayout(parse(titled)).skip).toBe(1);
    // "a,b" is 2 fields, not less than half of 3: a header, not a title.
    expect(detectHeaderLayout([['a'], ['x', 'y'], ['1', '2']]).skip).toBe(0);
  });

  it('a file of just a header is single-row', () => {
    expect(detectHeaderLayout([['a', 'b', 'c']])).toMatchObject({ kind: 'single-row', skip: 0, rows: 1 });
  });

  it('no records at all is single-row with nothing skipped', () => {
    expect(detectHeaderLayout([])).toMatchObject({ kind: 'single-row', skip: 0, rows: 1 });
  });

  it('a Qualtrics export after a title line keeps its three rows and the skip', () => {
    const rows = [
      ['Export'],
      ['Q1', 'Q2', 'Q3'],
      ['One?', 'Two?', 'Three?'],
      ['{"ImportId":"QID1"}', '{"ImportId":"QID2"}', '{"ImportId":"QID3"}'],
      ['1', '2', '3'],
    ];
    expect(detectHeaderLayout(rows)).toMatchObject({ kind: 'qualtrics', skip: 1, rows: 3 });
  });
});
