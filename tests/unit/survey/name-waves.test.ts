import { describe, expect, it } from 'vitest';
import { isWaveId, nameWaves, yearIn } from '@/lib/survey/name-waves';

describe('yearIn', () => {
  it.each([
    ['results_2021.csv', '2021'],
    ['2019/results.csv', '2019'],
    ['survey-1999.tsv.gz', '1999'],
    ['wave12020.csv', undefined],
    ['results_20215.csv', undefined],
    ['responses.csv', undefined],
  ])('yearIn(%j) is %j', (text, year) => expect(yearIn(text)).toBe(year));
});

describe('nameWaves', () => {
  it.each([
    [
      ['2016.csv', '2017.csv', '2018.csv'],
      ['2016', '2017', '2018'],
    ],
    [
      ['results_2021.csv', 'results.csv'],
      ['2021', undefined],
    ],
    [
      ['a_2020.csv', 'b_2020.csv'],
      [undefined, undefined],
    ],
    [['Learning R Internet Survey - Form Responses 1.tsv'], ['learning-r-internet-survey-form-response']],
    [['kaggle_survey_2022_responses.csv.gz'], ['2022']],
    [['!!!.csv'], ['responses']],
  ])('nameWaves(%j) is %j', (names, waves) => expect(nameWaves(names)).toEqual(waves));

  // A wave id holds at most 40 characters: a long name is cut there.
  it('names a lone file by a valid wave id', () => {
    for (const name of ['Über Umfrage (final).csv', 'x'.repeat(80) + '.csv']) expect(isWaveId(nameWaves([name])[0]!)).toBe(true);
  });
});
