import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { findGridTarget, gridRowQueries, mergeGridResults } from '../../../lib/analysis/aggregate-grid';
import { aggregateView } from '../../../lib/analysis/aggregate-view';
import type { AggregateQuery, DatasetWaves } from '../../../lib/analysis/aggregate-query';
import type { AggregateRow } from '../../../lib/analysis/aggregate-row';
import { loadSurveyFile } from '../../../lib/store/load-survey-file';
import { fixtureSurvey } from '../helpers/fixture-survey';
import { requireShared, SHARED } from '../shared-data';

/** Six respondents: no suppression, so the counts can be checked by hand. */
const query = (questionId: string, extra: Partial<AggregateQuery> = {}): AggregateQuery => ({
  questionId,
  filters: [],
  baseRule: 'answered',
  suppressBelow: 0,
  ...extra,
});
const shares = (rows: AggregateRow[]) =>
  rows.filter((row) => row.measure === 'share' && row.segment === '(all)').map((row) => [row.question_id, row.option, row.count, row.base]);

/**
 * tests/fixtures/google-forms.csv: a Google Forms grid "Rate these parts of the docs [Row]" of
 * three rows on Poor < Fair < Good < Very good < Excellent, six respondents (ana…fay):
 *   Tutorials      Good, Poor, Good, Fair, Very good, Good      → Poor 1, Fair 1, Good 3, Very good 1
 *   API reference  Very good, Good, Excellent, Good, Good, Poor → Poor 1, Good 3, Very good 1, Excellent 1
 *   Examples       Fair, Good, (blank), Very good, Good, Fair   → Fair 2, Good 2, Very good 1 (base 5)
 * Editors: VS Code = ana, cho, eli.
 */
const docs: DatasetWaves = { id: 'fixture', waves: [{ id: '2024', survey: fixtureSurvey('google-forms.csv', {}) }] };
const GRID = 'rate_these_parts_of_the_docs';

describe('aggregateView on a grid id (google-forms.csv)', () => {
  const result = aggregateView(docs, query(GRID), '');

  it('aggregateView(grid) → the share rows of each row question in row order, counted as above; no problems', () => {
    expect(result.problems).toEqual([]);
    expect(shares(result.rows)).toEqual([
      [`${GRID}_1`, 'Poor', 1, 6],
      [`${GRID}_1`, 'Fair', 1, 6],
      [`${GRID}_1`, 'Good', 3, 6],
      [`${GRID}_1`, 'Very good', 1, 6],
      [`${GRID}_1`, 'Excellent', 0, 6],
      [`${GRID}_2`, 'Poor', 1, 6],
      [`${GRID}_2`, 'Fair', 0, 6],
      [`${GRID}_2`, 'Good', 3, 6],
      [`${GRID}_2`, 'Very good', 1, 6],
      [`${GRID}_2`, 'Excellent', 1, 6],
      [`${GRID}_3`, 'Poor', 0, 5],
      [`${GRID}_3`, 'Fair', 2, 5],
      [`${GRID}_3`, 'Good', 2, 5],
      [`${GRID}_3`, 'Very good', 1, 5],
      [`${GRID}_3`, 'Excellent', 0, 5],
    ]);
  });

  it('aggregateView(grid) → every row equals aggregateView(row question): one path for a row, alone or in its grid', () => {
    const alone = [1, 2, 3].flatMap((row) => aggregateView(docs, query(`${GRID}_${row}`), '').rows);
    expect(result.rows).toEqual(alone);
  });

  it('aggregateView(grid) → each row keeps its likert extras (top-2, bottom-2, mean score): Tutorials’ mean (3+1+3+2+4+3)/6 = 16/6 (Poor = 1)', () => {
    const mean = result.rows.find((row) => row.question_id === `${GRID}_1` && row.measure === 'mean');
    expect(mean?.value).toBeCloseTo(16 / 6, 10);
    expect(result.rows.filter((row) => row.measure === 'top2').map((row) => row.question_id)).toEqual([`${GRID}_1`, `${GRID}_2`, `${GRID}_3`]);
  });

  it('aggregateView(grid, editor = VS Code) → filters apply to every row: Tutorials Good 2, Very good 1 of 3', () => {
    const filtered = aggregateView(docs, query(GRID, { filters: [{ question: 'which_editor_do_you_use_most', op: 'in', values: ['VS Code'] }] }), '');
    expect(shares(filtered.rows).filter((row) => row[0] === `${GRID}_1` && (row[2] as number) > 0)).toEqual([
      [`${GRID}_1`, 'Good', 2, 3],
      [`${GRID}_1`, 'Very good', 1, 3],
    ]);
    expect(filtered.selections).toEqual([{ wave: '2024', selected: 3, size: 6 }]);
  });

  it('aggregateView(grid, by = editor) → segment rows per row question, (all) first in each', () => {
    const compared = aggregateView(docs, query(GRID, { by: 'which_editor_do_you_use_most' }), '');
    const order = [...new Set(compared.rows.filter((row) => row.measure === 'share').map((row) => `${row.question_id}|${row.segment}`))];
    expect(order.slice(0, 4)).toEqual([`${GRID}_1|(all)`, `${GRID}_1|VS Code`, `${GRID}_1|Vim`, `${GRID}_1|JetBrains`]);
    expect(order).toHaveLength(12);
  });
});

