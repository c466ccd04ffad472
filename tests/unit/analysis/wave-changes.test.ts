import { describe, expect, it } from 'vitest';
import { aggregateView } from '../../../lib/analysis/aggregate-view';
import type { AggregateQuery } from '../../../lib/analysis/aggregate-query';
import type { FindingRow } from '../../../lib/analysis/finding-row';
import { testWaveChanges } from '../../../lib/analysis/wave-changes';
import { buildSurvey } from '../../../lib/survey/build-survey';
import { ANALYSIS_TREND_CODEBOOK, readFixture } from '../helpers/fixture-survey';

/**
 * Two waves of tests/fixtures/analysis-trend-*.csv, each respondent `times` times: arrangement
 * Office, Hybrid, Remote 4, 2, 6 of 12 in 2021; 2, 5, 3 of 10 in 2022 (×10: bases 120 and 100,
 * large enough to be tested at the defaults).
 */
function trendWaves(times: number) {
  const waves = ['2021', '2022'].map((id) => {
    const [header, ...rows] = readFixture(`analysis-trend-${id}.csv`).trimEnd().split('\n');
    const text = [header, ...Array.from({ length: times }, () => rows).flat()].join('\n') + '\n';
    return { id, survey: buildSurvey(text, { codebook: ANALYSIS_TREND_CODEBOOK }) };
  });
  return { id: 'trend', waves };
}
const tenfold = trendWaves(10);
const rowsOf = (questionId: string, query: Partial<AggregateQuery> = {}, dataset = tenfold) =>
  aggregateView(dataset, { questionId, filters: [], baseRule: 'answered', ...query }, '').rows;
const figuresOf = (row: FindingRow) => [row.percent, row.percent_rest, row.difference_points, row.base, row.base_rest].map((x) => Math.round(x! * 100) / 100);

describe('testWaveChanges', () => {
  const arrangement = rowsOf('arrangement');
  const tested = testWaveChanges({ questions: [arrangement, rowsOf('years')], previous: '2021', latest: '2022', weighted: false });

  it('testWaveChanges(arrangement, years) → one test per option of arrangement; years’ histogram bins are not scanned', () => {
    expect(tested.rows.map((row) => `${row.question_id}/${row.measure}/${row.keys.option}`)).toEqual([
      'arrangement/share/Office',
      'arrangement/share/Hybrid',
      'arrangement/share/Remote',
    ]);
  });

  it.each([
    ['Office', [20, 33.33, -13.33, 100, 120]],
    ['Hybrid', [50, 16.67, 33.33, 100, 120]],
    ['Remote', [30, 50, -20, 100, 120]],
  ])('testWaveChanges → %s: 2022 share, 2021 share, change in points, bases = %j (counted by hand)', (option, expected) => {
    expect(figuresOf(tested.rows.find((row) => row.keys.option === option)!)).toEqual(expected);
  });

  it('testWaveChanges → p is the trend’s own change test: equal to the change_p aggregateView writes on the 2022 rows', () => {
    for (const row of tested.rows) {
      const trendRow = arrangement.find((r) => r.wave === '2022' && r.keys.option === row.keys.option)!;
      expect(row.p).toBeCloseTo(trendRow.change_p!, 10);
    }
  });

  it('testWaveChanges → a question whose id changed between waves is matched by option, not id', () => {
    const renamed = arrangement.map((row) => (row.wave === '2021' ? { ...row, question_id: 'setup' } : row));
    const again = testWaveChanges({ questions: [renamed], previous: '2021', latest: '2022', weighted: false });
    expect(again.rows.map((row) => row.p)).toEqual(tested.rows.map((row) => row.p));
  });

  it('testWaveChanges(2022 suppressed under 101) → no tallies to test: every option untested', () => {
    const hidden = testWaveChanges({ questions: [rowsOf('arrangement', { suppressBelow: 101 })], previous: '2021', latest: '2022', weighted: false });
    expect([hidden.rows.length, hidden.untested]).toEqual([0, 3]);
  });

  it('testWaveChanges(the fixture once) → bases of 10 and 12 are under 30: not tested', () => {
    const small = testWaveChanges({ questions: [rowsOf('arrangement', {}, trendWaves(1))], previous: '2021', latest: '2022', weighted: false });
    expect([small.rows.length, small.untested]).toEqual([0, 3]);
  });
});
