import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { aggregateView } from '../../../lib/analysis/aggregate-view';
import { writeAggregateCsv } from '../../../lib/analysis/write-aggregate-csv';
import { writeCrosstabCsv } from '../../../lib/analysis/write-crosstab-csv';
import { writeSafeCsvLines } from '../../../lib/csv/write-safe-csv';
import { computeCrosstabs } from '../../../lib/view/figures/compute-crosstabs';
import { formatAnswer } from '../../../lib/view/words/format-answer';
import { fixtureSurvey } from '../helpers/fixture-survey';
import { viewState } from '../helpers/view-fixtures';

/**
 * Every CSV the app and the CLI write, on a fixture whose header names, option labels and
 * answers are all formula-like or hold `;` or a tab (tests/fixtures/formula-labels.csv). Each file
 * is opened as two spreadsheets would: one splitting on `,` (English locales) and one on `;`
 * (German, French, Dutch). No cell of either may start with =, +, -, @, tab or CR unless it is a
 * number the app wrote, and the `;` reading must not see more columns than the `,` reading.
 */
const survey = fixtureSurvey('formula-labels.csv', { suppressBelow: 1, questions: { role: { kind: 'single' }, team_x: { kind: 'single' } } });
const wave = { id: '2024', survey };
const defaults = { waveIds: ['2024'], weighted: false, suppressBelow: 1 };

const FORMULA = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?(e-?\d+)?$/;

/** Cells a spreadsheet splitting on `delimiter` would run as formulas. */
function liveFormulas(csv: string, delimiter: ',' | ';'): string[] {
  const parsed = Papa.parse<string[]>(csv, { delimiter, skipEmptyLines: true });
  return parsed.data.flat().filter((cell) => FORMULA.test(cell) && !NUMBER.test(cell));
}

function widthsOf(csv: string, delimiter: ',' | ';'): number[] {
  return Papa.parse<string[]>(csv, { delimiter, skipEmptyLines: true }).data.map((row) => row.length);
}

const files: [string, () => string][] = [
  [
    'aggregate CSV of role (labels all formula-like)',
    () =>
      writeAggregateCsv(
        aggregateView({ id: 'fx', waves: [wave] }, { questionId: 'role', filters: [], baseRule: 'answered', suppressBelow: 1 }, 'role==1+1').rows,
      ),
  ],
  [
    'aggregate CSV of role compared by team;x',
    () =>
      writeAggregateCsv(
        aggregateView({ id: 'fx', waves: [wave] }, { questionId: 'role', by: 'team_x', filters: [], baseRule: 'answered', suppressBelow: 1 }, '').rows,
      ),
  ],
  [
    'crosstab CSV of role × team;x',
    () => writeCrosstabCsv(computeCrosstabs('fx', wave, viewState({ rows: ['role'], cols: 'team_x' }), defaults).tables.flatMap((table) => table.rows)),
  ],
  [
    'raw responses CSV (as the responses route writes it)',
    () =>
      writeSafeCsvLines([
        ['respondent', 'line', ...survey.questions.map((question) => question.label)],
        ...Array.from({ length: survey.size }, (_, i) => [i + 1, survey.lines[i], ...survey.questions.map((question) => formatAnswer(question, i))]),
      ]),
  ],
];

describe('CSV safety on formula-like labels and answers', () => {
  it.each(files)('%s: no live formula when split on "," or on ";"', (_, write) => {
    const csv = write();
    expect(csv.length).toBeGreaterThan(100);
    expect(liveFormulas(csv, ',')).toEqual([]);
    expect(liveFormulas(csv, ';')).toEqual([]);
  });

  it.each(files)('%s: a ";" spreadsheet sees no more columns than a "," one (every ; is inside quotes)', (_, write) => {
    const csv = write();
    const comma = widthsOf(csv, ',');
    const semicolon = widthsOf(csv, ';');
    expect(semicolon.every((width, row) => width <= comma[row])).toBe(true);
  });

  it('the fixture really is hostile: its raw text split on ";" has live formulas', () => {
    expect(liveFormulas('a,p;=1+1;q\r\n', ';')).toEqual(['=1+1']);
  });

  it('writeSafeCsvLines([["p;=1+1;q", "x\\t=2", -3]]) marks the parts after ; and tab as text, quotes both and leaves the number', () => {
    expect(writeSafeCsvLines([['p;=1+1;q', 'x\t=2', -3]])).toBe(`"p;'=1+1;q","x\t'=2",-3`);
  });
});