describe('findGridTarget', () => {
  it('findGridTarget(a question id) → undefined: a question always wins', () => {
    expect(findGridTarget(docs, query(`${GRID}_1`))).toBeUndefined();
    expect(findGridTarget(docs, query('nope'))).toBeUndefined();
  });

  it('findGridTarget(grid over two waves) → the latest wave that has it, with a note saying so', () => {
    const twoWaves: DatasetWaves = { id: 'fixture', waves: [docs.waves[0], { id: '2025', survey: fixtureSurvey('google-forms.csv', {}) }] };
    const target = findGridTarget(twoWaves, query(GRID));
    expect(target?.wave).toBe('2025');
    expect(target?.note).toMatch(/one wave: these are wave 2025’s figures/);
    expect(
      gridRowQueries(target!, query(GRID, { links: { ids: {}, notLinked: {} } })).map((rowQuery) => [rowQuery.questionId, rowQuery.waves, rowQuery.links]),
    ).toEqual([
      [`${GRID}_1`, ['2025'], undefined],
      [`${GRID}_2`, ['2025'], undefined],
      [`${GRID}_3`, ['2025'], undefined],
    ]);
    expect(aggregateView(twoWaves, query(GRID), '').notes[0]).toBe(target!.note);
  });

  it('mergeGridResults → problems said once however many rows repeat them', () => {
    const target = findGridTarget(docs, query(GRID))!;
    const repeated = { rows: [], problems: ['wave 2024: no such filter'], notes: ['n'], selections: [] };
    expect(mergeGridResults(target, [repeated, repeated])).toEqual({ rows: [], problems: ['wave 2024: no such filter'], notes: ['n'], selections: [] });
  });
});

const STAR_WARS = path.join(SHARED, 'exports/fte_starwars_surveymonkey/StarWars.csv');
if (requireShared('the Star Wars grid test', STAR_WARS)) {
  describe('aggregateView(q6) on FiveThirtyEight’s Star Wars survey (SurveyMonkey, 14 characters × 6 answers)', () => {
    it('aggregateView(q6) → for each of the 14 characters, the counts of each answer as papaparse counts them in its column (15–28)', async () => {
      const survey = await loadSurveyFile(STAR_WARS);
      const result = aggregateView({ id: 'starwars', waves: [{ id: 'starwars', survey }] }, query('q6'), '');
      // Read independently: two header rows, then respondents; cells counted as written (the file is ASCII but for one header).
      const records = Papa.parse<string[]>(readFileSync(STAR_WARS, 'latin1'), { skipEmptyLines: true }).data.slice(2);
      const grid = survey.grids.find((candidate) => candidate.id === 'q6')!;
      expect(grid.rowIds).toHaveLength(14);
      grid.rowIds.forEach((rowId, r) => {
        const column = 15 + r;
        const expected = grid.scale.map((option) => records.filter((record) => record[column].trim() === option.value).length);
        const answered = records.filter((record) => record[column].trim() !== '').length;
        expect(shares(result.rows).filter((row) => row[0] === rowId)).toEqual(grid.scale.map((option, o) => [rowId, option.label, expected[o], answered]));
      });
      // The README's hand count for Han Solo.
      expect(
        shares(result.rows)
          .filter((row) => row[0] === 'q6_1' && ['Very favorably', 'Somewhat favorably', 'Unfamiliar (N/A)'].includes(row[1] as string))
          .map((row) => row[2]),
      ).toEqual([151, 610, 15]);
    });
  });
}
